"""The finder at /case-studies/, in a real browser (Playwright driving Debian's
Chromium) against a built site served on localhost."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ServedSite, case_study_text, make_project, serve_library, write
from playwright.sync_api import expect  # not page.wait_for_function: it polls with eval, which the site's CSP blocks

FIVE = "".join(f"## {n}. Question {n}?\n\nAn answer.\n\n" for n in range(1, 6))
LIBRARY = {
    "cafe-maths": dict(
        title='"Café conversations about number sense"', date="2025-05-01", hubs="[jurassic]",
        programmes="[mastering-number]", school="\n  name: Élan Primary\n  location: Dorchester",
        body="Pupils used a rekenrek every morning.\n",
    ),
    "secondary-ratio": dict(
        title="Ratio tables in Year 8", date="2025-04-01", phases="[secondary]", hubs="[great-north]",
        programmes="[multiplicative-reasoning-ks3]", body="Teachers tried double number lines.\n",
    ),
    "trust-wide": dict(
        title="A trust-wide approach across two hubs", type="trust-model", date="2025-03-01",
        phases="[primary, secondary]", hubs="[jurassic, mobius]", partnership_models="[hub-work-groups, trust-led-trust-groups]",
        trust="\n  name: Wessex Learning Trust", people="\n  - name: Priya Shah\n    role: Director of maths",
    ),
    "post16-resits": dict(
        title="GCSE resits with a mastery lens", type="q-and-a", date="2025-02-01", phases="[post-16]",
        hubs="[solent]", programmes="[mastery-specialist, l2-qualification]",
    ),
    "early-number": dict(
        title="Early number in Reception", type="q-and-a", date="2025-01-15", phases="[early-years]",
        hubs="[central]", programmes="[sktm]", body="Children practised subitising with dot cards.\n",
    ),
    "five-questions": dict(
        title="Five questions for a trust leader", type="find-out-in-five", date="2024-12-01", hubs="[mobius]",
        partnership_models="[trust-leaders-lead-for-hub]", body="The trust talked about ratio.\n\n" + FIVE,
    ),
    "research-note": dict(
        title="What a research theme found", type="research", date="2024-11-01", phases="[secondary]",
        hubs="[maths-hubs-network]", programmes="[research-and-innovation]",
    ),
    "old-perspective": dict(
        title="A perspective from 2015", type="perspective", date="2015-03-17", phases="[primary, secondary]",
        hubs="[south-yorkshire]",
    ),
}
NEWEST_FIRST = [
    "cafe-maths", "secondary-ratio", "trust-wide", "post16-resits", "early-number",
    "five-questions", "research-note", "old-perspective",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    served = serve_library(tmp_path_factory, "finder", LIBRARY)
    yield served
    served.close()


def open_finder(page: Any, site: ServedSite, query: str = "") -> None:
    page.goto(site.url + "case-studies/" + query)
    page.wait_for_selector(".cb-finder__form:not([hidden])")
    settle(page)


def settle(page: Any) -> None:
    """Wait for the finder to catch up (and for any search file it fetched)."""
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(150)


def visible_slugs(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        ".cb-finder__results > .cb-card:not([hidden]) .cb-card__title a",
        "links => links.map(a => a.getAttribute('href').split('/').slice(-2)[0])",
    )


def status(page: Any) -> str:
    page.wait_for_timeout(600)  # the count is announced once typing pauses
    return page.text_content(".cb-finder__count [role=status]").strip()


def url_state(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


# --- without JavaScript -------------------------------------------------------------------


def test_without_javascript_every_case_study_is_listed(browser: Any, site: ServedSite) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "case-studies/?phase=post-16&q=zzz")
    cards = page.eval_on_selector_all(".cb-finder__results > .cb-card", "cards => cards.filter(c => !c.hidden).length")
    assert cards == len(LIBRARY)
    assert page.is_hidden(".cb-finder__form")
    assert page.text_content(".cb-finder__count").strip() == "8 case studies"
    context.close()


# --- the query string is the state ----------------------------------------------------------

QUERIES = [
    "?phase=primary",
    "?hub=jurassic&hub=mobius",
    "?phase=primary&type=trust-model",
    "?phase=secondary&phase=post-16",
    "?model=hub-work-groups&model=trust-leaders-lead-for-hub",
    "?programme=sktm&programme=mastering-number&phase=early-years",
    "?type=research&type=perspective&phase=secondary",
    "?hub=central&phase=primary",
]


def expected_from_json(site: ServedSite, query: str) -> list[str]:
    """The contract's rule applied to /case-studies.json: OR within a filter, AND across."""
    index = json.loads((site.site / "case-studies.json").read_text())
    fields = {"phase": "phases", "hub": "hubs", "model": "partnership_models", "programme": "programmes", "type": "type"}
    wanted = parse_qs(query.lstrip("?"))
    matches = []
    for entry in index["case_studies"]:
        ok = True
        for name, values in wanted.items():
            have = entry[fields[name]]
            have = [have] if isinstance(have, str) else have
            ok = ok and bool(set(values) & set(have))
        if ok:
            matches.append(entry["slug"])
    return matches


