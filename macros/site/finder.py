"""The finder at /case-studies/: every case study as a card, and the filter form.

Everything is rendered at build time, so without JavaScript the page lists
every case study. The form is rendered ``hidden``; the finder's script reveals
it, reads the cards' ``data-*`` attributes and filters them in place. Facet
names follow the contract's query string (phase, hub, model, programme, type),
plus ``region`` (from the hubs' regions) and ``sort``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from macros.content.checks import slugify
from macros.content.addresses import CSV_PATH, JSON_PATH, SITE_FEED_PATH
from macros.content.index import CaseStudyIndex
from macros.content.model import FACET_OF_VOCABULARY, LISTED_BY_NAME, LISTED_VOCABULARIES, CaseStudy, Vocabularies
from macros.site.render import e, render_card
from macros.content.wording import plural
from macros.outputs.feeds import FEED_SUBJECTS
from macros.outputs.search_index import SearchFiles
from macros.content.vocabularies import REGIONS

SORTS = (("relevance", "Best match"), ("newest", "Newest first"), ("oldest", "Oldest first"), ("title", "Title A to Z"))
OPEN_FACETS = {"phase", "model", "type"}


def region_ids(case_study: CaseStudy, vocabularies: Vocabularies) -> tuple[str, ...]:
    """The regions of a case study's hubs, as ids ("south-west"), for the region facet."""
    regions = set()
    for hub in case_study.hubs:
        entry = vocabularies.hubs.get(hub)
        if entry is not None and entry.get("region"):
            regions.add(entry.get("region"))
    return tuple(slugify(region) for region in REGIONS if region in regions)


