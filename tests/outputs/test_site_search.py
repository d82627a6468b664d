"""What the site search finds: case studies first, in the finder's order, then
listings and hand-written pages."""

from __future__ import annotations

from conftest import VOCABULARIES, study

from macros.content.index import build_index
from macros.content.model import Person, School, Trust
from macros.site.pages import plan_pages
from macros.outputs.search_index import words
from macros.outputs.site_search import case_study_documents, search_documents


def test_case_studies_come_first_in_the_finders_order() -> None:
    index = build_index([study("old", "2020-01-01"), study("new", "2025-01-01")], VOCABULARIES)
    documents = case_study_documents(index)
    assert [document.url for document in documents] == ["case-studies/new/", "case-studies/old/"]


def test_a_case_study_is_found_by_its_names_as_well_as_its_words() -> None:
    case_study = study(
        "x", title="Number sense", summary="A summary of the work.", body="Pupils used rekenreks.",
        hubs=("great-north",), programmes=("mastering-number",), trust=Trust(name="Wessex Learning Trust"),
        school=School(name="Élan Primary", location="Dorchester"), people=(Person(name="Priya Shah", role="Maths lead"),),
    )
    [document] = case_study_documents(build_index([case_study], VOCABULARIES))
    assert (document.title, document.summary) == ("Number sense", "A summary of the work.")
    assert {"great", "north", "mastering", "wessex", "elan", "dorchester", "priya", "shah"} <= words(document.facts)
    assert words(document.text) == {"pupils", "used", "rekenreks"}


def test_a_case_studys_body_is_searched_as_plain_text() -> None:
    case_study = study("x", body="## What **changed**\n\nSee [the report](https://example.org/report).\n")
    [document] = case_study_documents(build_index([case_study], VOCABULARIES))
    assert " ".join(document.text.split()) == "What changed See the report ."


def test_listings_and_hand_written_pages_follow() -> None:
    index = build_index([study("a")], VOCABULARIES)
    pages = list(plan_pages(index, lambda: None))  # type: ignore[arg-type, return-value]
    long_page = "word " * 100
    listings = [(page.url, page.title, page.description) for page in pages if page.case_study is None]
    documents = search_documents(
        case_study_documents(index), listings,
        [("about/", "About", "What this is.", "# About\n\nText."), ("guide/", "Guide", "", long_page)],
    )
    urls = [document.url for document in documents]
    assert urls[0] == "case-studies/a/" and urls.count("case-studies/a/") == 1
    assert "hubs/jurassic/" in urls and "case-studies/" in urls
    assert urls[-2:] == ["about/", "guide/"]
    assert documents[-2].summary == "What this is."
    # With no description, a page's summary is the start of its text.
    assert documents[-1].summary.endswith("…") and len(documents[-1].summary) <= 201