@pytest.mark.parametrize("query", QUERIES)
def test_query_string_views_match_the_json_index(page: Any, site: ServedSite, query: str) -> None:
    open_finder(page, site, query)
    expected = expected_from_json(site, query)
    assert visible_slugs(page) == expected
    total = len(LIBRARY)
    assert status(page) == (f"{len(expected)} case {'study' if len(expected) == 1 else 'studies'} of {total}"
                            if expected else "No case studies found")


def test_clicking_facets_updates_the_url_and_the_list_and_back_restores(page: Any, site: ServedSite) -> None:
    open_finder(page, site)
    assert visible_slugs(page) == NEWEST_FIRST
    page.check("#cb-phase-primary")
    settle(page)
    assert url_state(page) == {"phase": ["primary"]}
    assert visible_slugs(page) == ["cafe-maths", "trust-wide", "five-questions", "old-perspective"]
    page.click(".cb-facet[data-facet=hub] summary")
    page.check("#cb-hub-mobius")
    settle(page)
    assert url_state(page) == {"phase": ["primary"], "hub": ["mobius"]}
    assert visible_slugs(page) == ["trust-wide", "five-questions"]
    page.go_back()
    settle(page)
    assert url_state(page) == {"phase": ["primary"]}
    assert visible_slugs(page) == ["cafe-maths", "trust-wide", "five-questions", "old-perspective"]
    assert not page.is_checked("#cb-hub-mobius")
    page.go_back()
    settle(page)
    assert visible_slugs(page) == NEWEST_FIRST
    page.go_forward()
    settle(page)
    assert visible_slugs(page) == ["cafe-maths", "trust-wide", "five-questions", "old-perspective"]


def test_options_show_the_results_they_would_give_and_zero_is_disabled_not_hidden(page: Any, site: ServedSite) -> None:
    open_finder(page, site, "?phase=post-16")

    def count(box: str) -> str:
        return page.text_content(f"label[for={box}] .cb-facet__count")

    # Within the phase facet, counts ignore the phase selection itself (OR within).
    assert count("cb-phase-primary") == "(4)"
    assert count("cb-phase-post-16") == "(1)"
    # Across facets, counts respect it (AND across): only Solent has post-16 work.
    assert count("cb-hub-solent") == "(1)"
    assert count("cb-hub-jurassic") == "(0)"
    page.click(".cb-facet[data-facet=hub] summary")
    assert page.is_visible("#cb-hub-jurassic") and page.is_disabled("#cb-hub-jurassic")  # shown, not hidden
    assert page.is_enabled("#cb-hub-solent")


def test_region_filter_comes_from_the_hubs(page: Any, site: ServedSite) -> None:
    open_finder(page, site, "?region=south-west")
    assert visible_slugs(page) == ["cafe-maths", "trust-wide", "five-questions"]


def test_selected_filters_can_be_removed_one_by_one_or_all_at_once(page: Any, site: ServedSite) -> None:
    open_finder(page, site, "?q=trust&phase=primary&hub=mobius")
    chips = page.eval_on_selector_all(".cb-finder__chip", "buttons => buttons.map(b => b.getAttribute('aria-label'))")
    assert chips == ["Remove Search: trust", "Remove filter Phase: Primary", "Remove filter Maths Hub: Mobius Maths Hub"]
    page.click("[aria-label='Remove filter Maths Hub: Mobius Maths Hub']")
    settle(page)
    assert url_state(page) == {"q": ["trust"], "phase": ["primary"]}
    assert page.evaluate("document.activeElement.className") == "cb-finder__chip"
    page.click(".cb-finder__clear")
    settle(page)
    assert url_state(page) == {"q": ["trust"]}
    assert page.is_hidden(".cb-finder__selected") is False


# --- text search ------------------------------------------------------------------------------


