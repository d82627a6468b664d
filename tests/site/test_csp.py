"""The Content-Security-Policy (macros/site/csp.py): its parts, every page of the site as
published (built with REPO_URL, as the deploy workflow does), and the site at work
under it in a real browser, with nothing fetched from anywhere else."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import material
import pytest
from conftest import PUBLISHED_REPO_URL, ServedSite
from playwright.sync_api import expect

from macros.site.csp import (
    DIRECTIVES,
    PolicyError,
    inline_scripts,
    policy,
    scope,
    script_hash,
    script_hashes,
    script_partials,
    site_policy,
)

MATERIAL_PARTIALS = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
INJECTED = "csp-injected"  # a folder the injection test writes into the served site, and removes


def directives(text: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in text.split(";") if part.strip())}


# --- macros/site/csp.py -------------------------------------------------------------------------


def test_the_scope_is_the_path_of_the_site_url() -> None:
    assert scope("http://127.0.0.1:8000/") == "/"
    assert scope("https://maths-hubs-casebook.github.io/casebook") == "/casebook/"
    assert scope("https://example.org/a/b/") == "/a/b/"
    assert scope(None) == "/"


def test_only_scripts_a_browser_runs_are_inline_scripts() -> None:
    html = (
        '<script>a()</script><script type="text/javascript">b()</script><script type=module>c()</script>'
        '<script src="x.js"></script><script id="__config" type="application/json">{"base": "."}</script>'
        "<SCRIPT>d()</SCRIPT >"
    )
    assert inline_scripts(html) == ["a()", "b()", "c()", "d()"]


def test_a_hash_source_is_the_base64_sha256_of_the_exact_text() -> None:
    assert script_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    assert script_hash("a()") != script_hash("a() ")


def test_hashes_come_from_the_partials_once_each() -> None:
    rendered = {"one": "<script>a()</script>", "two": '<script>a()</script><script src="s.js"></script><script>b()</script>'}
    hashes = script_hashes(lambda partial, base_url: rendered[partial], ["one", "two"])
    assert hashes == [script_hash("a()"), script_hash("b()")]


def test_a_script_that_differs_by_page_depth_is_refused() -> None:
    def render(partial: str, base_url: str) -> str:
        return f'<script>new URL("{base_url}")</script>'

    with pytest.raises(PolicyError, match="differs from page to page"):
        script_hashes(render, ["partials/javascripts/outdated.html"])


def test_the_partials_follow_the_config() -> None:
    base = ["partials/javascripts/base.html", "partials/javascripts/content.html"]
    assert script_partials([], None, {}) == base
    assert script_partials([], {"scheme": "default"}, {}) == base  # one palette: no toggle, no script
    assert script_partials([], [{"scheme": "default"}], {}) == [*base, "partials/javascripts/palette.html"]
    assert script_partials(["announce.dismiss"], None, {"consent": {"title": "t"}, "version": {"provider": "mike"}}) == [
        *base, "partials/javascripts/announce.html", "partials/javascripts/consent.html",
        "partials/javascripts/outdated.html",
    ]
    with pytest.raises(PolicyError, match="analytics"):
        script_partials([], None, {"analytics": {"provider": "google", "property": "G-X"}})


def test_the_policy_never_allows_inline_or_eval_script_and_locks_down_the_rest() -> None:
    text = policy([script_hash("a()")])
    parts = directives(text)
    assert parts["script-src"] == ["'self'", script_hash("a()")]
    assert parts["object-src"] == ["'none'"]
    assert parts["base-uri"] == ["'self'"]
    assert parts["default-src"] == parts["connect-src"] == parts["form-action"] == ["'self'"]
    assert parts["frame-src"] == ["'none'"]
    assert parts["img-src"] == ["'self'", "data:"]
    assert "unsafe" not in text
    assert not {'"', "<", ">", "&"} & set(text)  # printed unescaped in an attribute
    # <meta> policies cannot carry these; Chromium logs an error for each.
    assert not {"frame-ancestors", "report-uri", "sandbox"} & {name for name, _ in DIRECTIVES}
    with pytest.raises(ValueError):
        policy(["'unsafe-inline'"])


def test_site_policy_puts_it_together() -> None:
    text = site_policy(lambda partial, base_url: f"<script>{partial}</script>", [], [{}], {})
    assert directives(text)["script-src"][1:] == [
        script_hash(f"partials/javascripts/{name}.html") for name in ("base", "content", "palette")
    ]


# --- every page of the site as published ---------------------------------------------------


@pytest.fixture(scope="module")
def site(published_site: ServedSite) -> ServedSite:
    return published_site


class Head(HTMLParser):
    """The tags of a page in order, the CSP metas, and the text of each executable inline script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.policies: list[str] = []
        self.in_head = True
        self.policy_in_head = False
        self.script: dict[str, str | None] | None = None
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "body":
            self.in_head = False
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(attributes.get("content") or "")
            self.policy_in_head = self.in_head
        if tag == "script":
            self.script = attributes

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.script = None

    def handle_data(self, data: str) -> None:
        if self.script is not None and "src" not in self.script:
            if (self.script.get("type") or "").lower() in ("", "text/javascript", "module"):
                self.scripts.append(data)


