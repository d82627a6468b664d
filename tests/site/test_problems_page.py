"""While `mkdocs serve` runs, a library with problems is shown in the browser (macros/site/problems_page.py):
the page's parts, real dev servers (MkDocs and ProperDocs) answering every address with the problems
and the real site again once they are fixed, the preview reloading itself in Chromium, and builds that
still fail."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import case_study_text, make_project, run_build, serving, write
from playwright.sync_api import expect

from macros.content.library import Library
from macros.content.model import Problem
from macros.site.problems_page import (
    EXPLANATION,
    TITLE,
    library_problems,
    problems_html,
    problems_page,
    reloading_error_pages,
    terminal_message,
    with_problems,
)

HOSTILE = Problem("case_studies/x.md", 3, "title", "quotes <script>alert(1)</script>, </pre></code> & &amp; {{ 7*7 }}")
UNKNOWN_HUB = "case_studies/story.md:7: hubs: unknown hub 'jurrasic' — did you mean 'jurassic'?"


class Items(HTMLParser):
    """The text of each <li>, and every tag opened anywhere."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[str] = []
        self.tags: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "li":
            self.depth += 1
            self.items.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.items[-1] += data


def parsed(html: str) -> Items:
    parser = Items()
    parser.feed(html)
    parser.close()
    return parser


# --- the page's parts ------------------------------------------------------------------


def test_every_problem_is_shown_as_text_in_the_words_the_terminal_prints() -> None:
    other = Problem("data/hubs.yml", 2, "file", "YAML syntax error")
    html = problems_html([HOSTILE, other], "2 problems in 2 files (1 case-study file checked).")
    page = parsed(html)
    assert page.items == [str(HOSTILE), str(other)]
    assert page.tags.count("script") == 0 and "pre" not in page.tags
    assert "<script>" not in html and "</pre>" not in html and "</code></code>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp; &amp;amp;" in html  # "&" and the "&amp;" the editor typed, both as written


def test_the_page_has_a_heading_an_explanation_and_the_summary_line() -> None:
    html = problems_html([HOSTILE], "1 problem in 1 file (1 case-study file checked).")
    assert html.count("<h1") == 1 and f">{TITLE}</h1>" in html
    assert EXPLANATION in html
    assert "<strong>1 problem in 1 file (1 case-study file checked).</strong>" in html
    assert '<ol class="cb-problems__list">' in html


def test_problems_the_build_finds_beyond_the_checks_are_counted_in_the_summary(tmp_path: Path) -> None:
    library = Library(root=tmp_path, vocabularies=None, problems=(HOSTILE,), files_checked=4, files_with_problems=1)
    clash = Problem("case_studies/a.md", 1, "slug", "'a' would replace the hand-written page docs/a.md")
    problems, summary = library_problems(library, [clash])
    assert problems == (clash, HOSTILE)
    assert summary == "2 problems in 2 files (4 case-study files checked)."
    assert library_problems(library) == ((HOSTILE,), "1 problem in 1 file (4 case-study files checked).")
    message = terminal_message(problems, summary)
    assert f"\n{clash}\n{HOSTILE}\n{summary}\n" in message


def test_the_problems_page_is_the_home_page_with_no_navigation() -> None:
    page = problems_page("<p>the problems</p>")
    assert page.src_uri == "index.md" and page.url == ""
    assert page.before("../") == "<p>the problems</p>"
    assert page.title == TITLE and set(page.hide) == {"navigation", "toc"}
    assert page.case_study is None and page.body is None


def test_the_404_page_shows_the_problems_instead_of_not_found() -> None:
    material_404 = (
        "<html><head><title>Casebook</title></head><body><div class=\"md-content\">"
        "<article class=\"md-content__inner md-typeset\">\n  <h1>404 - Not found</h1>\n</article></div></body></html>"
    )
    shown = with_problems(material_404, "<h1>Problems</h1>", "Tom & Jerry")
    assert "404 - Not found" not in shown
    assert '<article class="md-content__inner md-typeset"><h1>Problems</h1></article>' in shown
    assert f"<title>{TITLE} - Tom &amp; Jerry</title>" in shown
    with pytest.raises(ValueError):
        with_problems("<html><body><h1>404</h1></body></html>", "<h1>Problems</h1>", "Casebook")


class FakeServer:
    _visible_epoch = 42

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        return content.replace(b"</body>", b"<script>livereload(%d, 7);</script></body>" % epoch)


def test_the_dev_servers_404_page_gets_the_live_reload_script() -> None:
    pages = {404: b"<body>missing</body>", 500: b"<body>broken</body>"}
    handler = reloading_error_pages(FakeServer(), pages.get)
    assert handler(404) == b"<body>missing<script>livereload(42, 7);</script></body>"
    assert handler(500) == b"<body>broken</body>"  # only the 404 page, which the problems site uses
    assert reloading_error_pages(FakeServer(), lambda code: None)(404) is None
    # A server without MkDocs' private names: the page as it was.
    assert reloading_error_pages(object(), pages.get)(404) == b"<body>missing</body>"


