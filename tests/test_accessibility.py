"""WCAG 2.2 A and AA, checked with axe-core in a real browser on the pages
people use most, and the statement every page links to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import ServedSite, tab_to

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
    ("the contributor guide, with code", "contribute/"),
    ("the comparison of three case studies", "case-studies/compare/?slugs=dsat-jurassic-mobius,united-learning-partnership-with-many-hubs,central-early-years-sktm"),
    ("the comparison with nothing chosen", "case-studies/compare/"),
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


@pytest.mark.parametrize("path", ["programme-in-numbers/", "contribute/"])
def test_tables_that_scroll_on_a_phone_can_be_scrolled_by_keyboard(browser: Any, bundled_site: ServedSite, path: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(bundled_site.url + path)
    page.wait_for_load_state("networkidle")
    wrappers = page.locator(".cb-chart__table, .cb-table")
    assert wrappers.count() > 0
    for i in range(wrappers.count()):
        wrapper = wrappers.nth(i)
        assert wrapper.get_attribute("tabindex") == "0" and wrapper.get_attribute("role") == "region"
        assert wrapper.get_attribute("aria-label") == wrapper.locator("caption").text_content()
    assert axe_violations(page) == []
    context.close()


@pytest.mark.parametrize("width", [1280, 320])
def test_the_comparison_and_its_buttons(browser: Any, bundled_site: ServedSite, width: int) -> None:
    """The comparison as a table (1280) and as a list per row (320), and "Add to comparison" with four chosen."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(bundled_site.url + PAGES[-2][1])
        page.wait_for_selector(".cb-compare__table", state="attached")
        page.wait_for_load_state("networkidle")
        assert axe_violations(page) == []
        page.goto(bundled_site.url + "case-studies/compare/?slugs=dsat-jurassic-mobius,central-early-years-sktm,"
                  "andover-college-level-2-maths,jurassic-core-maths-sktm")
        page.wait_for_selector(".cb-compare__table", state="attached")
        for path in ("case-studies/", "case-studies/cockburn-years-5-8-continuity/"):
            page.goto(bundled_site.url + path)
            page.wait_for_selector(".cb-pick__button[aria-disabled=true]")
            page.wait_for_load_state("networkidle")
            assert axe_violations(page) == []
    finally:
        context.close()


def test_the_programme_in_numbers_names_its_source_not_the_repository(bundled_site: ServedSite) -> None:
    html = (bundled_site.site / "programme-in-numbers" / "index.html").read_text(encoding="utf-8")
    assert "figures.yml" not in html and "data/" not in html
    assert "<em>Maths Hubs Programme Annual Report 2024/25</em>" in html


def test_the_finder_with_filters_open_on_a_phone(browser: Any, bundled_site: ServedSite) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(bundled_site.url + "case-studies/?phase=primary")
    page.wait_for_load_state("networkidle")
    page.click(".cb-finder__toggle")
    assert axe_violations(page) == []
    context.close()


