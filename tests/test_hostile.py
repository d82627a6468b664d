"""Untrusted input (issue 7): every case study arrives by pull request, so these
tests try to break the checker and the build.

- A corpus of hostile files (tests/hostile/) through `casebook check` and a real
  build: never a traceback, never a hang, every bad file named with its field.
- Hypothesis: any bytes, YAML-shaped noise and random front matter never crash
  the checker, and every file is either a case study or has problems; any set of
  valid files gives exactly one page, one JSON entry and one card on each of its
  listings, and nothing else does, both in the page plan and in a real build.

Generated cases per run: 300 byte strings, 300 YAML-shaped texts, 200 random
front matters, 60 valid libraries planned and 4 valid libraries really built
(HYPOTHESIS_PROFILE=thorough multiplies them by ten).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, TODAY, make_project, run_build
from html.parser import HTMLParser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.editing import cli
from macros.content.body import render_body
from macros.content.index import build_index
from macros.content.library import load_library
from macros.content.loading import parse_case_study
from macros.content.model import LISTED_VOCABULARIES
from macros.site.pages import plan_pages
from macros.outputs.search_index import build_search_files
from macros.content.vocabularies import load_vocabularies

HOSTILE = Path(__file__).resolve().parent / "hostile"
VOCABULARIES = load_vocabularies(ROOT / "data", ROOT)[0]
assert VOCABULARIES is not None

settings.register_profile("casebook", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True)
settings.register_profile("thorough", parent=settings.get_profile("casebook"), max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "casebook"))
SCALE = 10 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 1


# --- the corpus ---------------------------------------------------------------------------

# File -> the (field, words in the message) each problem must include; valid files map to [].
EXPECTED: dict[str, list[tuple[str, str]]] = {
    "billion-laughs.md": [("front matter", "anchors and aliases")],
    "body-meta-lines-valid.md": [],
    "bom-valid.md": [],
    "crlf-valid.md": [],
    "deeply-nested-lists.md": [("front matter", "nested more than")],
    "deeply-nested.md": [("front matter", "nested more than")],
    "dot-fence.md": [("front matter", "'...' cannot end")],
    "duplicate-keys.md": [("title", "appears twice")],
    "empty.md": [("file", "is empty")],
    "four-dash-fence.md": [("front matter", "'----'")],
    "front-matter-empty.md": [("front matter", "is empty")],
    "front-matter-list.md": [("front matter", "is a list")],
    "front-matter-only.md": [],
    "front-matter-scalar.md": [("front matter", "is a single value")],
    "jinja-valid.md": [],
    "lists-for-strings.md": [("title", "not a list"), ("type", "one type id"), ("date", "not a list"), ("summary", "must be text")],
    "lone-cr-valid.md": [],
    "markup-in-fields.md": [("title", "contains HTML"), ("summary", "contains HTML")],
    "merge-key-alias.md": [("front matter", "anchors and aliases")],
    "missing-closing-fence.md": [("front matter", "never closed")],
    "no-fence.md": [("front matter", "first line exactly '---'")],
    "not-utf8.md": [("file", "not valid UTF-8 at byte offset 187")],
    "nul-byte.md": [("file", "NUL byte at byte offset 190")],
    "numbers-for-strings.md": [("title", "not the number"), ("summary", "not the number"), ("trust.name", "not the number")],
    "near-limits-valid.md": [],  # as slow as Markdown may be made: a few seconds
    "pathological-body.md": [("body", "over 20,000 characters"), ("body", "more than 500 '['")],
    "python-tag.md": [("front matter", "tags such as")],
    "raw-html-body.md": [("body", "'<script'"), ("body", "'<img'"), ("body", "'<!--'")],
    "render-macros-key.md": [("render_macros", "unknown key")],
    "strings-for-numbers.md": [("school.pupils", "whole number"), ("school.fsm_percent", "number from 0 to 100"),
                               ("trust.schools", "remove the quotes")],
    "tab-indentation.md": [("front matter", "tab")],
    "unicode-line-separator.md": [("front matter", "U+2028")],
    "unsafe-links.md": [("source.url", "'javascript:'"), ("body", "'data:'"), ("body", "'javascript:'"), ("body", "'vbscript:'")],
    "whitespace-only.md": [("file", "is empty")],
    "yaml-syntax-error.md": [("front matter", "never closed")],
    # Attributes through the theme: nothing in a body may set one (issue 13).
    "attr-list-heading.md": [("body", "attribute lists ('{: id=")] + [("body", "attribute lists ('{#__drawer}')"),
                                                                     ("body", "attribute lists ('{: .md-skip }')")],
    "attr-list-blocks.md": [("body", "attribute lists ('{: onclick=")] + [("body", f"attribute lists ('{{: {what}")
                                                                         for what in (".md-dialog", "onmouseover", "onload", ".md-banner")],
    "md-in-html.md": [("body", "'<div'"), ("body", "'</div'"), ("body", "'<details'")],
    # Page dressing: the theme's classes are not the casebook's block types.
    "theme-classes-admonition.md": [("body", "'!!! md-dialog md-dialog--active' is not a block type"),
                                    ("body", "'??? note md-banner' is not a block type"), ("body", "'!!! danger'")],
    "fence-attributes.md": [("body", "a code fence takes no {…} attributes")] * 2,
    # Two readings: the checks see what the renderer sees.
    "inline-code-hides-rest.md": [("body", "'<script'"), ("body", "'javascript:'")],
    "escaped-backticks-hide-rest.md": [("body", "'<img'"), ("body", "'vbscript:'")],
    "next-line-reference.md": [("body", "'javascript:'"), ("body", "image 'https://evil.example/pixel.png' is on another site")],
    "costly-behind-inline-code.md": [("body", "more than 500 '['"), ("body", "runs of backticks")],
    # Third-party requests: images are files of this site.
    "remote-images.md": [("body", f"image '{src}' is on another site")
                         for src in ("https://tracker.example/p.gif", "//tracker.example/p.gif", "http://tracker.example/p.gif")],
    # Hostile-looking but valid: the renderer makes them inert.
    "toc-entities-valid.md": [],
    "footnotes-valid.md": [],
    # Search: words that are JavaScript's own property names, markup quoted in code, direction overrides.
    "search-words-valid.md": [],
    # Abbreviations: what one stands for is plain text (the glossary's own are trusted, data/glossary.yml).
    "abbreviation-markup.md": [("body", "in what '*[TA]:' stands for")],
    # The comparison (components/compare/): fields and an opening that look like markup, a reversed stretch, long words.
    "compare-fields-valid.md": [],
}
# Problems at these lines exactly (the checks read a body as the renderer does, lines included).
LINES: dict[str, list[int]] = {
    "attr-list-heading.md": [9, 11, 13],
    "inline-code-hides-rest.md": [11, 13],
    "escaped-backticks-hide-rest.md": [11, 13],
    "next-line-reference.md": [12, 14],
    "remote-images.md": [9, 11, 15],
    "theme-classes-admonition.md": [9, 12, 15],
}
LINE = re.compile(r"^(case_studies/[^:]+):(\d+): ([^:]+): (.+)$")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("hostile") / "project")
    for path in HOSTILE.iterdir():
        shutil.copy(path, project / "case_studies" / path.name)
    # Over the 1 MB limit: made here rather than kept in the repository.
    (project / "case_studies" / "huge.md").write_bytes(b"---\ntitle: Huge\n---\n" + b"word " * 220_000)
    return project


def test_every_corpus_file_is_expected() -> None:
    assert sorted(path.name for path in HOSTILE.iterdir()) == sorted(EXPECTED)


def test_check_names_every_hostile_file_and_its_fields_and_never_crashes_or_hangs(corpus: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "macros.editing.cli", "check", "--config-file", str(corpus / "mkdocs.yml")],
        capture_output=True, text=True, timeout=120, cwd=corpus,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    reported: dict[str, list[tuple[str, str]]] = {}
    for line in result.stdout.splitlines():
        match = LINE.match(line)
        assert match, f"not path:line: field: message — {line!r}"
        assert int(match.group(2)) >= 1
        reported.setdefault(Path(match.group(1)).name, []).append((match.group(3), match.group(4)))
    assert [field for field, _ in reported.pop("huge.md")] == ["file"]
    for name, expected in EXPECTED.items():
        problems = reported.get(name, [])
        if not expected:
            assert problems == [], f"{name} is valid but got {problems}"
        for field, words in expected:
            assert any(f == field and words in message for f, message in problems), f"{name}: no {field!r} problem saying {words!r} in {problems}"
    lines = {name: sorted(int(line) for line in re.findall(rf"^case_studies/{re.escape(name)}:(\d+):", result.stdout, re.M))
             for name in LINES}
    assert lines == LINES
    bad = sum(1 for expected in EXPECTED.values() if expected) + 1  # and huge.md
    assert re.fullmatch(rf"\d+ problems in {bad} files \({len(EXPECTED) + 1} case-study files checked\)\.",
                        result.stderr.strip().splitlines()[-1])


def test_a_file_over_one_megabyte_is_refused_with_its_size(corpus: Path) -> None:
    library = load_library(corpus, today=TODAY)
    assert [str(p) for p in library.problems if p.path.endswith("huge.md")] == [
        "case_studies/huge.md:1: file: is 1,100,020 bytes; a case study may be at most 1 MB (1,048,576 bytes) — shorten it"
    ]


def test_the_build_stops_on_the_corpus_and_lists_every_bad_file_without_a_traceback(corpus: Path) -> None:
    result = run_build(corpus)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for name, expected in EXPECTED.items():
        if expected:
            assert f"case_studies/{name}:" in result.stderr, name
    assert "case_studies/huge.md:1: file:" in result.stderr


# --- inert on every byte of every page (issue 13) --------------------------------------------

REPO_URL = "https://github.com/maths-hubs-casebook/casebook"  # as the deploy workflow sets it
# The classes a body's HTML may carry: the case-study profile's own blocks, never the theme's.
BODY_CLASSES = {"admonition", "admonition-title", "footnote", "footnote-ref", "footnote-backref", "headerlink",
                "note", "info", "tip", "example", "quote", "warning"}
LIVE_TAGS = {"script", "style", "iframe", "object", "embed", "form", "input", "button", "base", "meta", "link",
             "svg", "math", "frame", "frameset", "template", "textarea", "select"}


class Elements(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def live_parts(html_text: str, *, body: bool) -> list[str]:
    """What in some HTML could run, call out or dress the page: handlers, script URLs, other sites'
    images; and for a case study's body also live tags, the theme's classes and ids."""
    from macros.content.urls import is_other_site, url_problem

    found = []
    for tag, attributes in Elements(html_text).tags:
        for name, value in attributes.items():
            if name.startswith("on"):
                found.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and url_problem(value):
                found.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and is_other_site(attributes.get("src", "")):
            found.append(f"<img src={attributes['src']!r}>")
        if body:
            if tag in LIVE_TAGS:
                found.append(f"<{tag}>")
            classes = set(attributes.get("class", "").split()) - BODY_CLASSES
            if classes:
                found.append(f"<{tag} class={sorted(classes)}>")
            if attributes.get("id", "").startswith(("_", "md-", "cb-")) or "style" in attributes:
                found.append(f"<{tag} {attributes}>")
    return found


def test_the_renderer_cannot_express_what_the_checks_refuse() -> None:
    """Every hostile body, rendered as the profile renders it even when the checks refuse it: nothing live."""
    rendered = 0
    for path in sorted(HOSTILE.iterdir()):
        split, _ = parse_case_study(path.read_bytes(), path, path.name)
        if split is None:
            continue
        body = render_body(split.body, split.body_line, page_url=f"case-studies/{split.slug}/", site=None)
        assert live_parts(body.html, body=True) == [], path.name
        rendered += 1
    assert rendered >= 20


@pytest.fixture(scope="module")
def valid_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("valid-hostile") / "project")
    for name, expected in EXPECTED.items():
        if not expected:
            shutil.copy(HOSTILE / name, project / "case_studies" / name)
    # Sub-folders are an editor's to make; the deploy workflow sets REPO_URL, so edit links are printed.
    (project / "case_studies" / "our-stories").mkdir()
    shutil.copy(HOSTILE / "toc-entities-valid.md", project / "case_studies" / "our-stories" / "in-a-folder-valid.md")
    result = run_build(project, "--strict", env={"REPO_URL": REPO_URL})
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_every_page_built_from_hostile_files_is_inert(valid_corpus: Path) -> None:
    pages = sorted(valid_corpus.rglob("*.html"))
    assert len(pages) > 60
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert live_parts(text, body=False) == [], page
    case_studies = [valid_corpus / "case-studies" / name.removesuffix(".md") / "index.html"
                    for name, expected in EXPECTED.items() if not expected and name != "front-matter-only.md"]
    for page in case_studies:
        text = page.read_text(encoding="utf-8")
        # The body stands between the facts box and the related case studies.
        body = text.split('<dl class="cb-facts__list">', 1)[1].split("</section>", 1)[1]
        body = re.split(r'<section class="cb-related"|</article>', body, maxsplit=1)[0]
        assert live_parts(body, body=True) == [], page
        # What the theme prints from a case study: the table of contents, the skip link, the edit link.
        for tag, attributes in Elements(text).tags:
            classes = attributes.get("class", "")
            if "md-nav__link" in classes and attributes.get("href", "").startswith("#") or "md-skip" in classes:
                assert re.fullmatch(r"#[a-z0-9_-]+", attributes["href"]), (page, attributes)
            if attributes.get("rel") == "edit":
                assert re.fullmatch(re.escape(REPO_URL) + r"/edit/main/case_studies/[a-z0-9/-]+\.md", attributes["href"])


def test_a_heading_that_names_markup_is_text_in_the_table_of_contents(valid_corpus: Path) -> None:
    page = (valid_corpus / "case-studies" / "toc-entities-valid" / "index.html").read_text(encoding="utf-8")
    toc = page.split('data-md-type="toc"', 1)[1].split("</nav>", 1)[0]
    assert "Results &lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in toc or \
        "Results &lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in toc, toc
    assert 'href="#section-cb-facts-heading"' in toc
    edit = re.search(r'href="([^"]+)"[^>]*rel="edit"|rel="edit"[^>]*href="([^"]+)"', page)
    assert edit and REPO_URL + "/edit/main/case_studies/toc-entities-valid.md" in edit.group(0)
    nested = (valid_corpus / "case-studies" / "in-a-folder-valid" / "index.html").read_text(encoding="utf-8")
    assert REPO_URL + "/edit/main/case_studies/our-stories/in-a-folder-valid.md" in nested


@contextmanager
def trapped_browser(site: Path, browser: Any) -> Iterator[tuple[str, Any]]:
    """The built site served on localhost, and a browser context in which any dialog sets window.__pwned."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context()
    context.add_init_script("window.alert = window.confirm = window.prompt = () => { window.__pwned = 'dialog' };")
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", context
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def test_hostile_pages_run_nothing_and_call_no_other_site_in_a_browser(valid_corpus: Path, browser: Any) -> None:
    with trapped_browser(valid_corpus, browser) as (base, context):
        page = context.new_page()
        elsewhere: list[str] = []
        page.on("request", lambda request: None if request.url.startswith((base, "data:")) else elsewhere.append(request.url))
        for name, expected in EXPECTED.items():
            if expected or name == "front-matter-only.md":
                continue
            page.goto(base + f"case-studies/{name.removesuffix('.md')}/")
            page.wait_for_load_state("load")
            for element in page.query_selector_all(".md-content a, .md-content img, .md-content h2"):
                element.hover()  # a handler on hover would run now
            assert page.evaluate("window.__pwned") is None, name
        assert elsewhere == []


