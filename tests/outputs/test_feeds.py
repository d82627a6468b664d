"""Atom feeds, parsed as XML: /feed.xml and /hubs/<id>/feed.xml (issue 8), and
/phases/<id>/feed.xml, /partnership-models/<id>/feed.xml, /programmes/<id>/feed.xml
(issue 20), from the index and from a real build."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import case_study_text, make_project, run_build, write
from conftest import VOCABULARIES, study

from macros.outputs.feeds import FEED_LENGTH, feed_path, render_feed, site_feeds
from macros.content.index import build_index
from macros.content.model import FACET_OF_VOCABULARY, LISTED_VOCABULARIES, Trust, Vocabularies
from macros.site.render import render_listing_intro

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://casebook.example/maths/"


def parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>')
    return ET.fromstring(text.encode("utf-8"))


def feeds_for(*studies: object, vocabularies: Vocabularies = VOCABULARIES) -> dict[str, ET.Element]:
    index = build_index(studies, vocabularies)  # type: ignore[arg-type]
    return {
        feed.path: parse(render_feed(feed, vocabularies, SITE, "The editors", dt.date(2020, 1, 1)))
        for feed in site_feeds(index, "Casebook")
    }


def entry_ids(feed: ET.Element) -> list[str | None]:
    return [entry.findtext(f"{ATOM}id") for entry in feed.findall(f"{ATOM}entry")]


def links(feed: ET.Element) -> dict[str | None, str | None]:
    return {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}


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
    assert len(feeds) == 1 + sum(len(VOCABULARIES[key]) for key in LISTED_VOCABULARIES)
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


# --- phases, partnership models and programmes (issue 20) ---------------------------------


def test_the_feed_path_is_the_listing_folder_plus_feed_xml() -> None:
    assert feed_path("hubs", "jurassic") == "hubs/jurassic/feed.xml"
    assert feed_path("phases", "primary") == "phases/primary/feed.xml"
    assert feed_path("partnership_models", "hub-work-groups") == "partnership-models/hub-work-groups/feed.xml"
    assert feed_path("programmes", "sktm") == "programmes/sktm/feed.xml"
    with pytest.raises(KeyError):  # types have no listing pages, so no feeds
        feed_path("types", "research")


# (vocabulary, facet attribute, an entry, another entry of the same vocabulary, what the title says)
KINDS = [
    ("phases", "phases", "secondary", "primary", "new case studies in the Secondary phase"),
    ("partnership_models", "partnership_models", "hub-led-trust-groups", "hub-work-groups",
     "new case studies of the partnership model \u201cHub leaders run groups of trust schools\u201d"),
    ("programmes", "programmes", "sktm", "mastering-number",
     "new case studies on Specialist Knowledge for Teaching Mathematics (SKTM)"),
]


@pytest.mark.parametrize(("key", "attribute", "mine", "other", "title"), KINDS)
def test_each_phase_model_and_programme_has_a_feed_of_its_own_case_studies_newest_first(
    key: str, attribute: str, mine: str, other: str, title: str
) -> None:
    feeds = feeds_for(
        study("old", "2024-02-01", **{attribute: (mine,)}),
        study("new", "2025-02-01", **{attribute: (other, mine)}),
        study("elsewhere", "2025-03-01", **{attribute: (other,)}),
        study("hidden", "2025-04-01", draft=True, **{attribute: (mine,)}),
    )
    for entry in VOCABULARIES[key]:  # every entry has one, with or without case studies
        assert feed_path(key, entry.id) in feeds
    folder = LISTED_VOCABULARIES[key]
    feed = feeds[f"{folder}/{mine}/feed.xml"]
    assert feed.findtext(f"{ATOM}title") == f"Casebook: {title}"
    assert feed.findtext(f"{ATOM}id") == f"{SITE}{folder}/{mine}/feed.xml"
    assert links(feed) == {"self": f"{SITE}{folder}/{mine}/feed.xml", "alternate": f"{SITE}{folder}/{mine}/"}
    assert entry_ids(feed) == [SITE + "case-studies/new/", SITE + "case-studies/old/"]
    assert feed.findtext(f"{ATOM}updated") == "2025-02-01T00:00:00Z"
    newest = feed.findall(f"{ATOM}entry")[0]  # its categories name both of its entries, as in the site's feed
    assert [(c.get("term"), c.get("label")) for c in newest.findall(f"{ATOM}category") if c.get("scheme") == f"{SITE}{folder}/"] == [
        (other, VOCABULARIES[key].name(other)), (mine, VOCABULARIES[key].name(mine))
    ]


@pytest.mark.parametrize("key", ["phases", "partnership_models", "programmes"])
def test_an_entry_with_no_case_studies_has_an_empty_valid_feed(key: str) -> None:
    feeds = feeds_for(study("a", "2025-01-01"))
    unused = [e.id for e in VOCABULARIES[key] if not feeds[feed_path(key, e.id)].findall(f"{ATOM}entry")]
    assert unused  # the one case study is primary, at jurassic, in no model or programme
    empty = feeds[feed_path(key, unused[0])]
    assert empty.findtext(f"{ATOM}updated") == "2020-01-01T00:00:00Z"
    assert links(empty)["alternate"] == f"{SITE}{LISTED_VOCABULARIES[key]}/{unused[0]}/"


@pytest.mark.parametrize(("key", "attribute", "mine", "other", "title"), KINDS)
def test_an_entry_feed_holds_its_newest_twenty(key: str, attribute: str, mine: str, other: str, title: str) -> None:
    feeds = feeds_for(*(study(f"s{n:02}", f"2024-01-{n:02}", **{attribute: (mine,)}) for n in range(1, 26)))
    ids = entry_ids(feeds[feed_path(key, mine)])
    assert ids == [f"{SITE}case-studies/s{n:02}/" for n in range(25, 25 - FEED_LENGTH, -1)]


HOSTILE_NAME = "</title><script>alert(1)</script> & \"q\" 'a' ]]> <![CDATA[ {{ config }}"


def with_name(vocabularies: Vocabularies, key: str, entry_id: str, name: str) -> Vocabularies:
    vocabulary = vocabularies[key]
    entries = tuple(dataclasses.replace(e, name=name) if e.id == entry_id else e for e in vocabulary)
    return dataclasses.replace(vocabularies, **{key: dataclasses.replace(vocabulary, entries=entries)})


@pytest.mark.parametrize(("key", "attribute", "entry_id"), [
    ("hubs", "hubs", "mobius"), ("phases", "phases", "secondary"),
    ("partnership_models", "partnership_models", "hub-work-groups"), ("programmes", "programmes", "sktm"),
])
def test_a_hostile_vocabulary_name_cannot_break_the_xml_or_the_page(key: str, attribute: str, entry_id: str) -> None:
    # Names come from data/*.yml, which a pull request can change as easily as a case study.
    vocabularies = with_name(VOCABULARIES, key, entry_id, HOSTILE_NAME + "\x0b\x00")
    feeds = feeds_for(study("x", **{attribute: (entry_id,)}), vocabularies=vocabularies)  # parsed, so well formed
    feed = feeds[feed_path(key, entry_id)]
    assert HOSTILE_NAME in (feed.findtext(f"{ATOM}title") or "")  # the name as written, less what XML cannot hold
    assert HOSTILE_NAME in (feed.findtext(f"{ATOM}subtitle") or "")
    labels = [c.get("label") for c in feeds["feed.xml"].findall(f"{ATOM}entry/{ATOM}category") if c.get("term") == entry_id]
    assert labels == [HOSTILE_NAME]
    vocabulary = vocabularies[key]
    html = render_listing_intro(vocabulary, vocabulary.get(entry_id), 1, "../../")  # type: ignore[arg-type]
    assert "<script>" not in html and "</title>" not in html
    assert f'href="../../{LISTED_VOCABULARIES[key]}/{entry_id}/feed.xml">Follow new case studies ' in html


# --- a real build -------------------------------------------------------------------------

BUILT_SITE = "https://casebook.example/maths/"  # SITE_URL for the build: every link must start with it
HOSTILE_PROGRAMME = "SKTM </title><script>alert(1)</script> & \"q\" ]]>"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("feeds") / "project")
    programmes = project / "data" / "programmes.yml"
    text = programmes.read_text(encoding="utf-8")
    assert "name: Specialist Knowledge for Teaching Mathematics (SKTM)\n" in text
    programmes.write_text(
        text.replace("name: Specialist Knowledge for Teaching Mathematics (SKTM)\n", f"name: {json.dumps(HOSTILE_PROGRAMME)}\n"),
        encoding="utf-8",
    )
    for n in range(1, 23):  # more than a feed holds, all primary and Mastering Number
        write(project, f"p{n:02}.md", case_study_text(
            title=f"Primary story number {n}", date=f"2024-01-{n:02}", programmes="[mastering-number]",
        ))
    write(project, "model-a.md", case_study_text(
        title="Model A trust story", type="trust-model", date="2025-02-01", phases="[secondary]",
        partnership_models="[hub-led-trust-groups]", programmes="[sktm]",
    ))
    write(project, "model-b.md", case_study_text(
        title="Model B trust story", type="trust-model", date="2025-03-01", phases="[secondary, post-16]",
        partnership_models="[hub-led-trust-groups, trust-led-trust-groups]",
    ))
    write(project, "secret.md", case_study_text(
        title="Secret draft story", type="trust-model", date="2999-01-01", draft="true", phases="[early-years]",
        partnership_models="[hub-work-groups]", programmes="[sktm]",
    ))
    result = run_build(project, "--strict", env={"SITE_URL": BUILT_SITE})
    assert result.returncode == 0, result.stderr
    return project / "site"


def built_feed(site: Path, path: str) -> ET.Element:
    return parse((site / path).read_text(encoding="utf-8"))


def slugs(feed: ET.Element) -> list[str]:
    return [str(url).removeprefix(BUILT_SITE + "case-studies/").rstrip("/") for url in entry_ids(feed)]


def test_a_build_writes_every_entry_feed_beside_its_listing_page_which_links_it(built: Path) -> None:
    for key, folder in LISTED_VOCABULARIES.items():
        for entry in VOCABULARIES[key]:
            listing = built / folder / entry.id / "index.html"
            feed = built_feed(built, feed_path(key, entry.id))  # beside the page, and valid
            assert (built / feed_path(key, entry.id)).parent == listing.parent
            assert links(feed) == {
                "self": f"{BUILT_SITE}{folder}/{entry.id}/feed.xml", "alternate": f"{BUILT_SITE}{folder}/{entry.id}/",
            }
            html = listing.read_text(encoding="utf-8")
            assert (
                f'<p class="cb-listing__feed"><a rel="alternate" type="application/atom+xml" '
                f'href="../../{folder}/{entry.id}/feed.xml">Follow new case studies '
            ) in html, listing
            assert html.count('<link rel="alternate"') == 1  # only the site's feed in the head (see plugin.py)


def test_built_feeds_hold_only_their_entry_newest_first_without_drafts(built: Path) -> None:
    secondary = built_feed(built, "phases/secondary/feed.xml")
    assert slugs(secondary) == ["model-b", "model-a"]
    assert secondary.findtext(f"{ATOM}title") == "Maths Hubs partnership casebook: new case studies in the Secondary phase"
    assert secondary.findtext(f"{ATOM}updated") == "2025-03-01T00:00:00Z"
    assert slugs(built_feed(built, "phases/post-16/feed.xml")) == ["model-b"]
    assert slugs(built_feed(built, "phases/early-years/feed.xml")) == []  # only a draft
    model = built_feed(built, "partnership-models/hub-led-trust-groups/feed.xml")
    assert slugs(model) == ["model-b", "model-a"]
    assert model.findtext(f"{ATOM}title") == (
        "Maths Hubs partnership casebook: new case studies of the partnership model \u201cHub leaders run groups of trust schools\u201d"
    )
    assert slugs(built_feed(built, "partnership-models/trust-led-trust-groups/feed.xml")) == ["model-b"]
    assert slugs(built_feed(built, "partnership-models/hub-work-groups/feed.xml")) == []
    number = built_feed(built, "programmes/mastering-number/feed.xml")
    assert slugs(number) == [f"p{n:02}" for n in range(22, 22 - FEED_LENGTH, -1)]
    assert number.findtext(f"{ATOM}title") == "Maths Hubs partnership casebook: new case studies on Mastering Number"
    assert len(slugs(built_feed(built, "phases/primary/feed.xml"))) == FEED_LENGTH
    for element in number.iter():  # every link in a feed is absolute
        if element.tag == f"{ATOM}link":
            assert str(element.get("href")).startswith(BUILT_SITE)


def test_a_hostile_programme_name_in_data_is_text_in_the_built_feed_and_page(built: Path) -> None:
    sktm = built_feed(built, "programmes/sktm/feed.xml")  # parsing it proves it is well formed
    assert slugs(sktm) == ["model-a"]
    assert sktm.findtext(f"{ATOM}title") == f"Maths Hubs partnership casebook: new case studies on {HOSTILE_PROGRAMME}"
    labels = [c.get("label") for c in sktm.findall(f"{ATOM}entry/{ATOM}category") if c.get("term") == "sktm"]
    assert labels == [HOSTILE_PROGRAMME]
    html = (built / "programmes" / "sktm" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert (
        'href="../../programmes/sktm/feed.xml">Follow new case studies on SKTM &lt;/title&gt;&lt;script&gt;alert(1)'
        "&lt;/script&gt; &amp; &quot;q&quot; ]]&gt; (Atom feed)</a></p>"
    ) in html