def facet_options(vocabularies: Vocabularies) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(facet, label, [(id, name)]) in the order the form shows them."""
    def options(key: str) -> list[tuple[str, str]]:
        pairs = [(entry.id, entry.name) for entry in vocabularies[key]]
        return sorted(pairs, key=lambda pair: pair[1].lower()) if key in LISTED_BY_NAME else pairs

    used_regions = {entry.get("region") for entry in vocabularies.hubs}
    return [
        ("phase", "Phase", options("phases")),
        ("hub", "Maths Hub", options("hubs")),
        ("model", "Partnership model", options("partnership_models")),
        ("programme", "Programme", options("programmes")),
        ("type", "Type of case study", [(entry.id, entry.name) for entry in vocabularies.types]),
        ("region", "Region", [(slugify(region), region) for region in REGIONS if region in used_regions]),
    ]


def card_attributes(case_study: CaseStudy, vocabularies: Vocabularies) -> dict[str, str]:
    """What the finder's script filters on. Every byte here is repeated for every
    case study in the finder page, so only the ids, and only those a card has."""
    attributes = {
        "data-phase": " ".join(case_study.phases),
        "data-hub": " ".join(case_study.hubs),
        "data-model": " ".join(case_study.partnership_models),
        "data-programme": " ".join(case_study.programmes),
        "data-type": case_study.type,
        "data-region": " ".join(region_ids(case_study, vocabularies)),
    }
    return {name: value for name, value in attributes.items() if value}


def render_finder(index: CaseStudyIndex, root: str, search: SearchFiles) -> str:
    vocabularies = index.vocabularies
    counts = _counts(index.case_studies, vocabularies)
    cards = "\n".join(
        render_card(case_study, vocabularies, root, 3, card_attributes(case_study, vocabularies))
        for case_study in index.case_studies
    )
    count = plural(len(index), "case study", "case studies")
    return (
        f'<div class="cb-finder" data-module="cb-finder" data-cb-finder data-index-base="{e(root + search.base)}" '
        f'data-index-keys="{e(" ".join(search.word_keys))}">\n'
        + _form(vocabularies, counts)
        + '\n<div class="cb-finder__main">\n'
        # The count is a live region, which may not sit inside a heading: the heading is for
        # moving by headings, the count beside it is what is announced.
        '<h2 class="cb-visually-hidden">Results</h2>\n'
        f'<p class="cb-finder__count"><span role="status" aria-atomic="true">{e(count)}</span></p>\n'
        + _actions(root)
        +
        '<div class="cb-finder__selected" hidden>\n<h3 class="cb-visually-hidden">Selected filters</h3>\n'
        '<ul class="cb-finder__chips"></ul>\n'
        '<button type="button" class="cb-finder__clear">Clear all filters</button>\n</div>\n'
        '<div class="cb-finder__empty" hidden>\n'
        '<p class="cb-finder__empty-message">No case studies match your search.</p>\n'
        "<p>Check the spelling, try fewer or different words, or remove some filters. "
        "Every case study is also listed by "
        f'<a href="{root}hubs/">Maths Hub</a>, <a href="{root}phases/">phase</a>, '
        f'<a href="{root}partnership-models/">partnership model</a> and <a href="{root}programmes/">programme</a>.</p>\n'
        '<button type="button" class="cb-finder__reset">Clear search and filters</button>\n</div>\n'
        f'<ul class="cb-cards cb-finder__results">\n{cards}\n</ul>\n'
        '<button type="button" class="cb-finder__more" hidden>Show more</button>\n'
        "</div>\n</div>"
    )


def _actions(root: str) -> str:
    """Take the list away. Without JavaScript the CSV is the whole list, which is then what the page shows,
    and the feed is the site's; the script makes the CSV the filtered view, the feed the narrowest that
    has the whole view ("Follow this view", from ``data-feeds``: each facet's listing folder and what its
    feeds follow, as the feeds' titles say it), and shows the buttons that need it."""
    feeds = json.dumps(_feeds(), ensure_ascii=False, separators=(",", ":"))
    return (
        '<div class="cb-finder__actions">\n'
        f'<a class="cb-finder__download" href="{e(root)}{CSV_PATH}" data-json="{e(root)}{JSON_PATH}" download>'
        "Download this list (CSV)</a>\n"
        '<button type="button" class="cb-finder__copy" hidden>Copy link to this view</button>\n'
        '<button type="button" class="cb-finder__print" hidden>Print a briefing</button>\n'
        '<details class="cb-finder__help" hidden><summary>What Follow and Print do</summary>\n'
        "<p><strong>Follow new case studies</strong> links the narrowest feed (of one hub, phase, partnership "
        "model or programme) that has every new case study this list could show, for a feed reader. "
        "<strong>Print a briefing</strong> prints this list with each case study’s facts and address.</p></details>\n"
        f'<span class="cb-finder__follow" data-root="{e(root)}" data-feeds="{e(feeds)}">'
        '<span class="cb-finder__follow-lead"></span>'
        f'<a class="cb-finder__feed" rel="alternate" type="application/atom+xml" href="{e(root)}{SITE_FEED_PATH}">Follow new case studies (Atom feed)</a>'
        '<span class="cb-finder__follow-note"></span></span>\n'
        '<span class="cb-finder__copied" role="status"></span>\n'
        "</div>\n"
    )


def _feeds() -> dict[str, dict[str, str]]:
    """Each facet with feeds: its listing folder and what its feeds follow ("from {name}")."""
    return {
        FACET_OF_VOCABULARY[key]: {"folder": folder, "subject": FEED_SUBJECTS[key]}
        for key, folder in LISTED_VOCABULARIES.items()
    }


def _counts(case_studies: Sequence[CaseStudy], vocabularies: Vocabularies) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for case_study in case_studies:
        values: Iterable[tuple[str, str]] = [
            *((facet, value) for facet in ("phase", "hub", "model", "programme", "type") for value in case_study.facet_ids(facet)),
            *(("region", region) for region in region_ids(case_study, vocabularies)),
        ]
        for key in values:
            counts[key] = counts.get(key, 0) + 1
    return counts


def _form(vocabularies: Vocabularies, counts: dict[tuple[str, str], int]) -> str:
    facets = "\n".join(
        _facet(facet, label, options, counts) for facet, label, options in facet_options(vocabularies) if options
    )
    sorts = "".join(
        f'<option value="{value}"{" selected" if value == "newest" else ""}>{e(label)}</option>' for value, label in SORTS
    )
    return (
        '<form class="cb-finder__form" role="search" aria-label="Search and filter case studies" hidden>\n'
        '<div class="cb-finder__field">\n'
        '<label class="cb-finder__label" for="cb-finder-q">Search case studies</label>\n'
        '<p class="cb-finder__hint" id="cb-finder-q-hint">Words in titles, summaries, names of trusts, schools, '
        "people, hubs and programmes, and the full text.</p>\n"
        '<div class="cb-finder__search"><input class="cb-finder__input" type="search" id="cb-finder-q" name="q" '
        'autocomplete="off" spellcheck="false" aria-describedby="cb-finder-q-hint">'
        '<button type="submit" class="cb-finder__submit">Search</button></div>\n</div>\n'
        '<div class="cb-finder__field">\n<label class="cb-finder__label" for="cb-finder-sort">Sort by</label>\n'
        f'<select class="cb-finder__select" id="cb-finder-sort" name="sort">{sorts}</select>\n</div>\n'
        '<button type="button" class="cb-finder__toggle" aria-expanded="false" aria-controls="cb-finder-facets">'
        "Show filters</button>\n"
        '<div class="cb-finder__facets cb-finder__facets--collapsed" id="cb-finder-facets">\n'
        f'<h2 class="cb-finder__heading">Filter</h2>\n{facets}\n</div>\n</form>'
    )


def _facet(facet: str, label: str, options: list[tuple[str, str]], counts: dict[tuple[str, str], int]) -> str:
    rows = "\n".join(
        f'<div class="cb-facet__option"><input type="checkbox" id="cb-{facet}-{e(value)}" name="{facet}" value="{e(value)}"'
        f'{" disabled" if not counts.get((facet, value)) else ""}>'
        f'<label for="cb-{facet}-{e(value)}"><span class="cb-facet__name">{e(name)}</span> '
        f'<span class="cb-facet__count">({counts.get((facet, value), 0):,})</span></label></div>'
        for value, name in options
    )
    return (
        f'<details class="cb-facet" data-facet="{facet}"{" open" if facet in OPEN_FACETS else ""}>\n'
        f'<summary class="cb-facet__summary">{e(label)} <span class="cb-facet__selected"></span></summary>\n'
        f'<fieldset class="cb-facet__options"><legend class="cb-visually-hidden">{e(label)}</legend>\n{rows}\n</fieldset>\n'
        "</details>"
    )
