"""The finder's "Follow this view" (lib/feeds.mjs in components/finder/): the
narrowest Atom feed that has every case study the view could show, in a real
browser against a built site."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import ServedSite, serve_library, tab_to, to_a_case_study_and_back
from playwright.sync_api import expect

# Jurassic has 3, Mobius 2, Solent 1; Primary 4, Secondary 2.
LIBRARY = {
    "rekenrek-mornings": dict(title="Rekenrek mornings", date="2025-05-01", hubs="[jurassic]", phases="[primary]",
                              body="Pupils used a rekenrek every morning.\n"),
    "fractions-walls": dict(title="Fraction walls in Year 4", date="2025-04-01", hubs="[jurassic]", phases="[primary]"),
    "two-hubs-ratio": dict(title="Ratio across two hubs", date="2025-03-01", hubs="[jurassic, mobius]", phases="[secondary]"),
    "solent-all-through": dict(title="An all-through school in Solent", date="2025-02-01", hubs="[solent]",
                               phases="[primary, secondary]"),
    "mobius-counting": dict(title="Counting in Mobius", date="2025-01-01", hubs="[mobius]", phases="[primary]"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    served = serve_library(tmp_path_factory, "follow", LIBRARY)
    yield served
    served.close()


def open_finder(page: Any, site: ServedSite, query: str = "") -> None:
    page.goto(site.url + "case-studies/" + query)
    page.wait_for_selector(".cb-finder__form:not([hidden])")
    page.wait_for_load_state("networkidle")


def choose(page: Any, facet: str, value: str, checked: bool = True) -> None:
    """Tick or untick an option, opening its facet (hubs start folded) first."""
    group = page.locator(f'.cb-facet[data-facet="{facet}"]')
    if group.get_attribute("open") is None:
        group.locator("summary").click()
    page.set_checked(f"#cb-{facet}-{value}", checked)


def follow(page: Any) -> tuple[str, str]:
    """The Follow link's href and the whole sentence around it."""
    link = page.locator(".cb-finder__feed")
    assert link.get_attribute("rel") == "alternate" and link.get_attribute("type") == "application/atom+xml"
    return link.get_attribute("href"), " ".join(page.text_content(".cb-finder__follow").split())


def test_without_javascript_the_finder_links_the_site_feed(site: ServedSite) -> None:
    built = (site.site / "case-studies" / "index.html").read_text(encoding="utf-8")
    assert ('<a class="cb-finder__feed" rel="alternate" type="application/atom+xml" href="../feed.xml">'
            "Follow new case studies (Atom feed)</a>") in built
    assert re.search(r'<button type="button" class="cb-finder__print" hidden>', built)
    assert re.search(r'<details class="cb-finder__help" hidden>', built)


def test_every_feed_the_script_can_link_is_built(site: ServedSite) -> None:
    """data-feeds gives each facet's folder: <folder>/<id>/feed.xml must be each option's feed (addresses.feed_path)."""
    built = (site.site / "case-studies" / "index.html").read_text(encoding="utf-8")
    feeds = json.loads(html.unescape(re.search(r'data-feeds="([^"]*)"', built).group(1)))  # type: ignore[union-attr]
    assert set(feeds) == {"hub", "phase", "model", "programme"}
    for facet, feed in feeds.items():
        values = re.findall(rf'name="{facet}" value="([^"]+)"', built)
        assert values, facet
        for value in values:
            assert (site.site / feed["folder"] / value / "feed.xml").is_file(), (facet, value)


def test_one_hub_follows_that_hubs_feed(page: Any, site: ServedSite) -> None:
    open_finder(page, site, "?hub=jurassic")
    assert follow(page) == ("../hubs/jurassic/feed.xml", "Follow new case studies from Jurassic Maths Hub (Atom feed)")


def test_one_phase_and_one_hub_follow_the_smaller_feed(page: Any, site: ServedSite) -> None:
    open_finder(page, site, "?phase=primary&hub=jurassic")  # Jurassic 3, Primary 4
    assert follow(page) == ("../hubs/jurassic/feed.xml",
                            "Follow new case studies from Jurassic Maths Hub (Atom feed) The feed has every new case "
                            "study from Jurassic Maths Hub, not only those matching your other filters.")
    choose(page, "phase", "primary", False)
    choose(page, "phase", "secondary")  # Secondary 2
    expect(page.locator(".cb-finder__feed")).to_have_attribute("href", "../phases/secondary/feed.xml")
    assert follow(page)[1].startswith("Follow new case studies in the Secondary phase (Atom feed) ")


def test_two_hubs_are_wider_than_any_one_feed(page: Any, site: ServedSite) -> None:
    open_finder(page, site, "?hub=jurassic&hub=mobius")
    assert follow(page) == ("../feed.xml",
                            "This view is wider than any one feed: follow all new case studies (Atom feed) That feed "
                            "has every new case study, not only those matching your other filters.")


def test_a_search_alone_follows_the_site_feed_and_says_so(page: Any, site: ServedSite) -> None:
    open_finder(page, site, "?q=rekenrek")
    assert follow(page) == ("../feed.xml",
                            "This view is wider than any one feed: follow all new case studies (Atom feed) That feed "
                            "has every new case study, not only those matching your search.")
    choose(page, "hub", "jurassic")
    expect(page.locator(".cb-finder__feed")).to_have_attribute("href", "../hubs/jurassic/feed.xml")
    assert follow(page)[1].endswith("The feed has every new case study from Jurassic Maths Hub, not only those "
                                    "matching your search.")


def test_the_follow_link_by_keyboard(page: Any, site: ServedSite) -> None:
    open_finder(page, site, "?hub=solent")
    page.focus(".cb-finder__download")
    tab_to(page, ".cb-finder__feed", 4)  # past Copy link and Print a briefing
    assert page.evaluate("document.activeElement.textContent") == "Follow new case studies from Solent Maths Hub (Atom feed)"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))  # asked for beside the feed
    with page.expect_response(lambda response: response.url.endswith("/hubs/solent/feed.xml")) as response:
        page.keyboard.press("Enter")
    assert response.value.status == 200
    assert "<title>" in response.value.text() and "Solent Maths Hub" in response.value.text()


def test_after_instant_navigation_back_the_follow_link_still_follows(page: Any, site: ServedSite) -> None:
    open_finder(page, site, "?hub=mobius")
    to_a_case_study_and_back(page, ".cb-finder__form:not([hidden])")
    expect(page.locator(".cb-finder__feed")).to_have_attribute("href", "../hubs/mobius/feed.xml")
    choose(page, "hub", "solent")
    expect(page.locator(".cb-finder__feed")).to_have_attribute("href", "../feed.xml")
    choose(page, "hub", "mobius", False)
    expect(page.locator(".cb-finder__feed")).to_have_text("Follow new case studies from Solent Maths Hub (Atom feed)")
