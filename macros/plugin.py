"""The MkDocs plugin: the one place the casebook meets MkDocs (and ProperDocs).

It runs the same load and checks as ``casebook check`` once per build, stops
the build with every problem listed, adds the generated pages as virtual files
(nothing is written into ``docs/``), and keeps untrusted case-study content
from ever being evaluated as a template or reaching a page as script.
"""

from __future__ import annotations

import logging
import os
import re
from html import escape, unescape
from pathlib import Path
from functools import partial
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote, urljoin

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc
from mkdocs.utils.templates import TemplateContext

from macros.site.csp import PolicyError, scope, site_policy
from macros.content.addresses import CSV_PATH, JSON_PATH, SITE_FEED_PATH
from macros.outputs.exports import build_csv_index, build_json_index, build_time
from macros.outputs.feeds import render_feed, site_feeds
from macros.content.figures import Figures
from macros.content.body import Heading, RenderedBody
from macros.content.index import CaseStudyIndex, build_index
from macros.content.library import CASE_STUDIES_DIR, DATA_DIR, Library, load_library
from macros.content.model import Problem
from macros.site.pages import GeneratedPage, plan_pages
from macros.site.problems_page import (
    NO_SEARCH, library_problems, problems_html, problems_page, reloading_error_pages, terminal_message, with_problems,
)
from macros.site.render import root_for
from macros.content.reporting import format_build_failure
from macros.site.scripts import imported_modules
from macros.site.sharing import head_tags, mark_links_for_print
from macros.outputs.search_index import SearchDocument, SearchFiles, build_search_files, index_words, word_sources
from macros.content.glossary import Glossary
from macros.outputs.search_worker import BackgroundWords
from macros.outputs.search_words import NO_GLOSSARY, GlossaryWords
from macros.outputs.site_search import case_study_documents, search_documents

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer


class CasebookConfig(Config):  # type: ignore[no-untyped-call]  # as below
    """No options: content is always read from beside mkdocs.yml (contract §5)."""


_ANCHOR_WARNING = re.compile(r"^Doc file '([^']+)' contains a link '([^']+)', but (.*)$", re.S)


class EditorsLinkWarnings(logging.Filter):
    """MkDocs reports a missing #anchor against the page's Markdown path and the link as
    the build rewrote it; for a case study, say it as the checker would: the editor's
    file and line, and the link as they wrote it. The warning still fails --strict."""

    def __init__(self, pages: dict[str, GeneratedPage]) -> None:
        super().__init__()
        self.pages = pages

    def filter(self, record: logging.LogRecord) -> bool:
        match = _ANCHOR_WARNING.match(record.getMessage())
        page = self.pages.get(match.group(1)) if match else None
        if match is None or page is None or page.case_study is None or page.body is None:
            return True
        found = page.body.original(match.group(2))
        if found is not None:
            line, written = found
            anchor = match.group(2).partition("#")[2]
            where = "on this page" if match.group(3).startswith("there is no such anchor") else "on the page it leads to"
            record.msg = (
                f"{page.case_study.display_path}:{line}: body: link '{written}': there is no '#{anchor}' {where} — "
                "copy the heading's link from that page (the ¶ sign beside the heading)"
            )
            record.args = ()
        return True


LOG = logging.getLogger("mkdocs.plugins.casebook")  # ProperDocs shows the "mkdocs" loggers too

# One filter for the process, however many builds `mkdocs serve` runs; ProperDocs logs under its own name.
LINK_WARNINGS = EditorsLinkWarnings({})
for _tool in ("mkdocs", "properdocs"):
    logging.getLogger(f"{_tool}.structure.pages").addFilter(LINK_WARNINGS)