def built_pages(site: ServedSite) -> list[Path]:
    pages = [path for path in sorted(site.site.rglob("*.html")) if INJECTED not in path.parts]
    assert len(pages) > 30
    return pages


def parse(path: Path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    head.close()
    return head


def site_policy_text(site: ServedSite) -> str:
    return parse(site.site / "index.html").policies[0]


def test_every_page_has_the_one_policy_before_any_script_or_stylesheet(site: ServedSite) -> None:
    expected = site_policy_text(site)
    for path in built_pages(site):
        head = parse(path)
        where = path.relative_to(site.site)
        assert head.policies == [expected], where  # once, and the same on every page
        assert head.policy_in_head, where
        tags = head.tags
        meta = next(i for i, (tag, a) in enumerate(tags) if tag == "meta" and a.get("http-equiv") is not None)
        first_script = next(i for i, (tag, _) in enumerate(tags) if tag == "script")
        first_style = next(
            i for i, (tag, a) in enumerate(tags) if tag == "style" or (tag == "link" and a.get("rel") == "stylesheet")
        )
        assert meta < first_script and meta < first_style, where
        # style-src has no 'unsafe-inline': a style attribute or <style> would be refused.
        assert not [tag for tag, a in tags if tag == "style" or "style" in a], where
        assert b"<meta charset" in path.read_bytes()[:1024], where


def test_the_hashes_are_materials_scripts_as_its_templates_write_them(site: ServedSite) -> None:
    """Worked out here from Material's template files, not from a page: every inline script
    on every page is one of them, and the policy allows those and no other."""
    material_scripts = []
    for name in ("base", "content"):  # theme.palette is a mapping: no toggle, no palette script
        source = (MATERIAL_PARTIALS / f"{name}.html").read_text()
        source = source.replace("{{ config.extra.scope | d(base_url) }}", "/")  # the site's scope
        source = re.sub(r"{% if .*?{% endif %}", "", source, flags=re.S)  # features this site does not use
        material_scripts += inline_scripts(source)
    assert material_scripts and not [text for text in material_scripts if "{{" in text or "{%" in text]
    allowed = set(directives(site_policy_text(site))["script-src"][1:])
    assert allowed == {script_hash(text) for text in material_scripts}
    on_pages = {script_hash(text) for path in built_pages(site) for text in parse(path).scripts}
    assert on_pages == allowed


def test_the_repository_link_is_kept_and_nothing_asks_github_for_its_stars(site: ServedSite) -> None:
    for path in built_pages(site):
        html = path.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in html, path
    home = parse(site.site / "index.html")
    assert ("a", {"href": PUBLISHED_REPO_URL, "title": "Go to repository", "class": "md-source"}) in home.tags


# --- the site at work under the policy ------------------------------------------------------

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push({directive: event.effectiveDirective, blocked: event.blockedURI,
                            sample: event.sample, source: event.sourceFile, line: event.lineNumber});
}, true);
"""


class Watched:
    """A browser page that records CSP violations, page and console errors and off-site requests.

    Not page.wait_for_function: Playwright polls its predicate with eval, which the policy
    blocks; locators, expect() and page.evaluate are not affected."""

    def __init__(self, browser: Any, site: ServedSite) -> None:
        self.site = site
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        self.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url.rstrip("/"))
        self.context.add_init_script(WATCH)
        self.errors: list[str] = []
        self.off_site: list[str] = []
        self.violations: list[dict[str, Any]] = []
        self.context.on("request", self.request)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)

    def request(self, request: Any) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob") and parts.hostname != "127.0.0.1":
            self.off_site.append(request.url)

    def collect(self) -> None:
        """Take the violations this document has seen (call before it is left)."""
        self.violations += self.page.evaluate("window.__violations.splice(0)")

    def visit(self, path: str) -> None:
        self.page.goto(self.site.url + path)
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_timeout(100)
        self.check(path)

    def check(self, where: str) -> None:
        assert self.page.evaluate("document.querySelectorAll('meta[http-equiv=Content-Security-Policy]').length") == 1, where
        assert self.page.evaluate("typeof __md_scope") == "object", where  # Material's inline script ran
        self.collect()


@pytest.fixture
def watched(browser: Any, site: ServedSite) -> Iterator[Watched]:
    watching = Watched(browser, site)
    yield watching
    watching.context.close()


def first_case_study(site: ServedSite) -> dict[str, Any]:
    entries: list[dict[str, Any]] = json.loads((site.site / "case-studies.json").read_text())["case_studies"]
    with_model = [entry for entry in entries if entry["partnership_models"]]
    assert with_model
    return with_model[0]


def visible_cards(page: Any) -> int:
    return int(page.eval_on_selector_all(".cb-finder__results > .cb-card:not([hidden])", "cards => cards.length"))


def test_every_kind_of_page_works_under_the_policy_and_fetches_nothing_from_elsewhere(
    watched: Watched, site: ServedSite
) -> None:
    entry = first_case_study(site)
    page = watched.page
    watched.visit("")
    watched.visit("case-studies/")
    assert page.is_visible(".cb-finder__form") and visible_cards(page) > 0  # casebook.js ran
    watched.visit("case-studies/?q=jurassic&hub=jurassic")
    assert visible_cards(page) > 0
    watched.visit(entry["url"])
    watched.visit(f"hubs/{entry['hubs'][0]}/")
    watched.visit(f"phases/{entry['phases'][0]}/")
    watched.visit(f"partnership-models/{entry['partnership_models'][0]}/")
    watched.visit("partnership-models/")
    watched.visit("hubs/")
    assert page.is_visible("svg.cb-network__svg")
    watched.visit("programme-in-numbers/")
    assert page.locator("svg.cb-chart__svg").count() > 0
    watched.visit("contribute/")
    watched.visit("accessibility/")
    watched.visit("404.html")
    assert watched.violations == []
    assert watched.errors == []
    assert watched.off_site == []


def test_navigation_search_filters_copy_and_download_work_under_the_policy(watched: Watched, site: ServedSite) -> None:
    page = watched.page
    watched.visit("")
    # Instant navigation there and back: Material swaps the page in and runs its inline script again.
    page.evaluate("window.__sameDocument = true")
    page.click("nav.md-nav--primary a[href$='case-studies/']")
    page.wait_for_selector(".cb-finder__form:not([hidden])")
    page.go_back()
    page.wait_for_url(site.url)
    expect(page.locator(".cb-finder__form")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__sameDocument") is True
    watched.check("after instant navigation")
    # The header search box.
    page.click("input.md-search__input")
    page.type("input.md-search__input", "jurassic", delay=20)
    page.wait_for_selector(".md-search-result__article h1")
    watched.check("header search")
    # The finder: a filter, a search, copy link, download.
    watched.visit("case-studies/")
    page.check("#cb-phase-primary")
    page.wait_for_url(re.compile(r"[?&]phase=primary"))
    page.fill("#cb-finder-q", "trust")
    page.wait_for_url(re.compile(r"[?&]q=trust"))
    page.wait_for_load_state("networkidle")
    assert visible_cards(page) > 0
    page.click(".cb-finder__copy")
    expect(page.locator(".cb-finder__copied")).to_have_text(re.compile("^Link copied"))
    copied = page.evaluate("navigator.clipboard.readText()")
    assert parse_qs(urlsplit(copied).query)["phase"] == ["primary"]
    with page.expect_download() as info:
        page.click(".cb-finder__download")
    assert info.value.suggested_filename == "case-studies-selection.csv"  # built in the browser from the JSON
    watched.check("finder")
    assert watched.violations == []
    assert watched.errors == []
    assert watched.off_site == []


def test_an_injected_script_and_event_handler_are_blocked(watched: Watched, site: ServedSite) -> None:
    built = (site.site / first_case_study(site)["url"] / "index.html").read_text(encoding="utf-8")
    body = '<article class="md-content__inner md-typeset">'  # Material's, around the page's content
    assert built.count(body) == 1
    hostile = built.replace(body, body + '<img src="x" onerror="window.__pwned=1"><script>window.__pwned2=1</script>')
    folder = site.site / INJECTED / "case-study"  # as deep as a case study, so its links still work
    folder.mkdir(parents=True)
    try:
        (folder / "index.html").write_text(hostile, encoding="utf-8")
        page = watched.page
        page.goto(f"{site.url}{INJECTED}/case-study/")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(200)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.evaluate("typeof window.__pwned2") == "undefined"
        assert page.evaluate("typeof __md_scope") == "object"  # while Material's own scripts ran
        watched.collect()
    finally:
        shutil.rmtree(site.site / INJECTED)
    blocked = {(violation["directive"], violation["blocked"]) for violation in watched.violations}
    assert blocked == {("script-src-attr", "inline"), ("script-src-elem", "inline")}, watched.violations
    assert watched.off_site == []


def test_the_preview_still_reloads_itself_when_a_file_is_saved(browser: Any, tmp_path: Path) -> None:
    """`mkdocs serve` injects its live-reload script inline, which the policy refuses; casebook.js
    does its work instead, so an editor's preview still follows their saves."""
    import time

    from conftest import case_study_text, make_project, serving, write

    project = make_project(tmp_path / "project")
    story = write(project, "story.md", case_study_text(title="Before the save"))
    context = browser.new_context()
    with serving(project) as base:
        url = base + "case-studies/story/"
        try:
            page = context.new_page()
            page.goto(url)
            expect(page.locator("h1")).to_have_text("Before the save")
            time.sleep(1)  # the page is polling the server now
            story.write_text(case_study_text(title="After the save"), encoding="utf-8")
            expect(page.locator("h1")).to_have_text("After the save", timeout=60_000)
        finally:
            context.close()