def test_text_search_narrows_and_ranks_title_matches_first(page: Any, site: ServedSite) -> None:
    open_finder(page, site)
    page.fill("#cb-finder-q", "ratio")
    settle(page)
    # "Ratio" is in one title and only in the other's body.
    assert visible_slugs(page) == ["secondary-ratio", "five-questions"]
    assert url_state(page) == {"q": ["ratio"]}
    assert page.input_value("#cb-finder-sort") == "relevance"
    page.select_option("#cb-finder-sort", "oldest")
    settle(page)
    assert visible_slugs(page) == ["five-questions", "secondary-ratio"]
    assert url_state(page) == {"q": ["ratio"], "sort": ["oldest"]}


def test_text_search_covers_names_and_the_full_text(page: Any, site: ServedSite) -> None:
    for query, expected in [
        ("wessex", ["trust-wide"]),            # trust
        ("priya shah", ["trust-wide"]),        # person
        ("solent", ["post16-resits"]),         # hub name
        ("level 2", []),                       # not written anywhere
        ("multiplicative", ["secondary-ratio"]),  # programme name
        ("subitising", ["early-number"]),      # body only
        ("reken", ["cafe-maths"]),             # the start of a body word
        ("dorchester", ["cafe-maths"]),        # school location
    ]:
        open_finder(page, site, "?q=" + query.replace(" ", "+"))
        assert visible_slugs(page) == expected, query


def test_text_search_ignores_case_and_accents(page: Any, site: ServedSite) -> None:
    for query in ("CAFE", "café", "elan", "ÉLAN"):
        open_finder(page, site)
        page.fill("#cb-finder-q", query)
        settle(page)
        assert visible_slugs(page) == ["cafe-maths"], query


def test_a_nonsense_query_shows_a_helpful_empty_state(page: Any, site: ServedSite) -> None:
    open_finder(page, site, "?phase=primary")
    page.fill("#cb-finder-q", "xyzzy plugh")
    settle(page)
    assert visible_slugs(page) == []
    assert status(page) == "No case studies found"
    assert page.is_visible(".cb-finder__empty")
    assert page.text_content(".cb-finder__empty-message") == "No case studies match \u201cxyzzy plugh\u201d with the filters you chose."
    assert "try fewer or different words" in page.text_content(".cb-finder__empty")
    page.click(".cb-finder__reset")
    settle(page)
    assert visible_slugs(page) == NEWEST_FIRST
    assert page.evaluate("document.activeElement.id") == "cb-finder-q"


def test_typing_makes_one_history_entry_per_search(page: Any, site: ServedSite) -> None:
    open_finder(page, site)
    page.type("#cb-finder-q", "number", delay=20)
    settle(page)
    assert url_state(page) == {"q": ["number"]}
    page.go_back()
    settle(page)
    assert url_state(page) == {} and visible_slugs(page) == NEWEST_FIRST


def test_sort_by_title(page: Any, site: ServedSite) -> None:
    open_finder(page, site, "?sort=title")
    assert visible_slugs(page) == [
        "old-perspective", "trust-wide", "cafe-maths", "early-number", "five-questions",
        "post16-resits", "secondary-ratio", "research-note",
    ]


def test_the_result_count_is_announced_in_a_live_region(page: Any, site: ServedSite) -> None:
    open_finder(page, site)
    region = page.locator(".cb-finder__count [role=status]")
    assert region.get_attribute("aria-atomic") == "true"
    # A live region may not sit in a heading (the Nu checker); the heading before it names the results.
    assert region.evaluate("r => r.closest('h1, h2, h3, h4, h5, h6')") is None
    assert region.evaluate("r => r.closest('.cb-finder__count').previousElementSibling.outerHTML") == (
        '<h2 class="cb-visually-hidden">Results</h2>'
    )
    page.check("#cb-phase-early-years")
    assert status(page) == "1 case study of 8"


# --- instant navigation, keyboard, small screens ------------------------------------------------


def test_arriving_by_instant_navigation_starts_the_finder(page: Any, site: ServedSite) -> None:
    page.goto(site.url)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")
    page.click("nav.md-nav--primary a[href$='case-studies/']")
    page.wait_for_selector(".cb-finder__form:not([hidden])")
    assert page.evaluate("window.__sameDocument") is True  # no full page load happened
    page.check("#cb-phase-secondary")
    settle(page)
    assert visible_slugs(page) == ["secondary-ratio", "trust-wide", "research-note", "old-perspective"]


def test_keyboard_only(page: Any, site: ServedSite) -> None:
    open_finder(page, site)
    page.focus("#cb-finder-q")
    page.keyboard.type("reception")
    page.keyboard.press("Enter")
    settle(page)
    assert visible_slugs(page) == ["early-number"]
    page.keyboard.press("Tab")  # the Search button
    page.keyboard.press("Tab")  # sort
    page.keyboard.press("Tab")  # on a wide screen the filter toggle is not shown; first facet summary
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "cb-phase-early-years"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Space")
    settle(page)
    assert url_state(page) == {"q": ["reception"], "phase": ["early-years"]}