@pytest.mark.parametrize("width", [1280, 320])
def test_the_finders_follow_link_and_briefing_button(browser: Any, bundled_site: ServedSite, width: int) -> None:
    """Follow this view with its note, Print a briefing, and the page once a briefing is built (printing stubbed)."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(bundled_site.url + "case-studies/?hub=jurassic&q=trust")
        page.wait_for_selector(".cb-finder__print:not([hidden])")
        page.wait_for_load_state("networkidle")
        assert page.is_visible(".cb-finder__follow-note") and page.is_visible(".cb-finder__help")
        assert axe_violations(page) == []
        page.evaluate("() => { window.print = () => {}; }")
        page.click(".cb-finder__print")
        page.wait_for_selector("[data-briefing]", state="attached")
        assert axe_violations(page) == []
    finally:
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


def phone(browser: Any, width: int = 320) -> Any:
    return browser.new_context(viewport={"width": width, "height": 800})


@contextmanager
def on_a_phone(browser: Any, site: ServedSite, path: str) -> Iterator[Any]:
    """A page of the site loaded at 320 px; its context is closed however the test ends."""
    context = phone(browser)
    try:
        page = context.new_page()
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
        yield page
    finally:
        context.close()


def focused(page: Any) -> dict[str, Any]:
    return page.evaluate(
        """() => { const el = document.activeElement; const style = getComputedStyle(el);
        return {tag: el.tagName, type: el.getAttribute('type'), visible: style.visibility === 'visible',
                inDrawer: Boolean(el.closest('.md-sidebar--primary'))}; }"""
    )


def test_the_header_search_clear_button_is_a_tab_stop_only_when_it_shows(page: Any, bundled_site: ServedSite) -> None:
    page.goto(bundled_site.url + "hubs/")
    page.wait_for_load_state("networkidle")
    reset = ".md-search__options button[type=reset]"
    assert page.evaluate(f"getComputedStyle(document.querySelector('{reset}')).visibility") == "hidden"
    page.keyboard.press("/")
    page.keyboard.press("Tab")  # the box is empty: the clear button is skipped
    assert focused(page)["type"] != "reset"
    page.keyboard.press("/")
    page.focus(".md-search__input")
    page.keyboard.type("trust", delay=20)
    page.keyboard.press("Tab")
    now = focused(page)
    assert now["type"] == "reset" and now["visible"]
    page.wait_for_timeout(300)
    assert page.evaluate("getComputedStyle(document.activeElement).opacity") == "1"
    # Only Material's clear icon: the browser's own is switched off.
    native = page.evaluate(
        """() => Array.from(document.styleSheets).flatMap(sheet => { try { return Array.from(sheet.cssRules); }
        catch (e) { return []; } }).filter(rule => rule.selectorText && rule.selectorText.includes('.md-search__input::-webkit-search-cancel-button'))
        .map(rule => rule.style.display)"""
    )
    assert native == ["none"]


def test_the_search_chip_says_what_it_shows(page: Any, bundled_site: ServedSite) -> None:
    page.goto(bundled_site.url + "case-studies/?q=trust&phase=primary")
    page.wait_for_load_state("networkidle")
    page.wait_for_selector(".cb-finder__chip")
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'rule', values: ['label-content-name-mismatch']}})"
    )
    assert [violation["nodes"] for violation in result["violations"]] == []
    assert len(result["passes"]) == 1 and len(result["passes"][0]["nodes"]) >= 2


def test_the_closed_drawer_holds_no_tab_stops_on_a_phone(browser: Any, bundled_site: ServedSite) -> None:
    with on_a_phone(browser, bundled_site, "hubs/") as page:
        for _ in range(20):
            page.keyboard.press("Tab")
            assert not focused(page)["inDrawer"]
        page.goto(bundled_site.url + "hubs/")  # Tab may have opened the search box over the header
        page.wait_for_load_state("networkidle")
        page.click("label.md-header__button[for=__drawer]")
        page.wait_for_timeout(400)
        landed = False
        for _ in range(40):
            page.keyboard.press("Tab")
            now = focused(page)
            if now["inDrawer"]:
                landed = now["visible"]
                break
        assert landed


def test_code_blocks_on_a_phone_scroll_and_can_be_focused(browser: Any, bundled_site: ServedSite) -> None:
    with on_a_phone(browser, bundled_site, "contribute/") as page:
        page.wait_for_timeout(300)
        blocks = page.evaluate(
            """() => Array.from(document.querySelectorAll('pre > code')).map(code => ({
            scrolls: code.scrollWidth > code.clientWidth, overflow: getComputedStyle(code).overflowX,
            tabindex: code.getAttribute('tabindex'), right: code.getBoundingClientRect().right}))"""
        )
        assert blocks
        for block in blocks:
            assert block["right"] <= 320
            if block["scrolls"]:
                assert block["overflow"] == "auto" and block["tabindex"] == "0"
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
        assert axe_violations(page) == []


def test_on_a_phone_the_hubs_are_a_list_not_a_tiny_picture(browser: Any, bundled_site: ServedSite) -> None:
    with on_a_phone(browser, bundled_site, "hubs/") as page:
        assert page.is_hidden(".cb-network")
        described = page.text_content("#cb-network-desc")
        hubs = int(re.search(r"linked to the (\d+) Maths Hubs", described).group(1))  # type: ignore[union-attr]
        items = page.locator(".cb-network__list > li")
        assert items.count() == hubs
        for n in range(hubs):
            assert items.nth(n).is_visible()
            assert items.nth(n).locator("a").first.is_visible()
        assert axe_violations(page) == []
    wide = browser.new_context(viewport={"width": 1280, "height": 800})
    page = wide.new_page()
    page.goto(bundled_site.url + "hubs/")
    assert page.is_visible(".cb-network__svg")
    wide.close()


def test_figure_tables_on_a_phone_keep_row_labels_readable_and_level(browser: Any, bundled_site: ServedSite) -> None:
    with on_a_phone(browser, bundled_site, "programme-in-numbers/") as page:
        rows = page.evaluate(
            """() => Array.from(document.querySelectorAll('.cb-chart__table tbody tr')).map(row => {
            const cells = Array.from(row.children).map(cell => {
              const range = document.createRange(); range.selectNodeContents(cell);
              return {top: range.getClientRects()[0].top, width: cell.getBoundingClientRect().width}; });
            return cells; })"""
        )
        assert rows
        for cells in rows:
            assert cells[0]["width"] >= 120  # 9em of the table's text, not a column a word wide
            assert all(abs(cell["top"] - cells[0]["top"]) <= 2 for cell in cells)  # bold and regular glyphs differ by a pixel


def test_every_page_links_to_the_accessibility_statement(bundled_site: ServedSite) -> None:
    pages = list(bundled_site.site.rglob("index.html"))
    assert len(pages) > 50
    for html_file in pages:
        html = html_file.read_text(encoding="utf-8")
        assert ">Accessibility statement</a>" in html, html_file


def test_the_site_declares_its_language(bundled_site: ServedSite) -> None:
    assert '<html lang="en"' in (bundled_site.site / "index.html").read_text()


SKIP_PAGES = [
    ("home", ""),
    ("finder", "case-studies/"),
    ("a hub page", "hubs/jurassic/"),
    ("a case study", "case-studies/dsat-jurassic-mobius/"),
    ("submit a case study", "contribute/"),
]


@pytest.mark.parametrize(("name", "path"), SKIP_PAGES, ids=[name for name, _ in SKIP_PAGES])
def test_the_first_tab_stop_skips_to_the_pages_title(page: Any, bundled_site: ServedSite, name: str, path: str) -> None:
    page.goto(bundled_site.url + path)
    page.wait_for_load_state("networkidle")
    skip_link_lands_on_the_title(page)


def test_no_palette_toggle_or_stray_toc_label(bundled_site: ServedSite) -> None:
    for html_file in bundled_site.site.rglob("index.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "__palette" not in html, html_file
        if 'for="__toc"' in html:
            assert 'id="__toc"' in html, html_file  # a label names a control that exists


def test_the_404_page_says_where_to_go(browser: Any, bundled_site: ServedSite) -> None:
    context = browser.new_context()  # not the `page` fixture: the 404 status is logged as an error
    page = context.new_page()
    page.goto(bundled_site.url + "404.html")  # what the host serves at a missing address
    assert page.text_content("article h1") == "Page not found"
    article = page.locator("article")
    assert article.locator("a", has_text="home page").evaluate("a => a.href") == bundled_site.url
    assert article.locator("a", has_text="Find a case study").evaluate("a => a.href") == bundled_site.url + "case-studies/"
    page.fill("#cb-not-found-q", "fractions")
    page.click("article button[type=submit]")
    page.wait_for_url("**/case-studies/?q=fractions")
    page.goto(bundled_site.url + "404.html")
    assert axe_violations(page) == []
    context.close()


def built_pages(site: ServedSite) -> list[str]:
    """Every page of the built site, by its path (the sitemap's pages and the 404 page)."""
    paths = sorted(
        path.relative_to(site.site).as_posix().removesuffix("index.html")
        for path in site.site.rglob("*.html")
        if "search/" not in path.as_posix()
    )
    return paths


@pytest.mark.parametrize("width", [1280, 320])
def test_every_built_page_has_no_wcag_violations(browser: Any, bundled_site: ServedSite, width: int) -> None:
    """axe's WCAG 2.2 A and AA rules on every page the build writes, on a desktop and on a phone."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    found: dict[str, list[str]] = {}
    paths = built_pages(bundled_site)
    assert len(paths) > 60
    for path in paths:
        page.goto(bundled_site.url + path)
        page.wait_for_load_state("load")
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    context.close()
    assert found == {}


def test_the_header_search_open_with_results(page: Any, bundled_site: ServedSite) -> None:
    page.goto(bundled_site.url)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.keyboard.type("jurassic")
    page.wait_for_selector(".md-search-result__list li")
    # The open search covers the page; what a reader uses now is the search itself.
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run('.md-search', {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    assert [violation["id"] for violation in result["violations"]] == []


# --- A keyboard walk of each kind of page --------------------------------------------

WALK_PAGES = [
    ("home", ""),
    ("finder", "case-studies/"),
    ("a case study", "case-studies/dsat-jurassic-mobius/"),
    ("a hub page", "hubs/jurassic/"),
    ("the hubs list", "hubs/"),
    ("a listing", "phases/primary/"),
    ("a hand-written page", "working-with-your-maths-hub/"),
    ("the 404 page", "404.html"),
    ("the comparison", "case-studies/compare/?slugs=dsat-jurassic-mobius,united-learning-partnership-with-many-hubs,central-early-years-sktm"),
]
MOST_TAB_STOPS = 200  # far more than any page has: reaching it means focus is trapped
DRAWER_BELOW = 1220  # px: Material's 76.25em, below which the navigation is a drawer
SEARCH_FOLDS_BELOW = 960  # px: Material's 60em, below which the header search is a button

# What the reader has on the focused element once focus has scrolled it into view
# and its focus transitions (Material's skip link fades in) have run; then a
# rendering frame before the next Tab, as between a person's key presses (without
# one, cards with content-visibility: auto may not yet be laid out when the next
# Tab scrolls to them, and Chromium can leave the focused link off-screen).
FOCUSED_STOP = """async () => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  for (const animation of document.getAnimations()) {  // jump to where they end: on it and its boxes, and
    const target = animation.effect && animation.effect.target;  // the header search fading as Tab left it
    if (target && (target.contains(el) || target.closest('.md-search'))) try { animation.finish(); } catch (endless) { /* runs for ever */ }
  }
  const box = el.getBoundingClientRect(), style = getComputedStyle(el);
  let opacity = 1;
  for (let node = el; node instanceof Element; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
  let vnode = axe.utils.getNodeFromTree(el);
  if (!vnode) { axe.teardown(); axe.setup(); vnode = axe.utils.getNodeFromTree(el); }
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const stop = {
    html: el.outerHTML.slice(0, 120),
    name: axe.commons.text.accessibleTextVirtual(vnode).trim(),
    inView: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    visible: style.visibility === 'visible' && opacity > 0,
    onTop: Boolean(top) && (el.contains(top) || top.contains(el)),
    inMain: Boolean(el.closest('.md-content')),
    inFooter: Boolean(el.closest('.md-footer')),
    inClosedDrawer: Boolean(el.closest('.md-sidebar--primary')) && !document.getElementById('__drawer').checked,
    inClosedSearch: Boolean(el.closest('.md-search')) && !document.getElementById('__search').checked,
    isSkipLink: el.matches('a.md-skip'),
  };
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  return stop;
}"""


def tab_stops(page: Any) -> list[dict[str, Any]]:
    """Every Tab stop from the top of the page, in order, until focus leaves the page."""
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))  # for accessible names, as axe computes them
    page.evaluate("() => axe.setup()")
    stops: list[dict[str, Any]] = []
    for _ in range(MOST_TAB_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED_STOP)
        if stop is None:  # past the last stop, focus goes to the browser
            return stops
        stops.append(stop)
    pytest.fail(f"{MOST_TAB_STOPS} Tab stops and still on the page: focus is trapped near {stops[-1]['html']}")


def skip_link_lands_on_the_title(page: Any) -> None:
    """The first Tab stop is Material's skip link, shown while focused; Enter moves focus to the page's <h1>."""
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const a = document.activeElement, box = a.getBoundingClientRect();"
        " return {cls: a.className, text: a.textContent.trim(), href: a.getAttribute('href'),"
        " visible: box.width > 0 && box.height > 0 && box.top >= 0 && box.top < innerHeight}; }"
    )
    assert "md-skip" in focused["cls"].split() and focused["text"] == "Skip to content"
    assert focused["visible"]  # shown when focused
    assert page.locator(".md-skip").count() == 1  # Material's own is the one link
    title = page.locator("h1").first
    assert focused["href"].endswith("#" + (title.get_attribute("id") or "-"))  # Material makes it absolute
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.tagName === 'H1'")
    assert page.evaluate("() => document.activeElement === document.querySelector('article h1')")
    top = page.evaluate("() => document.querySelector('article h1').getBoundingClientRect().top")
    assert 0 <= top < 200  # scrolled to it, below the sticky header


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize(("name", "path"), WALK_PAGES, ids=[name for name, _ in WALK_PAGES])
def test_a_keyboard_walk_of_the_page(browser: Any, bundled_site: ServedSite, name: str, path: str, width: int) -> None:
    """Tab from the top to the end: every stop shows, has a name and is not covered;
    the walk goes through the content to the footer; on a phone the closed drawer
    and the closed header search hold none."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(bundled_site.url + path)
        page.wait_for_load_state("networkidle")
        stops = tab_stops(page)
        assert stops and stops[0]["isSkipLink"]
        problems = [
            f"{what}: {stop['html']}"
            for stop in stops
            for what, bad in [
                ("not in view", not stop["inView"]),
                ("not visible", not stop["visible"]),
                ("covered by something else", not stop["onTop"]),
                ("no accessible name", not stop["name"]),
                ("in the closed drawer", width < DRAWER_BELOW and stop["inClosedDrawer"]),
                ("in the closed header search", width < SEARCH_FOLDS_BELOW and stop["inClosedSearch"]),
            ]
            if bad
        ]
        assert problems == []
        assert sum(stop["inMain"] for stop in stops) >= 2  # the page's own links, not just the header and footer
        assert stops[-1]["inFooter"]  # and out through the footer
        page.goto(bundled_site.url + path)
        page.wait_for_load_state("networkidle")
        skip_link_lands_on_the_title(page)
    finally:
        context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def test_on_a_phone_the_closed_header_search_is_hidden_and_its_button_opens_it(browser: Any, bundled_site: ServedSite) -> None:
    with on_a_phone(browser, bundled_site, "hubs/") as page:
        box = "getComputedStyle(document.querySelector('.md-search__inner')).visibility"
        assert page.evaluate(box) == "hidden"
        page.click("label.md-header__button[for=__search]")  # a tap on the header's search button
        page.wait_for_function("() => document.activeElement.matches('.md-search__input')")
        assert page.evaluate(box) == "visible" and page.is_visible(".md-search__input")
        page.keyboard.type("trust", delay=20)
        page.wait_for_selector(".md-search-result__item")
        page.keyboard.press("Escape")
        page.wait_for_function(f"() => {box} === 'hidden'")  # once it has faded out
        assert not page.evaluate("document.getElementById('__search').checked")


@pytest.mark.parametrize("width", [1280, 320])
def test_tabbing_out_of_the_open_header_search_closes_it(browser: Any, bundled_site: ServedSite, width: int) -> None:
    """Otherwise focus goes on through the page under the open search, which covers it."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(bundled_site.url + "hubs/")
        page.wait_for_load_state("networkidle")
        page.keyboard.press("/")
        page.wait_for_function("() => document.activeElement.matches('.md-search__input')")
        for _ in range(10):
            page.keyboard.press("Tab")
            if not page.evaluate("() => Boolean(document.activeElement.closest('.md-search'))"):
                break
        assert not page.evaluate("document.getElementById('__search').checked")
    finally:
        context.close()


def test_the_404_page_has_a_skip_link(browser: Any, bundled_site: ServedSite) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(bundled_site.url + "404.html")
        page.wait_for_load_state("networkidle")
        skip_link_lands_on_the_title(page)
    finally:
        context.close()


def test_on_a_phone_the_search_and_menu_buttons_are_keyboard_buttons(browser: Any, bundled_site: ServedSite) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 700})
    try:
        page = context.new_page()
        page.goto(bundled_site.url + "hubs/")
        page.wait_for_load_state("networkidle")
        tab_to(page, "label[for=__search]", 6)
        assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Search"
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement.matches('.md-search__input')")
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__search').checked")
        page.focus("label.md-header__button[for=__drawer]")
        page.keyboard.press(" ")
        assert page.evaluate("document.getElementById('__drawer').checked")
    finally:
        context.close()