class CasebookPlugin(BasePlugin[CasebookConfig]):  # type: ignore[no-untyped-call]  # MkDocs' own hook is untyped
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.root = Path.cwd()
        self.index: CaseStudyIndex | None = None
        self.figures: Figures | None = None
        self.glossary: Glossary | None = None
        self.pages: dict[str, GeneratedPage] = {}
        self.handwritten: list[tuple[str, str, str, str]] = []  # (url, title, description, markdown)
        self.search: SearchFiles | None = None
        self.case_study_documents: list[SearchDocument] = []
        self.glossary_words = NO_GLOSSARY
        self.indexed_apart = 0  # how many case studies the other process indexes
        self.words: BackgroundWords | None = None
        self.serving = False
        self.problems: str | None = None  # while serving, the problems page's HTML (macros/site/problems_page.py)

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Only `mkdocs serve` (and `properdocs serve`) shows problems in the browser; `build` and
        # `gh-deploy` fail on them, and so does `serve --clean`, which MkDocs reports as "build".
        # The command is the one signal MkDocs gives before the first build (`on_serve` comes
        # after it). Defining this hook keeps one plugin object across the rebuilds of a serve,
        # so on_config resets every per-build attribute.
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        self.serving = False  # the object outlives the command within one process (tests)

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        # A missing page (every page but the home page while problems are shown) reloads itself too.
        server.error_handler = reloading_error_pages(server, server.error_handler)
        return server

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Content lives beside mkdocs.yml, whichever copy of the project is built.
        self.root = Path(config.config_file_path).resolve().parent
        self.index = None
        self.figures = None
        self.glossary = None
        self.pages = {}
        LINK_WARNINGS.pages = self.pages  # this build's pages (one plugin object serves every build of `mkdocs serve`)
        self.handwritten = []
        self.search = None
        self.case_study_documents = []
        self.problems = None
        self.on_build_error(error=RuntimeError("a new build started"))  # a previous build's worker, if any
        if not config.repo_url:
            config.edit_uri = None  # edit links need the repository (REPO_URL); without it, none
        if config.extra.get("scope") is None:
            # Material's first inline script prints the scope; its default, base_url, differs by
            # page depth, and the Content-Security-Policy allows that script by its hash.
            config.extra["scope"] = scope(config.site_url)
        for folder in (CASE_STUDIES_DIR, DATA_DIR):
            path = self.root / folder
            if path.is_dir() and str(path) not in config.watch:
                config.watch.append(str(path))  # `mkdocs serve` rebuilds when an editor saves
        return config

    @event_priority(50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # The search words' process starts now, to be ready when the case studies are loaded.
        self.words = BackgroundWords(expected=_files_under(self.root / CASE_STUDIES_DIR))
        library = load_library(self.root)
        if library.problems or library.vocabularies is None:
            if self.serving:
                return self.show_problems(files, config, library)
            raise PluginError(format_build_failure(library))
        self.index = build_index(library.case_studies, library.vocabularies)
        self.figures = library.figures
        self.glossary = library.glossary
        # The search words of the case studies, indexed on another core while the pages render.
        self.case_study_documents = case_study_documents(self.index)
        self.glossary_words = (
            GlossaryWords.from_forms((term.abbreviation, term.forms) for term in library.glossary.terms)
            if library.glossary else NO_GLOSSARY
        )
        # Seven eighths indexed on the other core, which also writes every case study's passage text
        # into the site; this one indexes the rest, and the other pages, in on_env, which is about
        # when the other is done (measured at 1,000: benchmarks/README.md).
        self.indexed_apart = len(self.case_study_documents) * 7 // 8
        self.words.send(self.case_study_documents, self.indexed_apart, Path(config.site_dir), self.glossary_words)
        clashes: list[Problem] = []
        for page in plan_pages(self.index, self.search_files, library.bodies):
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                if page.case_study is not None:
                    clashes.append(Problem(
                        page.case_study.display_path, 1, "slug",
                        f"'{page.case_study.slug}' would replace the hand-written page docs/{existing.src_uri} — rename the case study",
                    ))
                continue  # a hand-written listing page wins over the generated one
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion))
            self.pages[page.src_uri] = page
        if clashes:
            if self.serving:
                return self.show_problems(files, config, library, clashes)
            raise PluginError("\n".join(str(clash) for clash in clashes))
        for image in library.images:  # case_studies/images/, checked by macros/content/images.py
            if files.get_file_from_path(image.site_path) is None:
                files.append(File.generated(config, image.site_path, abs_src_path=str(image.path)))
        generated = build_time()
        files.append(File.generated(config, JSON_PATH, content=build_json_index(self.index, generated, library.bodies)))
        files.append(File.generated(config, CSV_PATH, content=build_csv_index(self.index)))
        newest = self.index.case_studies[0].date if self.index.case_studies else generated.date()
        for feed in site_feeds(self.index, config.site_name):
            text = render_feed(feed, self.index.vocabularies, config.site_url or "/", config.site_author or config.site_name, newest)
            files.append(File.generated(config, feed.path, content=text))
        return files

    def show_problems(self, files: Files, config: MkDocsConfig, library: Library, extra: list[Problem] | None = None) -> Files:
        """While serving, a site of one page listing the problems, also the 404 page (on_post_template),
        so whatever address the browser asks for shows them (macros/site/problems_page.py)."""
        self.on_build_error(error=RuntimeError("the library has problems"))
        self.index = None
        problems, summary = library_problems(library, extra or ())
        LOG.info(terminal_message(problems, summary))  # not a warning, which would stop `serve --strict` again
        self.problems = problems_html(problems, summary)
        page = problems_page(self.problems)
        self.pages.clear()
        self.pages[page.src_uri] = page
        config.nav = [page.src_uri]
        # The theme's and docs/ static files stay; every page (hand-written ones too, whose macros need the index) goes.
        site = Files([file for file in files if not file.is_documentation_page()])
        site.append(File.generated(config, page.src_uri, content=page.markdown))
        return site

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        if self.problems is None or template_name != "404.html":
            return output_content
        try:
            return with_problems(output_content, self.problems, config.site_name)
        except ValueError as error:
            raise PluginError(str(error)) from error

    def search_files(self) -> SearchFiles:
        assert self.search is not None, "the search index is built in on_env, before any page is written"
        return self.search

    @event_priority(100)  # before mkdocs-macros looks at the page
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # The casebook's own index serves the header search box (see on_env), so
        # Material's indexer, which would parse every page again, skips them all.
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            description = page.meta.get("description")
            self.handwritten.append(
                (page.url, page.title or "", description if isinstance(description, str) else "", markdown)
            )
            return markdown
        # Never evaluated as Jinja, whatever the content says (mkdocs-macros honours this key).
        page.meta["render_macros"] = False
        # MkDocs themes print these unescaped in <title>, <meta> and the header.
        page.meta["title"] = escape(generated.title)
        page.meta["description"] = escape(generated.description)
        if generated.hide:
            page.meta["hide"] = list(generated.hide)
        if generated.finder:
            page.meta["cb_finder"] = True
        if generated.case_study is not None:
            page.edit_url = edit_url(config, generated.case_study.display_path)
        # MkDocs would build a Markdown instance with every extension of the hand-written pages to
        # render an empty file: a generated page is rendered here, a case study's body by the profile.
        page.render = partial(render_generated_page, page, generated.body)  # type: ignore[method-assign]
        return markdown

    @event_priority(100)
    def _mark_links_for_print(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is None or generated.case_study is None:
            return html
        # On paper a case study's links show where they lead (the print stylesheet).
        return mark_links_for_print(html, page.canonical_url)

    @event_priority(-100)
    def _add_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return html
        before = generated.before(root_for(page.url))
        add_anchors(page, before)
        return "\n".join(part for part in (before, html) if part)

    on_page_content = CombinedEvent(_mark_links_for_print, _add_page_content)

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """Every page has been read: build the search index before any page is written."""
        env.globals["cb_csp"] = self.content_security_policy(env, config)  # for overrides/main.html
        # The navigation rendered once per folder for pages outside it (overrides/partials/nav.html).
        env.globals["cb_nav_cache"] = {}
        # The script's modules, for <link rel="modulepreload"> (overrides/main.html): the browser
        # fetches them all at once instead of finding each import only after the one before.
        env.globals["cb_modules"] = [SCRIPT_FOLDER + module for module in imported_modules(partial(_script_text, files))]
        if self.problems is not None:
            config.extra["cb_search"] = NO_SEARCH
            return env
        assert self.index is not None and self.words is not None
        listings = [(page.url, page.title, page.description) for page in self.pages.values() if page.case_study is None]
        documents = search_documents(self.case_study_documents, listings, self.handwritten)
        # This process's share first, then what the other has done meanwhile.
        rest = index_words(word_sources(documents[self.indexed_apart :]), first=self.indexed_apart, glossary=self.glossary_words)
        earlier, texts = self.words.result()  # the passage texts are written while the pages are
        self.search = build_search_files(documents, (earlier, rest), self.glossary_words, texts)
        # Written with the site (on_post_build): nothing in the build reads them.
        # For the header search box (overrides/partials/search.html).
        config.extra["cb_search"] = {"base": self.search.base, "word_keys": " ".join(self.search.word_keys)}
        return env

    def content_security_policy(self, env: Any, config: MkDocsConfig) -> str:
        """Hashes from Material's partials rendered with the trusted config, never from a built page."""
        features = list(config.theme.get("features") or [])

        def render(partial: str, base_url: str) -> str:
            return str(env.get_template(partial).render(config=config, base_url=base_url, features=features))

        try:
            return site_policy(render, features, config.theme.get("palette"), config.extra)
        except PolicyError as error:
            raise PluginError(str(error)) from error

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        words, self.words = self.words, None
        try:
            if words is not None and self.search is not None:
                words.finish()
            if self.search is not None:
                self.search.write(Path(config.site_dir))
        except OSError as error:
            raise PluginError(f"casebook: could not write the search files into {config.site_dir}: {error}") from error
        finally:
            if words is not None:
                words.cancel()  # a build with problems never sent it any work

    def on_build_error(self, *, error: Exception) -> None:
        if self.words is not None:  # never left writing into the next build's site
            self.words.cancel()
            self.words = None

    @event_priority(-100)  # after the search plugin has indexed the page's own content
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        generated = self.pages.get(page.file.src_uri)
        root = root_for(page.url)
        if generated is not None:
            after = generated.after(root)
            if after:
                add_anchors(page, after)
                page.content = f"{page.content or ''}\n{after}"
        # Only the site's feed goes in the head: Material's instant navigation reads every
        # <link rel="alternate"> as a translation of the site and fetches sitemap.xml from
        # beside it, which for a listing's feed does not exist. A listing page (a hub, a phase,
        # a model, a programme) links its own feed in the text, with <a rel="alternate"
        # type="application/atom+xml">, which feed readers also discover.
        feeds = [(root + SITE_FEED_PATH, "New case studies")]
        description = page.meta.get("description")
        context["cb_head"] = head_tags(  # type: ignore[typeddict-unknown-key]  # for overrides/main.html
            # A generated page's title and description are plain text here; its meta holds them escaped.
            title=generated.title if generated is not None else (page.title or config.site_name),
            description=generated.description if generated is not None else (
                description if isinstance(description, str) else config.site_description or ""
            ),
            site_name=config.site_name,
            site_url=config.site_url,
            canonical_url=page.canonical_url,
            article=generated is not None and generated.case_study is not None,
            feeds=feeds,
        )
        skip_to_title(page)
        context["cb_nav_key"] = nav_cache_key(page, nav)  # type: ignore[typeddict-unknown-key]  # for overrides/partials/nav.html
        return context


_ID = re.compile(r'\sid="([^"]+)"')
SCRIPT_FOLDER = "assets/javascripts/"  # overrides/assets/javascripts: casebook.js and the modules it imports


def _script_text(files: Files, path: str) -> str | None:
    file = files.get_file_from_path(SCRIPT_FOLDER + path)
    return None if file is None or file.abs_src_path is None else Path(file.abs_src_path).read_text(encoding="utf-8")


def _files_under(folder: Path) -> int:
    """About how many case studies a build will load: a walk of the folder, no file opened."""
    return sum(len(names) for _, _, names in os.walk(folder))


def render_generated_page(page: Page, body: RenderedBody | None, config: MkDocsConfig, files: Files) -> None:
    """``Page.render`` for a generated page. Its Markdown is a fixed front matter block and nothing else;
    a case study's body was rendered in the case-study profile when it was checked (macros/content/body.py), so
    MkDocs' own Markdown, with the hand-written pages' extensions (attribute lists among them), never sees it."""
    page.content = body.html if body else ""
    page.toc = get_toc([_toc_token(heading) for heading in body.toc] if body else [])  # type: ignore[misc]  # MkDocs' TypedDict
    page.present_anchor_ids = set(body.ids) if body else set()
    # MkDocs checks these #anchors once every page is rendered; EditorsLinkWarnings words its warning.
    anchors: dict[File, dict[str, str]] = {}
    for link in body.anchors if body else ():
        target = page.file if link.src_path is None else files.get_file_from_path(link.src_path)
        if target is not None:
            anchors.setdefault(target, {}).setdefault(link.anchor, link.written)
    page.links_to_anchors = anchors


def _toc_token(heading: Heading) -> dict[str, Any]:
    """A heading as MkDocs' table of contents takes it. Material prints the name unescaped, so it is escaped here;
    the id is the casebook's own (letters, digits and hyphens)."""
    return {
        "level": heading.level,
        "id": heading.id,
        "name": escape(heading.text),
        "children": [_toc_token(child) for child in heading.children],
    }


_H1 = re.compile(r"<h1\b([^>]*)>")


def skip_to_title(page: Page) -> None:
    """Make Material's "Skip to content" link (the first Tab stop; it leads to the first entry of
    the table of contents) land on the page's <h1>, and let it take focus there.

    A generated page's <h1> is in no table of contents, so its skip link went to the first <h2>,
    past the title (a case study's summary and facts box too), or, with no <h2>, was not printed.
    The <h1> becomes the table's one top entry, holding the old entries: Material's toc and
    navigation partials show a level-1 entry's children, so the table of contents looks the same."""
    html = page.content or ""
    match = _H1.search(html)
    found = _ID.search(match.group(1)) if match else None
    if match is None or found is None:
        return
    if "tabindex" not in match.group(1):
        page.content = html[: match.end(1)] + ' tabindex="-1"' + html[match.end(1) :]
    anchor = unescape(found.group(1))
    first = next(iter(page.toc), None)
    if first is not None and first.level == 1 and first.id == anchor:
        return
    title = AnchorLink(escape(page.title or ""), anchor, 1)
    title.children = list(page.toc)
    page.toc = TableOfContents([title])


def add_anchors(page: Page, html: str) -> None:
    """MkDocs checks links to #anchors against the ids in a page's Markdown only; a generated
    page's own HTML has ids that links may point at too (``/hubs/#who-works-with-which-hub``)."""
    if page.present_anchor_ids is not None and ' id="' in html:
        page.present_anchor_ids.update(unescape(anchor) for anchor in _ID.findall(html))


def nav_cache_key(page: Page, nav: Navigation) -> str | None:
    """Pages given the same key have the same navigation list (overrides/partials/nav.html).

    A page outside the navigation has no active item, and its links to the
    navigation's pages are relative to its folder's parent, the same for every
    page in that folder, unless a navigation page lies inside its own folder.
    """
    if page.url == "" or page in nav.pages or not page.url.endswith("/"):
        return None
    if any(other.url.startswith(page.url) for other in nav.pages):
        return None
    return page.url.rstrip("/").rpartition("/")[0] + "/"


def edit_url(config: MkDocsConfig | dict[str, Any], display_path: str) -> str | None:
    """"Edit this page" for a case study points at its own file, not at a generated path."""
    repo_url: str | None = config["repo_url"]
    edit_uri: str | None = config["edit_uri"]
    if not repo_url or not edit_uri:
        return None
    docs_folder = Path(str(config["docs_dir"])).name + "/"
    base = edit_uri[: -len(docs_folder)] if edit_uri.endswith(docs_folder) else edit_uri
    if base and not base.endswith("/"):
        base += "/"
    # Material prints the URL unescaped in an href: the path is percent-encoded whatever it holds
    # (the checks already hold folder and file names to the slug rule).
    return urljoin(repo_url.rstrip("/") + "/", base + quote(display_path, safe="/"))
