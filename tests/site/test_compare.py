"""Comparing case studies (macros/site/compare.py, components/compare-pick/ and components/compare/),
in a real browser (Playwright driving Debian's Chromium) against a built site served on localhost."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ServedSite, serve_library
from playwright.sync_api import expect  # not page.wait_for_function: it polls with eval, which the site's CSP blocks

from macros.site.compare import COMPARE_TITLE, render_compare, render_picker

FIVE = "".join(f"## {n}. Question {n}?\n\nAnswer number {n}.\n\n" for n in range(1, 6))
LIBRARY = {
    "wessex-trust": dict(
        title="A trust-wide approach in Wessex", type="trust-model", date="2025-05-01", phases="[primary, secondary]",
        hubs="[jurassic, mobius]", partnership_models="[hub-work-groups]",
        trust="\n  name: Wessex Learning Trust\n  schools: 12\n  counties: [Dorset, Wiltshire]",
        people="\n  - name: Priya Shah\n    role: Director of maths\n  - name: Sam Lee",
        body="```\ncode first\n```\n\nThe trust began with one question.\n\nThen another.\n",
    ),
    "hill-primary": dict(
        title="Fractions at Hill Primary", date="2025-04-01", programmes="[mastering-number]",
        school="\n  name: Hill Primary\n  location: Poole\n  age_range: 4-11\n  pupils: 1210",
        body="Pupils used a rekenrek every morning.\n",
    ),
    "five-questions": dict(
        title="Five questions for a trust leader", type="find-out-in-five", date="2025-03-01", hubs="[mobius]",
        partnership_models="[trust-leaders-lead-for-hub]", body="An introduction.\n\n" + FIVE,
    ),
    "resits": dict(title="GCSE resits with a mastery lens", type="q-and-a", date="2025-02-01", phases="[post-16]",
                   hubs="[solent]"),
    "early-number": dict(title="Early number in Reception", date="2025-01-15", phases="[early-years]", hubs="[central]"),
    "old-story": dict(title="A perspective from 2015", type="perspective", date="2015-03-17", hubs="[south-yorkshire]"),
}
TITLES = {slug: fields["title"] for slug, fields in LIBRARY.items()}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    served = serve_library(tmp_path_factory, "compare", LIBRARY)
    yield served
    served.close()


def settle(page: Any) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(150)


def button(page: Any, slug: str) -> Any:
    return page.locator(f'.cb-pick__button[data-slug="{slug}"]')


def tray(page: Any) -> str:
    return " ".join(page.locator(".cb-tray__status").text_content().split())


def said(page: Any) -> str:
    page.wait_for_timeout(150)  # the live region is filled a moment after it is emptied
    return page.locator(".cb-tray [role=status]").text_content()


def open_compare(page: Any, site: ServedSite, query: str = "") -> None:
    page.goto(site.url + "case-studies/compare/" + query)
    expect(page.locator(".cb-compare__status")).not_to_have_text("Loading the case studies\u2026")
    settle(page)


def columns(page: Any) -> list[str]:
    return [text.strip() for text in page.locator(".cb-compare__table thead th").all_text_contents()]


def row(page: Any, label: str) -> list[str]:
    cells = page.locator(".cb-compare__table tbody tr", has=page.locator(f'th:text-is("{label}")')).locator("td")
    return [text.strip() for text in cells.all_text_contents()]


def slugs_in_address(page: Any) -> list[str]:
    return [slug for value in parse_qs(urlsplit(page.url).query, keep_blank_values=True).get("slugs", [""])
            for slug in value.split(",") if slug]


# --- the pages as built ----------------------------------------------------------------------


def test_the_comparison_page_as_built_explains_itself_and_the_roots_are_empty_and_hidden() -> None:
    html = render_compare("../../")
    assert "needs JavaScript" in html and 'href="../../case-studies/"' in html
    assert 'data-json="../../case-studies.json"' in html and 'class="cb-compare__app" hidden' in html
    assert "<button" in html.split('class="cb-compare__app" hidden', 1)[1]  # only inside what the script shows
    picker = render_picker("../", None)
    assert picker.endswith(" hidden></div>") and "<button" not in picker
    assert COMPARE_TITLE == "Compare case studies"


def test_without_javascript_there_is_nothing_to_press_and_the_page_says_why(browser: Any, site: ServedSite) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "case-studies/compare/?slugs=wessex-trust,hill-primary")
    assert page.text_content("h1") == "Compare case studies"
    explanation = page.locator(".cb-compare__static")
    assert explanation.is_visible() and "needs JavaScript" in explanation.text_content()
    assert explanation.locator("a").get_attribute("href") == "../../case-studies/"
    assert page.is_hidden(".cb-compare__app") and page.locator("table").count() == 0
    for path in ("case-studies/", "case-studies/wessex-trust/"):
        page.goto(site.url + path)
        assert page.locator(".cb-pick button").count() == 0 and page.is_hidden(".cb-pick")
    context.close()


# --- adding ------------------------------------------------------------------------------------


def test_adding_from_the_finder_by_keyboard_and_a_fifth_is_refused_in_words(page: Any, site: ServedSite) -> None:
    page.goto(site.url + "case-studies/")
    page.wait_for_selector(".cb-pick__button")
    settle(page)
    assert "Choose up to 4 case studies" in tray(page)
    page.focus('.cb-finder__results a[href$="wessex-trust/"]')
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.dataset.slug, document.activeElement.textContent]")
    assert focused == ["wessex-trust", f"Add to comparison: {TITLES['wessex-trust']}"]  # its name says which
    assert button(page, "wessex-trust").get_attribute("aria-pressed") == "false"
    page.keyboard.press("Enter")
    assert button(page, "wessex-trust").get_attribute("aria-pressed") == "true"
    assert said(page) == f"Added \u201c{TITLES['wessex-trust']}\u201d to the comparison. 1 of 4 chosen."
    page.focus('.cb-finder__results a[href$="hill-primary/"]')
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert button(page, "hill-primary").get_attribute("aria-pressed") == "true"
    assert tray(page) == "2 of 4 chosen \u2014 Compare them \u00b7 Clear"
    for slug in ("five-questions", "resits"):
        button(page, slug).click()
    assert tray(page).startswith("4 of 4 chosen")
    fifth = button(page, "early-number")
    assert fifth.get_attribute("aria-disabled") == "true" and fifth.get_attribute("aria-pressed") == "false"
    why = page.locator("#cb-pick-why-early-number")
    assert why.is_visible() and why.text_content() == "4 already chosen: remove one to add this"  # words, not colour
    assert fifth.get_attribute("aria-describedby") == "cb-pick-why-early-number"
    fifth.focus()
    page.keyboard.press("Enter")
    assert fifth.get_attribute("aria-pressed") == "false"
    assert said(page).startswith("Not added: 4 case studies are already chosen")
    # Pressing a chosen one again takes it away, and the others can be added again.
    button(page, "resits").click()
    assert button(page, "resits").get_attribute("aria-pressed") == "false"
    assert fifth.get_attribute("aria-disabled") is None and why.is_hidden()
    href = page.locator(".cb-tray__link").get_attribute("href")
    assert href == "../case-studies/compare/?slugs=wessex-trust,hill-primary,five-questions"
    page.click(".cb-tray__clear")
    assert "Choose up to 4" in tray(page) and said(page) == "Comparison cleared: none chosen."
    assert page.evaluate("document.activeElement.className") == "cb-tray__status"


def test_cards_the_finder_attaches_later_get_their_button_in_its_state(page: Any, site: ServedSite) -> None:
    page.goto(site.url + "case-studies/?phase=post-16")
    page.wait_for_selector(".cb-pick__button")
    settle(page)
    button(page, "resits").click()
    assert button(page, "wessex-trust").count() == 0  # held detached by the finder
    page.locator(".cb-finder__chip").first.click()  # remove the filter: every card is attached again
    settle(page)
    assert button(page, "resits").get_attribute("aria-pressed") == "true"
    assert button(page, "wessex-trust").get_attribute("aria-pressed") == "false"
    assert page.locator(".cb-finder__results .cb-pick__button").count() == len(LIBRARY)


def test_adding_on_a_case_studys_page_survives_instant_navigation_and_a_reload(page: Any, site: ServedSite) -> None:
    page.goto(site.url + "case-studies/hill-primary/")
    page.wait_for_selector(".cb-pick__button")
    settle(page)
    page.evaluate("window.__sameDocument = true")
    page.focus("h1")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.slug") == "hill-primary"
    page.keyboard.press("Enter")
    assert button(page, "hill-primary").get_attribute("aria-pressed") == "true"
    assert tray(page).startswith("1 of 4 chosen") and page.locator(".cb-tray__chosen").text_content() == TITLES["hill-primary"]
    page.click(".md-content a[href$='hubs/jurassic/']")  # instant navigation
    page.wait_for_url("**/hubs/jurassic/")
    page.click(".md-content a[href$='case-studies/wessex-trust/']")
    page.wait_for_url("**/case-studies/wessex-trust/")
    page.wait_for_selector(".cb-pick__button")
    assert page.evaluate("window.__sameDocument") is True  # no page load happened
    assert tray(page).startswith("1 of 4 chosen")
    button(page, "wessex-trust").click()
    page.click("nav.md-nav--primary a[href$='case-studies/']")
    page.wait_for_selector(".cb-finder__form:not([hidden])")
    page.wait_for_selector(".cb-pick__button")
    assert page.evaluate("window.__sameDocument") is True
    assert button(page, "hill-primary").get_attribute("aria-pressed") == "true"
    assert button(page, "wessex-trust").get_attribute("aria-pressed") == "true"
    page.reload()
    page.wait_for_selector(".cb-pick__button")
    assert tray(page).startswith("2 of 4 chosen")
    assert page.locator(".cb-tray__link").get_attribute("href").endswith("compare/?slugs=hill-primary,wessex-trust")
    page.click(".cb-tray__link")  # instant navigation to the comparison
    page.wait_for_selector(".cb-compare__table")
    assert columns(page) == [TITLES["hill-primary"], TITLES["wessex-trust"]]


def test_without_session_storage_the_set_lives_in_memory(browser: Any, site: ServedSite) -> None:
    context = browser.new_context()
    # Storage that throws, as in some private modes.
    context.add_init_script("Object.defineProperty(window, 'sessionStorage', {get() { throw new Error('denied'); }})")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site.url + "case-studies/")
    page.wait_for_selector(".cb-pick__button")
    button(page, "resits").click()
    page.click(".md-content a[href$='case-studies/resits/']")
    page.wait_for_selector(".cb-pick__button")
    assert button(page, "resits").get_attribute("aria-pressed") == "true"
    assert errors == []
    context.close()


# --- the comparison ---------------------------------------------------------------------------


def test_the_comparison_has_a_column_per_case_study_and_rows_that_read_across(page: Any, site: ServedSite) -> None:
    open_compare(page, site, "?slugs=wessex-trust,hill-primary,five-questions")
    assert columns(page) == [TITLES["wessex-trust"], TITLES["hill-primary"], TITLES["five-questions"]]
    links = page.locator(".cb-compare__table thead th a")
    assert links.nth(0).get_attribute("href") == site.url + "case-studies/wessex-trust/"
    labels = [text.strip() for text in page.locator(".cb-compare__table tbody th").all_text_contents()]
    assert labels == ["Type", "Date", "Trust", "School", "Phases", "Maths Hubs", "Partnership models", "Programmes",
                      "People", "Summary", "How it begins"]
    assert page.locator(".cb-compare__table tbody th[scope=row]").count() == len(labels)
    assert page.locator(".cb-compare__table thead th[scope=col]").count() == 3
    assert row(page, "Type") == ["Trust model", "School story", "Find Out in Five"]
    assert row(page, "Date") == ["1 May 2025", "1 April 2025", "1 March 2025"]
    assert row(page, "Trust") == ["Wessex Learning Trust (12 schools; Dorset, Wiltshire)", "Not given", "Not given"]
    assert row(page, "School") == ["Not given", "Hill Primary (Poole; ages 4-11; 1,210 pupils)", "Not given"]
    assert row(page, "People") == ["Priya Shah, Director of maths; Sam Lee", "Not given", "Not given"]
    assert row(page, "How it begins") == ["The trust began with one question.", "Pupils used a rekenrek every morning.",
                                          "Answer number 1."]
    removes = page.locator(".cb-compare__table .cb-compare__remove")
    assert removes.count() == 3 and removes.nth(1).text_content() == f"Remove {TITLES['hill-primary']} from the comparison"
    assert page.text_content(".cb-compare__status") == "Comparing 3 case studies."
    assert page.text_content(".cb-compare__notes") == ""
    # Opening the address made these the chosen set.
    page.click("a:text('Choose more in the finder')")
    page.wait_for_selector(".cb-pick__button")
    assert tray(page).startswith("3 of 4 chosen")


def test_two_and_four_case_studies(page: Any, site: ServedSite) -> None:
    open_compare(page, site, "?slugs=resits,early-number")
    assert columns(page) == [TITLES["resits"], TITLES["early-number"]]
    assert "Trust" not in page.locator(".cb-compare__table tbody").text_content()  # a row nobody fills is left out
    open_compare(page, site, "?slugs=resits,early-number,old-story,hill-primary")
    assert len(columns(page)) == 4


def test_unknown_repeated_extra_and_junk_slugs_are_named_in_plain_text(page: Any, site: ServedSite) -> None:
    open_compare(page, site, "?slugs=resits,no-such-story,resits,%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E,"
                             "early-number,old-story,hill-primary,wessex-trust")
    assert columns(page) == [TITLES[slug] for slug in ("resits", "early-number", "old-story", "hill-primary")]
    notes = [text for text in page.locator(".cb-compare__note").all_text_contents()]
    assert notes == [
        "Not found: \u201cno-such-story\u201d (no case study has this address).",
        "Left out, because a comparison shows at most four: \u201cwessex-trust\u201d.",
        "Ignored, not the address of a case study: \u201c<img src=x onerror=alert(1)>\u201d.",
        "Ignored 1 repeat of a case study already shown.",
    ]
    assert page.locator(".cb-compare__notes img").count() == 0
    assert page.locator(".cb-compare__note bdi").count() == 3


def test_removing_a_column_updates_the_address_and_back_brings_it_back(page: Any, site: ServedSite) -> None:
    open_compare(page, site, "?slugs=wessex-trust,hill-primary,five-questions")
    page.locator(".cb-compare__table .cb-compare__remove").nth(1).focus()
    page.keyboard.press("Enter")
    assert slugs_in_address(page) == ["wessex-trust", "five-questions"]
    assert columns(page) == [TITLES["wessex-trust"], TITLES["five-questions"]]
    assert page.evaluate("document.activeElement.dataset.slug") == "five-questions"  # focus stays in place
    assert page.text_content(".cb-compare__status") == f"Removed \u201c{TITLES['hill-primary']}\u201d. Comparing 2 case studies."
    page.go_back()
    expect(page.locator(".cb-compare__table thead th")).to_have_count(3)
    assert slugs_in_address(page) == ["wessex-trust", "hill-primary", "five-questions"]
    page.go_forward()
    expect(page.locator(".cb-compare__table thead th")).to_have_count(2)
    for _ in range(2):
        page.locator(".cb-compare__table .cb-compare__remove").first.click()
    assert slugs_in_address(page) == [] and page.is_visible(".cb-compare__empty")


def test_with_no_slugs_it_says_how_to_choose_some(page: Any, site: ServedSite) -> None:
    open_compare(page, site)
    empty = page.locator(".cb-compare__empty")
    assert empty.is_visible() and "Add to comparison" in empty.text_content()
    assert empty.locator("a").evaluate("a => a.href") == site.url + "case-studies/"
    assert page.locator("table").count() == 0 and page.is_hidden(".cb-compare__print")


def test_on_a_phone_each_row_is_a_heading_with_values_under_their_titles(browser: Any, site: ServedSite) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    open_compare(page, site, "?slugs=wessex-trust,hill-primary,five-questions,resits")
    assert page.is_hidden(".cb-compare__table") and page.is_visible(".cb-compare__narrow")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    headings = [text.strip() for text in page.locator(".cb-compare__narrow h2.cb-compare__row").all_text_contents()]
    assert headings[0] == "Type" and headings[-1] == "How it begins"
    facts = page.locator(".cb-compare__narrow h2:text-is('Trust') + dl > div")
    assert [facts.nth(i).locator("dt").text_content() for i in range(4)] == [
        TITLES[slug] for slug in ("wessex-trust", "hill-primary", "five-questions", "resits")]
    assert facts.nth(0).locator("dd").text_content() == "Wessex Learning Trust (12 schools; Dorset, Wiltshire)"
    page.locator(".cb-compare__narrow .cb-compare__remove").first.click()
    assert page.evaluate("document.activeElement.dataset.slug") == "hill-primary"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_print_a_briefing_of_the_comparison(page: Any, site: ServedSite) -> None:
    open_compare(page, site, "?slugs=wessex-trust,hill-primary")
    page.evaluate("() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }")
    page.click(".cb-compare__print")
    assert page.evaluate("window.__printed") == 1
    briefing = page.locator(".cb-briefing")
    assert briefing.locator("h1").text_content() == "Comparison \u00b7 2 case studies"
    assert briefing.locator(".cb-briefing__heading").all_text_contents() == [TITLES["wessex-trust"], TITLES["hill-primary"]]
    assert briefing.locator(".cb-briefing__url").first.text_content() == site.url + "case-studies/wessex-trust/"
    facts = briefing.locator(".cb-briefing__item").first.locator("dt").all_text_contents()
    assert facts[:3] == ["Type", "Date", "Trust"] and "Summary" not in facts
