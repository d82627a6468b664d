"""HTML renderers: relative links, escaping, wording."""

from __future__ import annotations

import datetime as dt
import html
import re

from conftest import VOCABULARIES, study

from macros.content.index import build_index
from macros.content.model import Person, School, Source, Trust
from macros.site.render import (
    format_date, render_card, render_cards, render_case_study_header, render_facts, render_listing_intro, render_model_grid,
    render_vocabulary_index, root_for,
)


def test_root_for_page_urls() -> None:
    assert root_for("") == ""
    assert root_for("case-studies/") == "../"
    assert root_for("hubs/jurassic/") == "../../"


def test_dates_are_written_the_british_way() -> None:
    assert format_date(dt.date(2025, 11, 28)) == "28 November 2025"
    assert format_date("2015-03") == "March 2015"
    assert format_date("2015") == "2015"


def test_a_card_escapes_every_value() -> None:
    hostile = study("x", title='A & B "quoted" <5', summary="{{ 7*7 }} & <i>", school=School(name="St Mary's & <All>"))
    html = render_card(hostile, VOCABULARIES, "../../")
    assert '<a href="../../case-studies/x/">A &amp; B &quot;quoted&quot; &lt;5</a>' in html
    assert "{{ 7*7 }} &amp; &lt;i&gt;" in html
    assert "St Mary&#x27;s &amp; &lt;All&gt;" in html
    assert "<i>" not in html


def test_empty_lists_say_so_and_point_to_contributing() -> None:
    html = render_cards([], VOCABULARIES, "../")
    assert "There are no case studies here yet." in html
    assert '<a href="../contribute/">' in html


def test_facts_box_with_every_field() -> None:
    full = study(
        "full",
        trust=Trust(name="Beta Trust", schools=1, counties=("Kent",)),
        school=School(name="Gamma School", location="Ashford", age_range="11-18", pupils=1400, fsm_percent=39.0, setting="comprehensive"),
        people=(Person("Ann Lee", "Head of maths"), Person("Bo Chan")),
        source=Source(title="Annual report", publisher="NCETM", date="2025-10", url="https://example.org/r?a=1&b=2"),
        partnership_models=("hub-work-groups",),
        programmes=("sktm", "mastering-number"),
    )
    html = render_facts(full, VOCABULARIES, "../../")
    assert "Beta Trust<br><span class=\"cb-facts__detail\">1 school · Kent</span>" in html
    assert "Gamma School, Ashford<br><span class=\"cb-facts__detail\">ages 11–18 · 1,400 pupils · 39% eligible for free school meals · comprehensive</span>" in html
    assert "<li>Ann Lee, Head of maths</li><li>Bo Chan</li>" in html
    assert '<a href="https://example.org/r?a=1&amp;b=2" data-print-url="https://example.org/r?a=1&amp;b=2">Annual report</a>, NCETM, October 2025' in html
    assert "<dt>Partnership model</dt>" in html and "<dt>Programmes</dt>" in html


def test_facts_box_leaves_out_what_is_not_given() -> None:
    html = render_facts(study("bare"), VOCABULARIES, "")
    for label in ("Trust", "School", "People", "Source", "Programme"):
        assert f"<dt>{label}" not in html
    assert "<dt>Reading time</dt> <dd>1 minute</dd>" in html


def test_listing_links_to_the_finder_filtered_to_this_entry() -> None:
    html = render_listing_intro(VOCABULARIES.hubs, VOCABULARIES.hubs.get("jurassic"), 1, "../../")  # type: ignore[arg-type]
    assert '<a href="../../case-studies/?hub=jurassic">' in html
    assert '<h2 id="case-studies">1 case study</h2>' in html


def test_model_grid_places_each_model_by_its_axes() -> None:
    index = build_index([study("a", partnership_models=("trust-leaders-lead-for-hub",))], VOCABULARIES)
    html = render_model_grid(index, "../")
    rows = html.split("<tr>")[2:]
    assert "Expertise from outside the trust" in rows[0] and "hub-led-trust-groups/" in rows[0].split("</td>")[0]
    assert "Expertise from within the trust" in rows[1]
    assert "trust-leaders-lead-for-hub/" in rows[1].split("</td>")[1] and "1 case study" in rows[1].split("</td>")[1]