@pytest.mark.parametrize(("width", "why"), [(320, "narrowest phone"), (640, "1280 px at 200% zoom")])
def test_works_on_a_narrow_screen_without_sideways_scrolling(browser: Any, site: ServedSite, width: int, why: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    open_finder(page, site)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, why
    page.click(".cb-finder__toggle")
    page.check("#cb-phase-post-16")
    settle(page)
    assert visible_slugs(page) == ["post16-resits"]
    assert page.text_content(".cb-finder__toggle") == "Hide filters (1 selected)"
    context.close()


def test_the_finder_makes_no_third_party_request(page: Any, site: ServedSite) -> None:
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    open_finder(page, site, "?q=ratio")
    page.goto(site.url)
    page.wait_for_load_state("networkidle")
    assert hosts == {f"127.0.0.1:{site.port}"}



# --- taking the list away: download and copy a link --------------------------------------


def downloaded_csv(page: Any) -> tuple[str, list[dict[str, str]]]:
    import csv

    with page.expect_download() as info:
        page.click(".cb-finder__download")
    download = info.value
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return download.suggested_filename, list(csv.DictReader(raw.decode("utf-8-sig").splitlines(keepends=True)))


def test_download_this_list_exports_the_filtered_view_in_the_csv_format(page: Any, site: ServedSite) -> None:
    open_finder(page, site, "?phase=secondary&sort=title")
    shown = visible_slugs(page)
    name, rows = downloaded_csv(page)
    assert name == "case-studies-selection.csv"
    assert [row["slug"] for row in rows] == shown == ["old-perspective", "trust-wide", "secondary-ratio", "research-note"]
    # The same rows, cell for cell, as the build's /case-studies.csv.
    import csv

    built = {row["slug"]: row for row in csv.DictReader(
        (site.site / "case-studies.csv").read_text(encoding="utf-8-sig").splitlines(keepends=True)
    )}
    assert rows == [built[slug] for slug in shown]
    assert rows[1]["hubs"] == "jurassic; mobius"


def test_download_with_nothing_chosen_is_the_built_file(page: Any, site: ServedSite) -> None:
    open_finder(page, site)
    name, rows = downloaded_csv(page)
    assert name == "case-studies.csv"
    assert [row["slug"] for row in rows] == NEWEST_FIRST


def test_copy_link_to_this_view_copies_the_shareable_address(browser: Any, site: ServedSite) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url.rstrip("/"))
    page = context.new_page()
    open_finder(page, site, "?hub=jurassic")
    page.check("#cb-phase-primary")
    settle(page)
    page.click(".cb-finder__copy")
    expect(page.locator(".cb-finder__copied")).not_to_have_text("")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert parse_qs(urlsplit(copied).query) == {"phase": ["primary"], "hub": ["jurassic"]}
    assert copied.startswith(site.url + "case-studies/")
    assert page.text_content(".cb-finder__copied").startswith("Link copied")
    context.close()


def test_without_javascript_the_download_is_the_whole_list_and_there_is_no_copy_button(browser: Any, site: ServedSite) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "case-studies/")
    assert page.get_attribute(".cb-finder__download", "href") == "../case-studies.csv"
    assert page.is_hidden(".cb-finder__copy")
    context.close()

def header_search(page: Any, query: str) -> list[str]:
    """Type into the header search box; the titles of the results it shows."""
    page.click("input.md-search__input")
    page.fill("input.md-search__input", "")
    page.type("input.md-search__input", query, delay=20)
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(200)
    return page.eval_on_selector_all(".md-search-result__article h1", "hs => hs.map(h => h.textContent.trim())")


def test_header_search_finds_case_studies_by_title_trust_school_hub_and_text(page: Any, site: ServedSite) -> None:
    page.goto(site.url)
    page.wait_for_load_state("networkidle")
    for query, title in [
        ("Ratio tables", "Ratio tables in Year 8"),            # title
        ("Wessex", "A trust-wide approach across two hubs"),  # trust
        ("Élan", "Café conversations about number sense"),    # school
        ("Great North", "Ratio tables in Year 8"),             # hub
        ("subitising", "Early number in Reception"),           # body
        ("subit", "Early number in Reception"),                # the start of a word
        ("accessibility statement", "Accessibility"),          # a hand-written page
    ]:
        titles = header_search(page, query)
        assert title in titles, (query, titles)
        page.keyboard.press("Escape")
        assert not page.is_checked("#__search")


