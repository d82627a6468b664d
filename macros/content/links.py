"""Links from a case study's body to other pages and files of the casebook.

Editors link the way readers see the site: from ``/case-studies/a/``, ``../b/``
is another case study and ``../../hubs/jurassic/`` a hub's page. The body's
renderer (macros/content/body.py) resolves each link against the site's own URLs: one
that leads nowhere (or to a draft) is a problem at its line; the rest are
written as relative URLs from the case study's page, and the build hands their
``#anchors`` to MkDocs to check against the page they lead to.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from macros.content.addresses import GENERATED_FILES, feed_path
from macros.content.model import LISTED_VOCABULARIES, CaseStudy, Vocabularies

# Files the build writes besides pages (macros/outputs/exports.py, macros/outputs/feeds.py; MkDocs' sitemap).
@dataclass(frozen=True)
class SiteMap:
    pages: Mapping[str, str]  # site-relative URL ("hubs/jurassic/") -> its Markdown path ("hubs/jurassic.md")
    files: frozenset[str]  # every other file by its site path ("assets/images/social.png")
    drafts: frozenset[str]  # URLs of draft case studies: no page is built for them


def page_url(src_uri: str) -> str:
    """The URL MkDocs gives a Markdown file with directory URLs: ``a/b.md`` -> ``a/b/``."""
    path = src_uri.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return f"{path}/"


def build_site_map(
    case_studies: Iterable[CaseStudy], vocabularies: Vocabularies, docs: Path, images: Iterable[str] = ()
) -> SiteMap:
    """Every page and file a build of these case studies has (hand-written pages read from ``docs``;
    ``images``, the case studies' pictures, by their site paths)."""
    pages: dict[str, str] = {}
    files = set(GENERATED_FILES) | set(images)
    drafts = set()
    if docs.is_dir():
        for path in sorted(docs.rglob("*")):
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(docs).parts):
                relative = path.relative_to(docs).as_posix()
                if relative.endswith(".md"):
                    pages[page_url(relative)] = relative
                else:
                    files.add(relative)
    for key, folder in LISTED_VOCABULARIES.items():
        pages.setdefault(f"{folder}/", f"{folder}/index.md")
        for entry_id in vocabularies[key].ids:
            pages.setdefault(f"{folder}/{entry_id}/", f"{folder}/{entry_id}.md")
            files.add(feed_path(key, entry_id))  # every listed entry has a feed
    pages.setdefault("case-studies/", "case-studies/index.md")
    for case_study in case_studies:
        if case_study.draft:
            drafts.add(case_study.url)
        else:
            pages[case_study.url] = case_study.src_uri
    return SiteMap(pages, frozenset(files), frozenset(drafts))


@dataclass(frozen=True)
class Resolved:
    """Where a link leads: ``src_path`` in the docs folder (a page's Markdown or a file),
    or a reason it leads nowhere; ``None`` for both when it is not the site's to check."""

    src_path: str | None = None
    suffix: str = ""  # ?query#fragment, kept as written
    problem: str | None = None
    url: str = ""  # where it leads on the site: a page's URL ("hubs/jurassic/") or a file's path


def resolve(target: str, from_url: str, site: SiteMap) -> Resolved:
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path:
        return Resolved()  # another site, mailto:, or #fragment / ?query on the same page
    suffix = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    base = "/" + from_url
    joined = posixpath.normpath(parts.path if parts.path.startswith("/") else posixpath.join(posixpath.dirname(base), parts.path))
    if joined.startswith("/.."):
        return Resolved(problem=f"link '{target}' goes above the site's root — check the number of '../'")
    path = joined.lstrip("/")
    if path.endswith("index.html"):
        path = path.removesuffix("index.html")
    if path in site.files:
        return Resolved(path, suffix, url=path)
    url = "" if path in ("", ".") else path.rstrip("/") + "/"
    if url in site.pages:
        return Resolved(site.pages[url], suffix, url=url)
    if url in site.drafts:
        return Resolved(problem=f"link '{target}' leads to a draft case study, which has no page — link to it once it is published")
    hint = "link to another case study as '../<slug>/', to a hub as '../../hubs/<hub-id>/'"
    return Resolved(problem=f"link '{target}' leads to no page of the casebook — {hint}")


def relative_url(target: str, from_url: str) -> str:
    """A site-relative ``target`` (a page URL ending in "/" or a file path) as seen from the page at ``from_url``."""
    relative = posixpath.relpath("/" + target, "/" + from_url)
    if target == "" or target.endswith("/"):
        relative = "./" if relative == "." else relative + "/"
    return relative