# --- real dev servers --------------------------------------------------------------------


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(url: str, text: str, timeout: float = 90) -> str:
    """The page at ``url`` once it holds ``text`` (the dev server rebuilds after a save)."""
    deadline = time.monotonic() + timeout
    while True:
        status, html = fetch(url)
        if text in html:
            return html
        assert time.monotonic() < deadline, f"{url} never showed {text!r} (HTTP {status}):\n{html[-3000:]}"
        time.sleep(0.5)


ADDRESSES = ("", "case-studies/story/", "no/such/page/")


@pytest.mark.parametrize("tool", ["mkdocs", "properdocs"])
def test_while_serving_every_address_shows_the_problems_until_the_file_is_fixed(tmp_path: Path, tool: str) -> None:
    project = make_project(tmp_path / "project")
    story = write(project, "story.md", case_study_text(title="Before the mistake"))
    with serving(project, tool) as url:
        assert "Before the mistake" in wait_for(url + "case-studies/story/", "Before the mistake")
        story.write_text(case_study_text(title="Before the mistake", hubs="[jurrasic]"), encoding="utf-8")
        wait_for(url, escape(UNKNOWN_HUB))
        for address in ADDRESSES:
            status, html = fetch(url + address)
            assert status in (200, 404), address
            assert escape(UNKNOWN_HUB) in html, address
            assert "1 problem in 1 file (1 case-study file" in html, address
            assert escape(EXPLANATION) in html, address
            assert "404 - Not found" not in html, address
            assert "livereload(" in html, address  # MkDocs' script, whose numbers casebook.js reads
            assert 'http-equiv="Content-Security-Policy"' in html, address
        # Fixed: the real site again, and a missing page is an ordinary 404.
        story.write_text(case_study_text(title="After the fix"), encoding="utf-8")
        assert "After the fix" in wait_for(url + "case-studies/story/", "After the fix")
        home = wait_for(url, "Maths Hubs")
        assert escape(UNKNOWN_HUB) not in home and TITLE not in home
        status, missing = fetch(url + "no/such/page/")
        assert status == 404 and "Page not found" in missing and escape(UNKNOWN_HUB) not in missing


def test_a_broken_vocabulary_or_a_clash_with_a_hand_written_page_is_shown_from_the_first_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write(project, "story.md", case_study_text(title="The story"))
    hubs = project / "data" / "hubs.yml"
    valid = hubs.read_text(encoding="utf-8")
    hubs.write_text("- id: [broken\n", encoding="utf-8")
    with serving(project) as url:  # the first build already has the problem: the server still starts
        html = wait_for(url + "hubs/jurassic/", "data/hubs.yml:")
        assert TITLE in html
        hubs.write_text(valid, encoding="utf-8")
        wait_for(url + "case-studies/story/", "The story")
        (project / "docs" / "case-studies").mkdir()
        (project / "docs" / "case-studies" / "story.md").write_text("# Hand-written\n", encoding="utf-8")
        clash = "case_studies/story.md:1: slug: 'story' would replace the hand-written page docs/case-studies/story.md"
        html = wait_for(url + "case-studies/story/", escape(clash))
        assert "1 problem in 1 file" in html


@pytest.mark.parametrize("tool", ["mkdocs", "properdocs"])
def test_a_build_still_fails_on_the_problems_and_names_them(project: Path, tool: str) -> None:
    write(project, "story.md", case_study_text(hubs="[jurrasic]"))
    for extra in ((), ("--strict",)):
        result = run_build(project, *extra, tool=tool)
        assert result.returncode == 1, result.stderr
        assert "The case studies have problems, so the site was not built." in result.stderr
        assert UNKNOWN_HUB in result.stderr
        assert "1 problem in 1 file" in result.stderr
        assert "Traceback" not in result.stderr
        assert not (project / "site" / "index.html").exists()


# --- in the browser ------------------------------------------------------------------------


def test_the_problems_page_reloads_itself_when_the_file_is_fixed(browser: Any, tmp_path: Path) -> None:
    from test_accessibility import axe_violations

    project = make_project(tmp_path / "project")
    story = write(project, "story.md", case_study_text(title="Before the mistake"))
    context = browser.new_context()
    try:
        with serving(project) as url:
            page = context.new_page()
            page.goto(url + "case-studies/story/")
            expect(page.locator("h1")).to_have_text("Before the mistake")
            time.sleep(1)  # the page is polling the server now
            story.write_text(case_study_text(title="Before the mistake", hubs="[jurrasic]"), encoding="utf-8")
            # The page the editor was on reloads into the problems page (a 404, which reloads too).
            expect(page.locator("h1")).to_have_text(TITLE, timeout=60_000)
            expect(page.locator(".cb-problems__list li")).to_have_text([UNKNOWN_HUB])
            expect(page.locator("article")).to_contain_text(EXPLANATION)
            page.wait_for_load_state("load")  # never "networkidle": the page keeps a live-reload poll open
            assert axe_violations(page) == []
            time.sleep(1)
            story.write_text(case_study_text(title="After the fix"), encoding="utf-8")
            expect(page.locator("h1")).to_have_text("After the fix", timeout=60_000)
            assert page.url == url + "case-studies/story/"
    finally:
        context.close()