def test_header_search_ranks_title_matches_first_and_needs_every_word(page: Any, site: ServedSite) -> None:
    page.goto(site.url)
    titles = header_search(page, "ratio")
    # "ratio" is in one title and in the text of another: the title comes first.
    assert titles[0] == "Ratio tables in Year 8"
    assert "Five questions for a trust leader" in titles
    assert header_search(page, "ratio subitising") == []
    assert page.text_content(".md-search-result__meta").strip() == "No matching documents"


def test_header_search_opens_with_a_key_moves_by_arrows_and_follows_a_result(page: Any, site: ServedSite) -> None:
    page.goto(site.url + "about-maths-hubs/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    assert page.is_checked("#__search")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    header_search(page, "subitising")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent").strip().startswith("Early number in Reception")
    page.keyboard.press("Enter")
    page.wait_for_url("**/case-studies/early-number/")
    assert not page.is_checked("#__search")
    # The header outlived that instant navigation: searching again still finds the right addresses.
    header_search(page, "Wessex")
    assert page.get_attribute(".md-search-result__link", "href") == site.url + "case-studies/trust-wide/"


def test_pressing_enter_in_the_header_search_opens_the_finder_with_the_query(page: Any, site: ServedSite) -> None:
    page.goto(site.url + "hubs/")
    header_search(page, "ratio")
    page.keyboard.press("Enter")
    page.wait_for_url("**/case-studies/?q=ratio")
    page.wait_for_selector(".cb-finder__form:not([hidden])")
    settle(page)
    assert page.input_value(".cb-finder__input") == "ratio"
    assert visible_slugs(page)[0] == "secondary-ratio"


@pytest.mark.parametrize("width", [1280, 375])
def test_header_search_without_javascript_opens_the_finder(browser: Any, site: ServedSite, width: int) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site.url + "hubs/")
    if width < 960:  # on a phone the box opens from the magnifier, as in Material
        page.click("label.md-header__button[for=__search]")
    page.fill("input.md-search__input", "ratio")
    page.keyboard.press("Enter")
    page.wait_for_url("**/case-studies/?q=ratio")
    context.close()


def test_searching_fetches_a_few_small_files_and_never_materials_whole_index(page: Any, site: ServedSite) -> None:
    fetched: list[str] = []

    def record(request: Any) -> None:
        path = urlsplit(request.url).path
        # The casebook's own modules (components/site-search/, lib/search-index.mjs) load with every page.
        if not re.match(r"/assets/javascripts/(components|lib)/", path):
            fetched.append(path)

    page.on("request", record)
    page.goto(site.url)
    page.wait_for_load_state("networkidle")
    assert not [path for path in fetched if "search" in path]  # nothing until a reader searches
    header_search(page, "ratio tables")
    searched = [path for path in fetched if "search" in path]
    assert searched and all(re.search(r"/case-studies/search/[0-9a-f]{12}/[a-z0-9-]+\.json$", p) for p in searched)
    assert not [path for path in fetched if "search_index" in path or "workers" in path]