def test_searching_hostile_words_finds_them_and_runs_nothing(valid_corpus: Path, browser: Any) -> None:
    """Words named like JavaScript's own properties are words; marks are elements around text, never markup."""
    errors: list[str] = []
    with trapped_browser(valid_corpus, browser) as (base, context):
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        for query in ("constructor", "__proto__ hasOwnProperty", "tostring valueof", "mark onclick"):
            page.goto(base + "case-studies/?q=" + query)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            shown = page.eval_on_selector_all(
                ".cb-finder__results > .cb-card .cb-card__title a", "links => links.map(a => new URL(a.href).pathname)"
            )
            assert shown == ["/case-studies/search-words-valid/"], (query, shown)
            for element in page.query_selector_all(".cb-finder__results mark, .cb-card__passage"):
                element.hover()
            marks = page.eval_on_selector_all(".cb-finder__results mark", "ms => ms.map(m => [m.attributes.length, m.children.length])")
            assert marks and all(m == [0, 0] for m in marks), query
            assert page.evaluate("window.__pwned") is None, query
        page.click("input.md-search__input")
        page.type("input.md-search__input", "constructor", delay=20)
        page.wait_for_selector(".md-search-result__item")
        assert page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => new URL(a.href).pathname)") == [
            "/case-studies/search-words-valid/"
        ]
        assert page.evaluate("window.__pwned") is None
        assert errors == []