def test_cards_rendered_once_are_the_same_as_cards_rendered_each_time() -> None:
    from macros.site.render import Cards

    cards = Cards(VOCABULARIES)
    one = study("x", title="A & B", school=School(name="St Mary's"))
    for root in ("../../", "../", ""):
        assert cards.card(one, root) == render_card(one, VOCABULARIES, root)
        assert cards.card(one, root, 2) == render_card(one, VOCABULARIES, root, 2)


def test_facts_box_says_published_when_the_date_is_the_originals() -> None:
    # The source states the day and `date` is that day: the date is when the original was published.
    original = study("original", "2025-11-28", source=Source(title="Find Out in Five", date=dt.date(2025, 11, 28)))
    html = render_facts(original, VOCABULARIES, "")
    assert '<dt>Published</dt> <dd><time datetime="2025-11-28">28 November 2025</time></dd>' in html
    assert "Added to the casebook" not in html


def test_facts_box_says_added_to_the_casebook_otherwise() -> None:
    # No source, a source with no day (only a month or a year), or a source day that is not `date`:
    # the date is the day the casebook first published the story, and the box says so.
    for source in (
        None,
        Source(title="Annual report", publisher="NCETM"),
        Source(title="Annual report", date="2026-02"),
        Source(title="Blog", date="2015"),
        Source(title="Interview", date=dt.date(2025, 11, 28)),
    ):
        added = study("added", "2026-11-23", source=source)
        html = render_facts(added, VOCABULARIES, "")
        assert '<dt>Added to the casebook</dt> <dd><time datetime="2026-11-23">23 November 2026</time></dd>' in html
        assert "<dt>Published</dt>" not in html


def test_cards_show_the_date_without_saying_what_it_is() -> None:
    # The facts box explains the date; a card shows the day alone, which is true either way.
    html = render_card(study("x", "2026-11-23"), VOCABULARIES, "")
    assert '<time datetime="2026-11-23">23 November 2026</time>' in html
    assert "Published" not in html and "Added to the casebook" not in html


def test_hubs_with_no_region_are_grouped_in_words_for_readers() -> None:
    html = render_vocabulary_index(VOCABULARIES["hubs"], build_index([study("a")], VOCABULARIES), "../")
    assert "<h2>Hubs whose region the sources do not give</h2>" in html
    assert "not recorded" not in html
    assert html.rindex("<h2>") == html.index("<h2>Hubs whose region")  # after every named region


def test_a_generated_pages_title_is_the_skip_links_target() -> None:
    # "Skip to content" leads to #cb-title (macros/plugin.py), and tabindex="-1" lets it take focus there.
    header = render_case_study_header(study("x", title="A <b> title"))
    assert header.startswith('<h1 id="cb-title" class="cb-study__title" tabindex="-1">A &lt;b&gt; title</h1>')
    jurassic = VOCABULARIES["hubs"].get("jurassic")
    assert jurassic is not None
    intro = render_listing_intro(VOCABULARIES["hubs"], jurassic, 0, "../../")
    assert intro.startswith('<h1 id="cb-title" tabindex="-1">')


def test_the_home_pages_entry_points_follow_the_finders_order_and_names() -> None:
    """A reader who meets the hubs on the home page finds them in the same order, with the same names, in the finder."""
    from conftest import ROOT

    from macros.site.finder import facet_options
    from macros.content.index import build_index
    from macros.content.library import load_library
    from macros.site.render import render_entry_chips

    library = load_library(ROOT)
    assert library.vocabularies is not None
    index = build_index(library.case_studies, library.vocabularies)
    options = {facet: names for facet, _, names in facet_options(library.vocabularies)}
    for key, facet in (("hubs", "hub"), ("partnership_models", "model"), ("programmes", "programme")):
        chips = render_entry_chips(library.vocabularies[key], index, "")
        names = re.findall(r'<a href="[^"]+">(.*?) <span', chips)
        assert names == [html.escape(name) for _, name in options[facet]], key
    assert 'entry_chips("partnership_models", short=True)' not in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
