"""WCAG 2.2 A and AA, checked with axe-core in a real browser on the pages
people use most, and the statement every page links to."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ServedSite

import axe_playwright_python

AXE_SCRIPT = Path(axe_playwright_python.__file__).parent / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

PAGES = [
    ("home", ""),
    ("finder", "case-studies/"),
    ("finder, filtered", "case-studies/?phase=primary&hub=jurassic&q=trust"),
    ("finder, nothing found", "case-studies/?q=xyzzy"),
    ("a case study", "case-studies/dsat-jurassic-mobius/"),
    ("a hub page", "hubs/jurassic/"),
    ("the hubs and their network picture", "hubs/"),
    ("an empty listing", "programmes/maths-science-coherence/"),
    ("the partnership models", "partnership-models/"),
    ("programme in numbers", "programme-in-numbers/"),
    ("accessibility statement", "accessibility/"),
]


def axe_violations(page: Any) -> list[str]:
    # Evaluated, not added as a <script>: the site's Content-Security-Policy blocks inline scripts.
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{violation['id']}: {violation['help']} — {[node['target'] for node in violation['nodes']][:5]}"
        for violation in result["violations"]
    ]


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_no_wcag_violations(page: Any, bundled_site: ServedSite, name: str, path: str) -> None:
    page.goto(bundled_site.url + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert axe_violations(page) == []


def test_the_finder_with_filters_open_on_a_phone(browser: Any, bundled_site: ServedSite) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(bundled_site.url + "case-studies/?phase=primary")
    page.wait_for_load_state("networkidle")
    page.click(".cb-finder__toggle")
    assert axe_violations(page) == []
    context.close()


@pytest.mark.parametrize("width", [1280, 320])
def test_the_header_search_showing_results(browser: Any, bundled_site: ServedSite, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(bundled_site.url + "hubs/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.keyboard.type("mastery specialists", delay=20)
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []
    context.close()


def test_every_page_links_to_the_accessibility_statement(bundled_site: ServedSite) -> None:
    pages = list(bundled_site.site.rglob("index.html"))
    assert len(pages) > 50
    for html_file in pages:
        html = html_file.read_text(encoding="utf-8")
        assert ">Accessibility statement</a>" in html, html_file


def test_the_site_declares_its_language(bundled_site: ServedSite) -> None:
    assert '<html lang="en"' in (bundled_site.site / "index.html").read_text()