def test_the_comparison_shows_hostile_fields_as_text(valid_corpus: Path, browser: Any) -> None:
    """What a case study says reaches /case-studies/compare/ from the JSON as text nodes only: titles, people and
    an opening that look like markup stay text, a reversed stretch stays in its cell, long words wrap at 320 px."""
    source = (HOSTILE / "compare-fields-valid.md").read_text(encoding="utf-8")
    title = re.search(r"^title: '(.*)'$", source, re.M).group(1)  # type: ignore[union-attr]
    with trapped_browser(valid_corpus, browser) as (base, context):
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        for width in (1280, 320):
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(base + "case-studies/compare/?slugs=compare-fields-valid,search-words-valid,"
                      + "%E2%80%AE%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            page.wait_for_selector(".cb-compare__table", state="attached")
            page.wait_for_load_state("networkidle")
            assert page.locator(".cb-compare__table thead th a").first.text_content() == title
            cells = page.locator(".cb-compare__table tbody td").all_text_contents()
            assert any(cell.startswith('<img src=x onerror="window.__pwned=1"> \u202egnirts\u202c begins') for cell in cells)
            assert "O'Brien & < i > Smith, Head of maths; {{ config }} and ${alert(1)}" in cells
            assert "Trust & Co <3 \"Academy\"" in " ".join(cells)
            # Only the elements the script makes: no image, script or handler from the data.
            assert page.locator(".cb-compare img, .cb-compare script, .cb-compare [onerror]").count() == 0
            assert "Ignored, not the address of a case study" in page.text_content(".cb-compare__notes")
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            assert page.evaluate("window.__pwned") is None
        assert errors == []


def test_valid_but_hostile_files_build_and_nothing_in_them_is_evaluated(valid_corpus: Path) -> None:
    jinja = (valid_corpus / "case-studies" / "jinja-valid" / "index.html").read_text(encoding="utf-8")
    assert "{{ config }} {% include &#x27;mkdocs.yml&#x27; %}" in jinja or "{{ config }} {% include 'mkdocs.yml' %}" in jinja
    assert "site_name:" not in jinja and "&lt;class" not in jinja
    # "key: value" lines opening a body are text, not metadata MkDocs would act on.
    meta = (valid_corpus / "case-studies" / "body-meta-lines-valid" / "index.html").read_text(encoding="utf-8")
    assert "render_macros: true" in meta and "{{ 7*7 }} stays as it is." in meta and "49 stays" not in meta
    for slug in ("bom-valid", "crlf-valid", "lone-cr-valid", "near-limits-valid", "front-matter-only"):
        page = (valid_corpus / "case-studies" / slug / "index.html").read_text(encoding="utf-8")
        assert '<h1 id="cb-title" class="cb-study__title" tabindex="-1">A hostile but valid story</h1>' in page, slug


def test_no_script_from_content_reaches_a_page(valid_corpus: Path) -> None:
    """Every script in every page is one the theme or the casebook put there: external
    files from the site, and the theme's inline scripts, the same on every page."""
    script = re.compile(r"<script([^>]*)>(.*?)</script>", re.S)

    def inline(page: Path) -> set[str]:
        found = set()
        for attributes, content in script.findall(page.read_text(encoding="utf-8")):
            if 'src="' in attributes:
                assert not re.search(r'src="(?!\.{0,2}/|assets/|(?:\.\./)+)', attributes), attributes
                continue
            # The way back to the site root is the one thing that differs from page to page.
            content = re.sub(r'"(base|search)": "[./]*', r'"\1": "', content)
            found.add(re.sub(r'new URL\("[./]*",location\)', 'new URL("",location)', content))
        return found

    theme = inline(valid_corpus / "404.html")
    assert theme, "the theme has inline scripts: the check below would be empty"
    for page in valid_corpus.rglob("*.html"):
        assert inline(page) <= theme, page


def test_the_script_never_writes_markup_from_data() -> None:
    scripts = sorted((ROOT / "overrides" / "assets" / "javascripts").rglob("*.*js"))
    # Every module is read: the entry, its components and lib/.
    assert {"casebook.js", "words.mjs", "dom.mjs", "finder.mjs", "site-search.mjs"} <= {path.name for path in scripts}
    script = "\n".join(path.read_text(encoding="utf-8") for path in scripts)
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setAttribute(\"on"):
        assert sink not in script, sink


# --- properties: anything in, a problem or a case study out --------------------------------

TOKENS = [
    "---", "...", "\n", "\r\n", "\r", ":", ": ", " ", "  ", "\t", "- ", "-", "[", "]", "{", "}", ",", "#", "&a ", "*a", "<<: ",
    "!!python/object:os.system", "!x", "|", ">", "'", '"', "\\", "\ufeff", "\x00", "\u2028", "title", "type", "date", "summary",
    "phases", "hubs", "trust", "name", "people", "source", "url", "draft", "school-story", "primary", "jurassic",
    "2025-03-14", "2999-01-01", "12", "-1", "1e400", "0x1F", "~", "null", "yes", "No", "true", "<script>", "javascript:",
    "{{ config }}", "{% include 'x' %}", "## 1. ", "Body text", "é", "😀",
]


def check_one(project: Path, content: bytes) -> None:
    """The checker's promises for one file, whatever it holds."""
    path = project / "case_studies" / "x.md"
    path.write_bytes(content)
    library = load_library(project, today=TODAY)
    lines = max(1, content.count(b"\n") + content.count(b"\r") + 1)
    for problem in library.problems:
        assert problem.path == "case_studies/x.md"
        assert 1 <= problem.line <= lines + 1, problem
        assert problem.field and problem.message and "\n" not in str(problem)
    # Never dropped silently: a case study or at least one problem, never both, never neither.
    assert (len(library.case_studies) == 1) != bool(library.problems), (library.case_studies, library.problems)
    if library.case_studies:
        build_index(library.case_studies, VOCABULARIES)  # type: ignore[arg-type]
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        status = cli.main(["check", "--config-file", str(project / "mkdocs.yml")])
    assert status == (1 if library.problems else 0)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("scratch") / "project")


