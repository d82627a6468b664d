"""The finder's "Print a briefing" (lib/briefing.mjs): the view's case studies on
A4 paper, with a title line, their facts and full addresses, and none of the
page around them. In a real browser against the bundled site; window.print is
stubbed and the page printed to PDF instead."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from typing import Any
from urllib.request import urlopen

from conftest import ServedSite, tab_to, to_a_case_study_and_back
from playwright.sync_api import expect

STUB_PRINT = "() => { window.printCalls = 0; window.print = () => { window.printCalls += 1; }; }"


def case_studies(site: ServedSite) -> list[dict[str, Any]]:
    with urlopen(site.url + "case-studies.json") as response:
        return json.load(response)["case_studies"]  # type: ignore[no-any-return]


def count_text(count: int) -> str:
    return f"{count:,} case study" if count == 1 else f"{count:,} case studies"


def open_finder(page: Any, site: ServedSite, query: str = "") -> list[str]:
    """The finder at `query`, print stubbed; the addresses it fetched."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site.url + "case-studies/" + query)
    page.wait_for_selector(".cb-finder__print:not([hidden])")
    page.wait_for_load_state("networkidle")
    page.evaluate(STUB_PRINT)
    return fetched


def press_print_by_keyboard(page: Any) -> None:
    page.focus(".cb-finder__download")
    tab_to(page, ".cb-finder__print", 3)
    assert page.evaluate("document.activeElement.textContent") == "Print a briefing"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_class(re.compile(r"\bcb-briefing-printing\b"))


def pdf_text(page: Any) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297), "A4"
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def words(text: str) -> str:
    return " ".join(text.split())


def test_a_briefing_of_one_phase_and_one_hub(page: Any, bundled_site: ServedSite) -> None:
    fetched = open_finder(page, bundled_site, "?phase=primary&hub=jurassic")
    assert not [url for url in fetched if url.endswith("case-studies.json")], "fetched only when asked for"
    chosen = [entry for entry in case_studies(bundled_site) if "primary" in entry["phases"] and "jurassic" in entry["hubs"]]
    assert chosen, "the bundled library has primary case studies with Jurassic"

    press_print_by_keyboard(page)
    assert page.evaluate("window.printCalls") == 1
    assert [url for url in fetched if url.endswith("case-studies.json")]
    page.emulate_media(media="print")
    assert page.is_visible(".cb-briefing")
    for hidden in (".md-header", ".cb-finder__form", ".cb-finder__results", ".md-footer"):
        assert not page.is_visible(hidden), hidden
    page.emulate_media(media="screen")
    assert not page.is_visible(".cb-briefing"), "never on screen"
    page.emulate_media(media="null")  # page.pdf would print the screen's styles
    text = pdf_text(page)

    today = dt.date.today()
    assert f"Primary · Jurassic Maths Hub · {count_text(len(chosen))}" in text
    assert f"Printed on {today.day} {today:%B} {today.year}" in text
    squeezed = text.replace(" ", "")
    at = -1
    for entry in chosen:  # in the view's order, newest first
        found = text.find(words(entry["title"]))
        assert found > at, entry["title"]
        at = found
        assert words(entry["summary"]) in text
        assert (bundled_site.url + entry["url"]).replace(" ", "") in squeezed, "the full address"
    assert "Trust" in text and "Maths Hubs" in text
    assert "Jurassic Maths Hub" in text.split("Printed on", 1)[1], "facts give names, not ids"
    for chrome in ("Skip to content", "Search case studies", "Sort by", "Download this list", "Copy link",
                   "Print a briefing", "Follow new case studies", "Clear all filters", "Made with"):
        assert chrome not in text, chrome


def test_the_title_line_says_what_was_chosen(page: Any, bundled_site: ServedSite) -> None:
    everything = case_studies(bundled_site)
    open_finder(page, bundled_site)
    page.click(".cb-finder__print")
    expect(page.locator(".cb-briefing__title")).to_have_text(f"All case studies · {count_text(len(everything))}")
    assert page.locator(".cb-briefing__item").count() == len(everything)

    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bcb-briefing-printing\b"))
    page.emulate_media(media="print")
    assert not page.is_visible(".cb-briefing"), "once printed, the page prints as itself again"
    assert page.is_visible(".cb-finder__results")
    page.emulate_media(media="null")

    open_finder(page, bundled_site, "?q=trust&hub=jurassic&hub=mobius")
    page.click(".cb-finder__print")
    expect(page.locator(".cb-briefing__title")).to_have_text(
        re.compile(r"^“trust” · Jurassic Maths Hub or Mobius Maths Hub · \d+ case stud(y|ies)$"))
    shown = page.text_content(".cb-finder__count [role=status]")
    assert page.text_content(".cb-briefing__title").endswith(shown.split(" of ")[0])  # type: ignore[union-attr]
    page.click(".cb-finder__print")  # again, without printing in between: one briefing, not two
    expect(page.locator("[data-briefing]")).to_have_count(1)
    assert page.evaluate("window.printCalls") == 2


def test_a_briefing_is_text_not_markup(page: Any, bundled_site: ServedSite) -> None:
    open_finder(page, bundled_site, "?q=%3Cimg%20src%3Dx%3E")
    page.click(".cb-finder__print")
    expect(page.locator(".cb-briefing__title")).to_have_text(re.compile("^“<img src=x>” · "))
    assert page.locator(".cb-briefing img").count() == 0


def test_after_instant_navigation_back_the_briefing_still_prints(page: Any, bundled_site: ServedSite) -> None:
    open_finder(page, bundled_site, "?phase=secondary")
    to_a_case_study_and_back(page, ".cb-finder__print:not([hidden])")
    page.evaluate(STUB_PRINT)
    press_print_by_keyboard(page)
    expect(page.locator(".cb-briefing__title")).to_have_text(re.compile(r"^Secondary · \d+ case stud(y|ies)$"))
    assert page.evaluate("window.printCalls") == 1
    titles = page.locator(".cb-finder__results .cb-card__title a").all_text_contents()
    assert page.locator(".cb-briefing__heading").all_text_contents()[: len(titles)] == titles


def test_the_help_says_what_follow_and_print_do(page: Any, bundled_site: ServedSite) -> None:
    open_finder(page, bundled_site)
    page.focus(".cb-finder__help summary")
    page.keyboard.press("Enter")
    expect(page.locator(".cb-finder__help p")).to_be_visible()
    assert "narrowest feed" in page.text_content(".cb-finder__help p")  # type: ignore[operator]