def test_search_files_are_small_and_versioned(site: ServedSite) -> None:
    html = (site.site / "case-studies" / "index.html").read_text()
    base = re.search(r'data-cb-finder data-index-base="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    assert re.fullmatch(r"\.\./case-studies/search/[0-9a-f]{12}/", base)
    folder = site.site / base.removeprefix("../")
    chunk = json.loads((folder / "s.json").read_text())
    # Document ids are card positions, times four, plus where the word is: 2 title, 1 summary and facts, 0 body.
    assert chunk["subitising"] == [NEWEST_FIRST.index("early-number") * 4]
    assert json.loads((folder / "r.json").read_text())["ratio"][0] == NEWEST_FIRST.index("secondary-ratio") * 4 + 2
    position = NEWEST_FIRST.index("secondary-ratio")
    assert json.loads((folder / f"docs-{position // 10}.json").read_text())[position % 10][0] == "case-studies/secondary-ratio/"
    assert all(len(path.read_bytes()) < 50_000 for path in folder.iterdir())


def test_the_script_and_styles_stay_small() -> None:
    """What a browser downloads, compressed (the README states the sizes)."""
    import gzip

    root = Path(__file__).resolve().parents[2] / "overrides" / "assets"
    # Each module is its own download (no bundler), so each is compressed on its own.
    scripts = [path for path in (root / "javascripts").rglob("*") if path.is_file()]
    script = sum(len(gzip.compress(path.read_bytes())) for path in scripts)
    follow_and_briefing = 4_600  # lib/feeds.mjs, lib/briefing.mjs and the finder's part: about 4.5 KB
    # Comparing: lib/compare-set.mjs, components/compare/ and compare-pick/ (about 7.9 KB), and
    # lib/case-studies.mjs, which was written for the comparison and the briefing (about 2 KB).
    compare = 10_100
    assert script < 27_000 + follow_and_briefing + compare  # casebook.js, its components and lib/ (benchmarks/README.md)
    compare_styles = 600  # casebook.css's "Compare" section
    assert len(gzip.compress((root / "stylesheets" / "casebook.css").read_bytes())) < 6_500 + compare_styles


def test_the_script_leaves_out_the_same_stopwords_as_the_index() -> None:
    from macros.outputs.search_words import STOPWORDS

    script = (Path(__file__).resolve().parents[2] / "overrides" / "assets" / "javascripts" / "lib" / "words.mjs").read_text()
    listed = re.search(r'const STOPWORDS = new Set\(\(((?:"[^"]*"\s*\+?\s*)+)\)', script).group(1)  # type: ignore[union-attr]
    assert set("".join(re.findall(r'"([^"]*)"', listed)).split()) == STOPWORDS


# --- many case studies: a page at a time ----------------------------------------------------------


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    project = make_project(tmp_path_factory.mktemp("many") / "project")
    for n in range(45):
        write(project, f"story-{n:02d}.md", case_study_text(
            title=f"Story number {n:02d} from a school", date=f"2024-{1 + n % 12:02d}-{1 + n // 12:02d}",
            phases="[secondary]" if n % 3 == 0 else "[primary]",
        ))
    served = ServedSite(project)
    yield served
    served.close()


def test_results_come_a_page_at_a_time_and_show_more_keeps_keyboard_focus(page: Any, many: ServedSite) -> None:
    open_finder(page, many)
    assert len(visible_slugs(page)) == 20
    assert status(page) == "45 case studies"
    assert page.text_content(".cb-finder__more") == "Show 20 more (25 left)"
    twenty_first = page.evaluate("document.querySelectorAll('.cb-finder__results > .cb-card')[19].querySelector('a').href")
    page.click(".cb-finder__more")
    assert len(visible_slugs(page)) == 40
    focused = page.evaluate("document.activeElement.href")
    assert focused != twenty_first and focused.endswith("/") and "/case-studies/story-" in focused
    assert page.evaluate("Array.from(document.querySelectorAll('.cb-finder__results a')).map(a => a.href).indexOf(document.activeElement.href)") == 20
    page.click(".cb-finder__more")
    assert len(visible_slugs(page)) == 45
    assert page.is_hidden(".cb-finder__more")
    # A new filter starts again from the first page.
    page.check("#cb-phase-primary")
    settle(page)
    assert len(visible_slugs(page)) == 20
    assert status(page) == "30 case studies of 45"
    assert page.text_content(".cb-finder__more") == "Show the last 10"


def test_without_javascript_every_case_study_is_listed_even_beyond_a_page(browser: Any, many: ServedSite) -> None:
    context = browser.new_context(java_script_enabled=False)
    no_js = context.new_page()
    no_js.goto(many.url + "case-studies/")
    assert no_js.eval_on_selector_all(".cb-finder__results > .cb-card", "cards => cards.length") == 45
    assert no_js.is_hidden(".cb-finder__more")
    context.close()


def test_on_a_phone_the_filters_show_the_count_and_it_is_announced_once(browser: Any, site: ServedSite) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    open_finder(page, site)
    page.click(".cb-finder__toggle")
    summary = page.locator(".cb-finder__summary")
    assert summary.is_visible() and summary.text_content() == "8 case studies"
    assert summary.get_attribute("role") is None and summary.get_attribute("aria-live") is None
    page.evaluate(
        """() => { window.__announced = [];
        const region = document.querySelector('.cb-finder__count [role=status]');
        new MutationObserver(() => window.__announced.push(region.textContent))
          .observe(region, {childList: true, characterData: true, subtree: true}); }"""
    )
    box = page.locator("#cb-phase-post-16")
    box.scroll_into_view_if_needed()
    box.check()
    settle(page)
    assert summary.text_content() == "1 case study of 8"
    # In view beside the box just ticked, though the results are far below.
    top = summary.bounding_box()["y"]
    assert 0 <= top < 640
    page.wait_for_timeout(600)
    assert page.evaluate("window.__announced") == ["1 case study of 8"]
    context.close()
    wide = browser.new_context(viewport={"width": 1280, "height": 900})
    page = wide.new_page()
    open_finder(page, site)
    assert page.is_hidden(".cb-finder__summary")
    wide.close()


def test_show_more_reads_naturally() -> None:
    scripts = (Path(__file__).resolve().parents[2] / "overrides" / "assets" / "javascripts").rglob("*.*js")
    script = "\n".join(path.read_text() for path in scripts)
    assert "moreText" in script  # the label's words (lib/format.mjs) are among them
    assert "more of" not in script and "remaining" not in script


# --- a search that understands a reader: word forms, typos, acronyms (the bundled library) -------

# A query of each kind a reader types, and the case study it must find in the top three. The
# held-aside set that measures the search against Pagefind is benchmarks/search_queries.yml.
READER_QUERIES = [
    ("word form", "resits", "andover-college-level-2-maths"),
    ("word form", "estimating", "jurassic-core-maths-sktm"),
    ("word form", "specialising", "east-midlands-west-teaching-assistants-sktm"),
    ("word form", "GCSE retake", "king-edward-vi-college-post-16-mastery-specialist"),
    ("typo", "jurrasic", "jurassic-core-maths-sktm"),
    ("typo", "mastry specialist", "woodmansterne-secondary-mastery-specialist"),
    ("typo", "multiplicitive reasoning", "dukes-multiplicative-reasoning-ks3"),
    ("typo", "haslingdon", "st-marys-haslingden-primary-llme"),
    ("acronym", "TAs", "east-midlands-west-teaching-assistants-sktm"),
    ("acronym", "teaching assistant", "east-midlands-west-teaching-assistants-sktm"),
    ("acronym", "Key Stage 2", "city-of-london-primary-academy-islington"),
    ("acronym", "KS2", "city-of-london-primary-academy-islington"),
    ("acronym", "special educational needs and disabilities", "rocklands-mastering-number-special-school"),
    ("acronym", "SEND", "rocklands-mastering-number-special-school"),
    ("acronym", "LLME", "cambridge-llme-journey-to-trust-maths-lead"),
    ("short word", "Year 7", "securing-foundations-year-7-evaluation"),
]


def case_study_results(page: Any) -> list[str]:
    """The case studies the header search box lists, in order."""
    return page.eval_on_selector_all(
        ".md-search-result__link",
        "links => links.map(a => new URL(a.href).pathname).filter(p => /^\\/case-studies\\/[^/]+\\/$/.test(p))"
        ".map(p => p.split('/')[2])",
    )


@pytest.mark.parametrize(("kind", "query", "slug"), READER_QUERIES, ids=[q for _, q, _ in READER_QUERIES])
def test_each_kind_of_query_finds_its_case_study_in_the_top_three(
    page: Any, bundled_site: ServedSite, kind: str, query: str, slug: str
) -> None:
    open_finder(page, bundled_site, "?q=" + query)
    assert slug in visible_slugs(page)[:3], (kind, visible_slugs(page))
    header_search(page, query)
    assert slug in case_study_results(page)[:3], (kind, case_study_results(page))


def test_a_word_finds_its_other_forms_but_a_short_word_keeps_its_ending(page: Any, bundled_site: ServedSite) -> None:
    open_finder(page, bundled_site, "?q=resitting")
    resit = visible_slugs(page)
    open_finder(page, bundled_site, "?q=resit")
    assert visible_slugs(page) == resit and resit
    open_finder(page, bundled_site, "?q=post")
    marked = {m.lower() for m in page.eval_on_selector_all(".cb-finder__results mark", "ms => ms.map(m => m.textContent)")}
    assert marked and all(m.startswith("post") and m != "posting" for m in marked)


def test_a_misspelling_says_what_was_searched_and_offers_the_original(page: Any, bundled_site: ServedSite) -> None:
    open_finder(page, bundled_site, "?q=jurrasic")
    notes = page.locator(".cb-finder__notes")
    expect(notes).to_contain_text("Showing results for jurassic.")
    page.click(".cb-finder__notes a")  # "Search for “jurrasic” as typed"
    settle(page)
    assert url_state(page) == {"q": ["jurrasic"], "spelling": ["exact"]}
    assert visible_slugs(page) == []
    expect(page.locator(".cb-finder__empty-message")).to_have_text("No case studies match “jurrasic”. Did you mean jurassic?")
    page.click(".cb-finder__empty-message a")
    settle(page)
    assert url_state(page) == {"q": ["jurassic"]} and "jurassic-core-maths-sktm" in visible_slugs(page)
    page.go_back()
    settle(page)
    assert url_state(page) == {"q": ["jurrasic"], "spelling": ["exact"]} and visible_slugs(page) == []
    # The header box says the same, and offers the original with a button.
    header_search(page, "jurrasic")
    expect(page.locator(".cb-search__notes")).to_contain_text("Showing results for jurassic.")
    page.click(".cb-search__notes button")
    expect(page.locator(".md-search-result__meta")).to_have_text("No matching documents")
    expect(page.locator(".cb-search__notes")).to_have_text("Did you mean jurassic?")
    page.click(".cb-search__notes button")
    expect(page.locator(".md-search-result__meta")).not_to_have_text("No matching documents")


def test_results_show_the_words_that_matched(page: Any, bundled_site: ServedSite) -> None:
    open_finder(page, bundled_site, "?q=TAs")
    first = page.locator(".cb-finder__results > .cb-card").first
    assert [m.lower() for m in first.locator(".cb-card__title mark").all_text_contents()] == ["teaching assistants"]
    # A card whose title and summary do not have the words shows a passage that does.
    passages = page.locator(".cb-card__passage")
    expect(passages.first.locator("mark").first).to_be_visible()
    assert all(m.lower() in ("tas", "teaching assistants", "teaching assistant", "ta")
               for m in page.eval_on_selector_all(".cb-card__passage mark", "ms => ms.map(m => m.textContent)"))
    # Marks are elements around text: the title still reads as it did.
    assert first.locator(".cb-card__title a").text_content() == (
        "Giving secondary teaching assistants their own maths professional development"
    )
    header_search(page, "Year 7")
    assert "Year 7" in page.eval_on_selector_all(".md-search-result__article h1 mark", "ms => ms.map(m => m.textContent)")
    # Clearing the search takes the marks away.
    open_finder(page, bundled_site, "?q=TAs")
    page.fill(".cb-finder__input", "")
    settle(page)
    assert page.locator(".cb-finder__results mark").count() == 0 and page.locator(".cb-card__passage").count() == 0


def test_any_query_string_is_safe_and_cheap(page: Any, bundled_site: ServedSite) -> None:
    # A word that names a property of every JavaScript object is a word like any other.
    open_finder(page, bundled_site, "?q=constructor")
    assert page.is_visible(".cb-finder__form") and status(page) == "No case studies found"
    header_search(page, "__proto__ ratio")
    header_search(page, "ratio")
    assert case_study_results(page)
    # A thousand short words are one word, looked up once.
    open_finder(page, bundled_site, "?q=" + "ks%20" * 1000)
    assert page.is_visible(".cb-finder__form") and status(page).endswith("of 23")
    # 60,000 characters: 200 are read, the page says so, and the chip stays on the screen.
    open_finder(page, bundled_site, "?q=" + "a" * 60_000)
    expect(page.locator(".cb-finder__notes")).to_contain_text("Only the first 200 characters are searched.")
    assert page.input_value(".cb-finder__input") == "a" * 200
    chip = page.locator(".cb-finder__chip").bounding_box()
    assert chip is not None and chip["x"] + chip["width"] <= 1280
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    # A right-to-left override in the query cannot reorder the page's own sentence.
    open_finder(page, bundled_site, "?q=%E2%80%AEzzzz")
    assert page.eval_on_selector(".cb-finder__empty-message", "p => p.querySelector('bdi').textContent") == "\u202ezzzz"
    assert page.eval_on_selector(".cb-finder__chip", "c => c.querySelector('bdi').textContent") == "\u202ezzzz"


def test_the_header_box_only_links_to_the_sites_own_pages(page: Any, bundled_site: ServedSite) -> None:
    def hostile(route: Any) -> None:
        route.fulfill(content_type="application/json", body='[["javascript:alert(1)//", "Hostile", "A result"]]')

    page.goto(bundled_site.url)
    page.route("**/docs-0.json", hostile)  # the newest case study's result, as an attacker would write it
    header_search(page, "maths")
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    assert hrefs and all(href.startswith(bundled_site.url) for href in hrefs)
    assert "Hostile" not in page.text_content(".md-search-result__list")


def test_the_finder_follows_the_address_after_instant_navigation(page: Any, bundled_site: ServedSite) -> None:
    page.goto(bundled_site.url)
    page.click(".md-content a[href$='case-studies/']")  # instant navigation to the finder
    page.wait_for_selector(".cb-finder__form:not([hidden])")
    page.evaluate("""() => {
        const link = document.createElement('a');
        link.href = new URL('?q=haslingden', location.href).href;
        link.id = 'follow';
        link.textContent = 'follow';
        document.querySelector('.md-content').prepend(link);
    }""")
    page.click("#follow")
    settle(page)
    assert url_state(page) == {"q": ["haslingden"]}
    assert page.input_value(".cb-finder__input") == "haslingden"
    assert visible_slugs(page) == ["st-marys-haslingden-primary-llme"]