@settings(max_examples=300 * SCALE)
@given(content=st.one_of(
    st.binary(max_size=3000),
    st.builds(lambda head, body: b"---\n" + head + b"\n---\n" + body, st.binary(max_size=400), st.binary(max_size=400)),
))
def test_any_bytes_give_problems_naming_the_file_never_an_exception(scratch: Path, content: bytes) -> None:
    check_one(scratch, content)


@settings(max_examples=300 * SCALE)
@given(text=st.lists(st.sampled_from(TOKENS), max_size=80).map("".join))
def test_yaml_shaped_noise_gives_problems_never_an_exception(scratch: Path, text: str) -> None:
    check_one(scratch, text.encode("utf-8", "surrogatepass"))


KEYS = ["title", "type", "date", "summary", "phases", "hubs", "partnership_models", "programmes", "trust", "school",
        "people", "source", "draft", "hub", "render_macros", "template", "Title", ""]
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True), st.dates(),
    st.text(max_size=40), st.sampled_from(["jurassic", "primary", "school-story", "trust-model", "2025-03-14", "No", "<b>"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.sampled_from(KEYS + ["name", "url"]), children, max_size=4)),
    max_leaves=12,
)


class PlainDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


@settings(max_examples=200 * SCALE)
@given(front=st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=10), body=st.text(max_size=300))
def test_random_front_matter_gives_problems_with_their_fields_never_an_exception(
    scratch: Path, front: dict[str, Any], body: str
) -> None:
    text = "---\n" + yaml.dump(front, Dumper=PlainDumper, allow_unicode=True) + "---\n" + body
    check_one(scratch, text.encode("utf-8", "surrogatepass"))


