"""Links from a case study's body to other pages and files of the casebook.

Editors link the way readers see the site: from ``/case-studies/a/``, ``../b/``
is another case study and ``../../hubs/jurassic/`` a hub's page. MkDocs checks
links as paths between Markdown files instead, and would call both broken. So
the checker resolves each link against the site's own URLs and reports one
that leads nowhere (or to a draft) at its line; and the build rewrites each
link to the file it leads to (``b.md``, ``../hubs/jurassic.md``), which MkDocs
turns back into a relative URL, checking its ``#anchor`` on the way.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .body import link_targets
from .model import LISTED_VOCABULARIES, CaseStudy, Vocabularies

# Files the build writes besides pages (macros/exports.py, macros/feeds.py; MkDocs' sitemap).
GENERATED_FILES = ("case-studies.json", "case-studies.csv", "feed.xml", "sitemap.xml")


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


def build_site_map(case_studies: Iterable[CaseStudy], vocabularies: Vocabularies, docs: Path) -> SiteMap:
    """Every page and file a build of these case studies has (hand-written pages read from ``docs``)."""
    pages: dict[str, str] = {}
    files = set(GENERATED_FILES)
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
            if key == "hubs":
                files.add(f"hubs/{entry_id}/feed.xml")
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
        return Resolved(path, suffix)
    url = "" if path in ("", ".") else path.rstrip("/") + "/"
    if url in site.pages:
        return Resolved(site.pages[url], suffix)
    if url in site.drafts:
        return Resolved(problem=f"link '{target}' leads to a draft case study, which has no page — link to it once it is published")
    hint = "link to another case study as '../<slug>/', to a hub as '../../hubs/<hub-id>/'"
    return Resolved(problem=f"link '{target}' leads to no page of the casebook — {hint}")


@dataclass(frozen=True)
class Rewritten:
    """A body with its links to the site pointing at the files they lead to, and what was found on the way."""

    body: str
    links: tuple[tuple[int, str, str], ...] = ()  # (file line, as the editor wrote it, as MkDocs sees it)
    problems: tuple[tuple[int, str], ...] = ()  # (file line, why) for each link that leads nowhere

    def original(self, rewritten: str) -> tuple[int, str] | None:
        """Where a link MkDocs reports on stands in the file, and how the editor wrote it."""
        for line, written, seen in self.links:
            if seen == rewritten:
                return line, written
        return None


def follow_links(case_study: CaseStudy, site: SiteMap) -> Rewritten:
    """Resolve every link in the body once: the checker reports the problems, the build renders the body."""
    if "]" not in case_study.body:  # no link at all: most bodies, and the quickest test
        return Rewritten(case_study.body)
    lines = case_study.body.split("\n")
    edits: dict[int, list[tuple[int, int, str]]] = {}
    links, problems = [], []
    here = posixpath.dirname(case_study.src_uri)
    for link in link_targets(case_study.body, case_study.body_line):
        resolved = resolve(link.target.strip(), case_study.url, site)
        if resolved.problem:
            problems.append((link.line, resolved.problem))
        if resolved.src_path is None:
            links.append((link.line, link.target, link.target))
            continue
        relative = posixpath.relpath(resolved.src_path, here) + resolved.suffix
        edits.setdefault(link.index, []).append((link.start, link.end, relative))
        links.append((link.line, link.target, relative))
    for index, changes in edits.items():
        line = lines[index]
        for start, end, replacement in sorted(changes, reverse=True):
            line = line[:start] + replacement + line[end:]
        lines[index] = line
    return Rewritten("\n".join(lines), tuple(links), tuple(problems))
