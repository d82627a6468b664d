"""Atom feeds: /feed.xml and /hubs/<id>/feed.xml (issue 8), parsed as XML."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from test_index import VOCABULARIES, study

from macros.feeds import FEED_LENGTH, render_feed, site_feeds
from macros.index import build_index
from macros.model import Trust

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://casebook.example/maths/"


def parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>')
    return ET.fromstring(text.encode("utf-8"))


def feeds_for(*studies: object) -> dict[str, ET.Element]:
    index = build_index(studies, VOCABULARIES)  # type: ignore[arg-type]
    return {
        feed.path: parse(render_feed(feed, VOCABULARIES, SITE, "The editors", dt.date(2020, 1, 1)))
        for feed in site_feeds(index, "Casebook")
    }


def test_the_site_feed_is_valid_atom_with_absolute_ids_links_and_front_matter_dates() -> None:
    feeds = feeds_for(
        study("newer", "2025-05-02", hubs=("mobius",), summary="Ratio & proportion <5% to >40%"),
        study("older", "2024-01-31", hubs=("jurassic",)),
        study("hidden", "2025-06-01", draft=True),
    )
    feed = feeds["feed.xml"]
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == SITE + "feed.xml"
    assert feed.findtext(f"{ATOM}updated") == "2025-05-02T00:00:00Z"
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "The editors"  # type: ignore[union-attr]
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": SITE + "feed.xml", "alternate": SITE + "case-studies/"}
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}id") for entry in entries] == [
        SITE + "case-studies/newer/", SITE + "case-studies/older/"
    ]
    newer = entries[0]
    assert newer.findtext(f"{ATOM}published") == newer.findtext(f"{ATOM}updated") == "2025-05-02T00:00:00Z"
    assert newer.find(f"{ATOM}link").get("href") == SITE + "case-studies/newer/"  # type: ignore[union-attr]
    assert newer.findtext(f"{ATOM}summary") == "Ratio & proportion <5% to >40%"
    hub = [c for c in newer.findall(f"{ATOM}category") if c.get("scheme") == SITE + "hubs/"]
    assert [(c.get("term"), c.get("label")) for c in hub] == [("mobius", VOCABULARIES.hubs.name("mobius"))]
    for element in feed.iter():  # every date in the feed is RFC 3339
        if element.tag in {f"{ATOM}updated", f"{ATOM}published"}:
            dt.datetime.fromisoformat(element.text.replace("Z", "+00:00"))  # type: ignore[union-attr]


def test_each_hub_has_a_feed_of_its_own_case_studies_and_an_empty_one_is_still_valid() -> None:
    feeds = feeds_for(study("a", "2025-01-01", hubs=("jurassic", "mobius")), study("b", "2024-01-01", hubs=("mobius",)))
    assert len(feeds) == 1 + len(VOCABULARIES.hubs)
    mobius = feeds["hubs/mobius/feed.xml"]
    assert mobius.findtext(f"{ATOM}id") == SITE + "hubs/mobius/feed.xml"
    assert [e.findtext(f"{ATOM}id") for e in mobius.findall(f"{ATOM}entry")] == [
        SITE + "case-studies/a/", SITE + "case-studies/b/"
    ]
    empty = feeds["hubs/angles/feed.xml"]
    assert empty.findall(f"{ATOM}entry") == []
    assert empty.findtext(f"{ATOM}updated") == "2020-01-01T00:00:00Z"  # the fallback: the site's newest


def test_feeds_hold_the_newest_only() -> None:
    feeds = feeds_for(*(study(f"s{n:02}", f"2024-01-{n:02}") for n in range(1, 29)))
    ids = [e.findtext(f"{ATOM}id") for e in feeds["feed.xml"].findall(f"{ATOM}entry")]
    assert len(ids) == FEED_LENGTH and ids[0] == SITE + "case-studies/s28/"


def test_hostile_text_cannot_break_the_xml() -> None:
    feeds = feeds_for(
        study("x", title="</title><script>alert(1)</script> & \x0b]]>", summary="<![CDATA[ x ]]> \"q\" 'a'",
              trust=Trust(name="T")),
    )
    entry = feeds["feed.xml"].find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}title") == "</title><script>alert(1)</script> & ]]>"
    assert entry.findtext(f"{ATOM}summary") == "<![CDATA[ x ]]> \"q\" 'a'"