# --- properties: any set of valid files, nothing lost --------------------------------------

WORDS = st.one_of(
    st.text(st.characters(categories=("L", "N"), exclude_characters="\u2028\u2029"), min_size=1, max_size=10),
    st.sampled_from(["<5%", ">40%", "&", "&amp;", '"quoted"', "it's", "{{ config }}", "{% raw %}", "café", "😀", "*", "_x_", "\\"]),
)


def sentence(min_chars: int, max_chars: int) -> st.SearchStrategy[str]:
    return st.lists(WORDS, min_size=2, max_size=30).map(" ".join).map(str.strip).filter(
        lambda text: min_chars <= len(text) <= max_chars and not text.startswith(("*", "&", "{", "\\", '"', "'"))
    )


def ids(vocabulary: str, min_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(VOCABULARIES[vocabulary].ids), min_size=min_size, max_size=3, unique=True)


@st.composite
def case_study(draw: Any) -> tuple[dict[str, Any], str]:
    kind = draw(st.sampled_from(VOCABULARIES.types.ids))
    fields: dict[str, Any] = {
        "title": draw(sentence(5, 120)),
        "type": kind,
        "date": draw(st.dates(dt.date(2010, 1, 1), TODAY)),
        "summary": draw(sentence(20, 300)),
        "phases": draw(ids("phases", 1)),
        "hubs": draw(ids("hubs", 1)),
    }
    models = draw(ids("partnership_models", 1 if kind in ("trust-model", "find-out-in-five") else 0))
    if models:
        fields["partnership_models"] = models
    programmes = draw(ids("programmes", 0))
    if programmes:
        fields["programmes"] = programmes
    if draw(st.booleans()):
        fields["trust"] = {"name": draw(sentence(3, 60))}
    if draw(st.integers(0, 4)) == 0:
        fields["draft"] = True
    paragraphs = draw(st.lists(sentence(1, 200), max_size=4))
    if kind == "find-out-in-five":
        # A heading ending in a backslash is a paragraph to Markdown (and so to the checks): not a question.
        question = sentence(3, 60).filter(lambda text: not text.endswith("\\"))
        paragraphs += [f"## {n}. {draw(question)}\n\n{draw(sentence(1, 200))}" for n in range(1, 6)]
    return fields, "\n\n".join(paragraphs) + "\n"


LIBRARIES = st.dictionaries(
    st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True), case_study(), min_size=1, max_size=6
)


def write_library(project: Path, library: dict[str, tuple[dict[str, Any], str]]) -> None:
    folder = project / "case_studies"
    shutil.rmtree(folder)
    folder.mkdir()
    for slug, (fields, body) in library.items():
        text = "---\n" + yaml.dump(fields, Dumper=PlainDumper, allow_unicode=True, sort_keys=False) + "---\n" + body
        (folder / f"{slug}.md").write_text(text, encoding="utf-8")


def expected_listings(library: dict[str, tuple[dict[str, Any], str]]) -> dict[str, set[str]]:
    """Listing URL -> the slugs it must show: every published case study on each entry it names."""
    listings: dict[str, set[str]] = {}
    for key, folder in LISTED_VOCABULARIES.items():
        for entry_id in VOCABULARIES[key].ids:
            listings[f"{folder}/{entry_id}/"] = {
                slug for slug, (fields, _) in library.items() if not fields.get("draft") and entry_id in fields.get(key, [])
            }
    return listings


def card_slugs(html_text: str) -> list[str]:
    return re.findall(r'class="cb-card__title"><a href="[./]*case-studies/([a-z0-9-]+)/">', html_text)


@settings(max_examples=60 * SCALE)
@given(library=LIBRARIES)
def test_valid_files_are_all_published_exactly_once_in_the_page_plan(scratch: Path, library: dict[str, Any]) -> None:
    write_library(scratch, library)
    loaded = load_library(scratch, today=TODAY)
    assert loaded.problems == (), [str(p) for p in loaded.problems]
    published = {slug for slug, (fields, _) in library.items() if not fields.get("draft")}
    index = build_index(loaded.case_studies, VOCABULARIES)  # type: ignore[arg-type]
    pages = list(plan_pages(index, lambda: build_search_files([])))
    case_study_pages = [page.case_study.slug for page in pages if page.case_study is not None]
    assert sorted(case_study_pages) == sorted(published)
    by_url = {page.url: page for page in pages}
    for url, slugs in expected_listings(library).items():
        listing = by_url[url]
        shown = card_slugs(listing.after("../../"))
        assert sorted(shown) == sorted(slugs), url
    finder = by_url["case-studies/"]
    assert sorted(card_slugs(finder.after("../"))) == sorted(published)
    for page in pages:
        if page.case_study is not None:
            header = page.before("../../")
            assert f'<h1 id="cb-title" class="cb-study__title" tabindex="-1">{html.escape(page.case_study.title)}</h1>' in header


@pytest.fixture(scope="module")
def build_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("property-build") / "project")


@settings(max_examples=4 * SCALE)
@given(library=LIBRARIES)
def test_valid_files_are_all_published_exactly_once_in_a_real_build(build_project: Path, library: dict[str, Any]) -> None:
    write_library(build_project, library)
    shutil.rmtree(build_project / "site", ignore_errors=True)
    result = run_build(build_project, "--strict")
    assert result.returncode == 0, result.stderr
    site = build_project / "site"
    published = sorted(slug for slug, (fields, _) in library.items() if not fields.get("draft"))
    # The site's own page beside the case studies (its slug is reserved): the comparison.
    pages = sorted(path.parent.name for path in (site / "case-studies").glob("*/index.html"))
    assert [slug for slug in pages if slug != "compare"] == published and "compare" in pages
    document = json.loads((site / "case-studies.json").read_text(encoding="utf-8"))
    assert sorted(entry["slug"] for entry in document["case_studies"]) == published
    rows = list(csv.DictReader((site / "case-studies.csv").read_text(encoding="utf-8-sig").splitlines(keepends=True)))
    assert sorted(row["slug"] for row in rows) == published
    entries = ET.parse(site / "feed.xml").getroot().findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == min(20, len(published))
    for url, slugs in expected_listings(library).items():
        shown = card_slugs((site / url / "index.html").read_text(encoding="utf-8"))
        assert sorted(shown) == sorted(slugs), url
    assert sorted(card_slugs((site / "case-studies" / "index.html").read_text(encoding="utf-8"))) == published
    for slug in published:
        fields = library[slug][0]
        page = (site / "case-studies" / slug / "index.html").read_text(encoding="utf-8")
        assert f'<h1 id="cb-title" class="cb-study__title" tabindex="-1">{html.escape(fields["title"])}</h1>' in page
        assert f"<title>{html.escape(fields['title'])} - " in page

