"""HTML for cards, facts boxes and listings: pure functions, every value escaped.

Links are relative (``root`` is the way back to the site root from the page
being rendered, e.g. ``"../../"``) so the site works under any base path,
including a GitHub Pages project site.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from html import escape

from macros.content.addresses import feed_path, listing_path
from macros.outputs.feeds import feed_subject
from macros.content.index import CaseStudyIndex
from macros.content.wording import plural
from macros.content.model import FACET_OF_VOCABULARY, LISTED_BY_NAME, CaseStudy, School, Source, Trust, Vocabularies, Vocabulary, VocabularyEntry
from macros.content.vocabularies import REGIONS

CONTRIBUTE_URL = "contribute/"


# The id of the <h1> of every page the casebook renders: the skip link's target (see
# skip_to_title in macros/plugin.py). tabindex="-1" lets the link move focus there, not just scroll.
TITLE_ID = "cb-title"


def title_heading(text: str, class_name: str = "") -> str:
    """A generated page's <h1>, which "Skip to content" lands on; ``text`` is plain text."""
    class_attribute = f' class="{e(class_name)}"' if class_name else ""
    return f'<h1 id="{TITLE_ID}"{class_attribute} tabindex="-1">{e(text)}</h1>'


def e(value: object) -> str:
    """Escape for HTML text and attribute values alike."""
    return escape(str(value), quote=True)


def root_for(page_url: str) -> str:
    """Relative way back to the site root from a page URL such as ``hubs/jurassic/``."""
    return "../" * page_url.count("/")


def format_date(value: dt.date | str) -> str:
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    if len(value) == 7:  # YYYY-MM
        return dt.date.fromisoformat(f"{value}-01").strftime("%B %Y")
    return value


def format_number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def entry_url(vocabulary_key: str, entry_id: str, root: str) -> str:
    return root + listing_path(vocabulary_key, entry_id)


def case_study_url(case_study: CaseStudy, root: str) -> str:
    return f"{root}{case_study.url}"


# --- cards -------------------------------------------------------------------


def render_card(
    case_study: CaseStudy,
    vocabularies: Vocabularies,
    root: str,
    heading_level: int = 3,
    attributes: Mapping[str, str] | None = None,
) -> str:
    """One case study as a card: the same markup on every listing, the finder and the home page.

    ``attributes`` adds ``data-*`` attributes for the finder's script.
    """
    head, tail = card_parts(case_study, vocabularies, heading_level, attributes)
    return head + e(root) + tail


def card_parts(
    case_study: CaseStudy,
    vocabularies: Vocabularies,
    heading_level: int = 3,
    attributes: Mapping[str, str] | None = None,
) -> tuple[str, str]:
    """A card's HTML before and after the site root in its link, which differs from page to page."""
    h = f"h{heading_level}"
    facts = [
        ("Phase", "Phases", [vocabularies.phases.name(i) for i in case_study.phases]),
        ("Maths Hub", "Maths Hubs", [vocabularies.hubs.name(i) for i in case_study.hubs]),
    ]
    if case_study.trust:
        facts.append(("Trust", "Trust", [case_study.trust.name]))
    if case_study.school:
        facts.append(("School", "School", [case_study.school.name]))
    # Whitespace between the parts keeps words apart for search indexers ("Trust Wessex", not "TrustWessex").
    rows = " ".join(
        f"<div><dt>{e(one if len(values) == 1 else many)}</dt> <dd>{e(', '.join(values))}</dd></div>"
        for one, many, values in facts
    )
    extra = "".join(f' {name}="{e(value)}"' for name, value in (attributes or {}).items())
    return (
        f'<li class="cb-card"{extra}><article class="cb-card__body">'
        f'<{h} class="cb-card__title"><a href="',
        f'{e(case_study.url)}">{e(case_study.title)}</a></{h}>'
        f'<p class="cb-card__meta"><span class="cb-card__type">{e(vocabularies.types.name(case_study.type))}</span> '
        f'<time datetime="{case_study.date.isoformat()}">{e(format_date(case_study.date))}</time></p>'
        f'<p class="cb-card__summary">{e(case_study.summary)}</p>'
        f'<dl class="cb-card__facts">{rows}</dl>'
        f"</article></li>",
    )


class Cards:
    """Each case study's card rendered once a build and reused on every page that lists it."""

    def __init__(self, vocabularies: Vocabularies) -> None:
        self.vocabularies = vocabularies
        self._parts: dict[tuple[str, int], tuple[str, str]] = {}

    def card(self, case_study: CaseStudy, root: str, heading_level: int = 3) -> str:
        key = (case_study.slug, heading_level)
        parts = self._parts.get(key)
        if parts is None:
            parts = self._parts[key] = card_parts(case_study, self.vocabularies, heading_level)
        return parts[0] + e(root) + parts[1]


def render_cards(
    case_studies: Sequence[CaseStudy],
    vocabularies: Vocabularies,
    root: str,
    *,
    heading_level: int = 3,
    empty: str = "",
    cards: Cards | None = None,
) -> str:
    """A list of cards, or the empty state when there are none."""
    if not case_studies:
        return empty or render_empty("There are no case studies here yet.", root)
    cards = cards or Cards(vocabularies)
    items = "\n".join(cards.card(cs, root, heading_level) for cs in case_studies)
    return f'<ul class="cb-cards">\n{items}\n</ul>'


def render_empty(message: str, root: str) -> str:
    return (
        f'<div class="cb-empty"><p>{e(message)}</p>'
        f'<p>Has your school or trust worked with a Maths Hub in this way? '
        f'<a href="{root}{CONTRIBUTE_URL}">Find out how to share your case study</a>.</p></div>'
    )


# --- one case study ------------------------------------------------------------


def render_case_study_header(case_study: CaseStudy) -> str:
    return (
        f'{title_heading(case_study.title, "cb-study__title")}\n'
        f'<p class="cb-study__summary">{e(case_study.summary)}</p>'
    )


def render_facts(case_study: CaseStudy, vocabularies: Vocabularies, root: str) -> str:
    """The facts box: everything the front matter says, as a description list."""
    rows: list[tuple[str, str]] = [("Type", e(vocabularies.types.name(case_study.type)))]
    if case_study.trust:
        rows.append(("Trust", _trust(case_study.trust)))
    if case_study.school:
        rows.append(("School", _school(case_study.school)))
    for key, attribute, one, many in (
        ("hubs", "hubs", "Maths Hub", "Maths Hubs"),
        ("phases", "phases", "Phase", "Phases"),
        ("partnership_models", "partnership_models", "Partnership model", "Partnership models"),
        ("programmes", "programmes", "Programme", "Programmes"),
    ):
        ids: tuple[str, ...] = getattr(case_study, attribute)
        if ids:
            rows.append((one if len(ids) == 1 else many, _entry_links(vocabularies[key], ids, root)))
    if case_study.people:
        people = "".join(
            f"<li>{e(person.name)}{', ' + e(person.role) if person.role else ''}</li>" for person in case_study.people
        )
        rows.append(("People" if len(case_study.people) > 1 else "Person", f'<ul class="cb-facts__people">{people}</ul>'))
    if case_study.source:
        rows.append(("Source", _source(case_study.source)))
    rows.append((date_label(case_study), f'<time datetime="{case_study.date.isoformat()}">{e(format_date(case_study.date))}</time>'))
    rows.append(("Reading time", e(plural(case_study.reading_minutes, "minute"))))
    body = "\n".join(f"<div><dt>{e(label)}</dt> <dd>{value}</dd></div>" for label, value in rows)
    return (
        '<section class="cb-facts" aria-labelledby="cb-facts-heading">\n'
        '<h2 id="cb-facts-heading" class="cb-facts__heading">At a glance</h2>\n'
        f'<dl class="cb-facts__list">\n{body}\n</dl>\n</section>'
    )


def date_label(case_study: CaseStudy) -> str:
    """What ``date`` is (contract): the original's day when its source states that day, else the casebook's own."""
    source_date = case_study.source.date if case_study.source else None
    if isinstance(source_date, dt.date) and source_date == case_study.date:
        return "Published"
    return "Added to the casebook"


def _entry_links(vocabulary: Vocabulary, ids: Iterable[str], root: str) -> str:
    links = ", ".join(f'<a href="{e(entry_url(vocabulary.key, i, root))}">{e(vocabulary.name(i))}</a>' for i in ids)
    return links


def _trust(trust: Trust) -> str:
    details = []
    if trust.schools:
        details.append(plural(trust.schools, "school"))
    if trust.counties:
        details.append(", ".join(trust.counties))
    extra = f'<br><span class="cb-facts__detail">{e(" · ".join(details))}</span>' if details else ""
    return f"{e(trust.name)}{extra}"


def _school(school: School) -> str:
    name = school.name + (f", {school.location}" if school.location else "")
    details = []
    if school.age_range:
        low, high = school.age_range.split("-")
        details.append(f"ages {low}–{high}")
    if school.pupils:
        details.append(plural(school.pupils, "pupil"))
    if school.fsm_percent is not None:
        details.append(f"{format_number(school.fsm_percent)}% eligible for free school meals")
    if school.setting:
        details.append(school.setting)
    extra = f'<br><span class="cb-facts__detail">{e(" · ".join(details))}</span>' if details else ""
    return f"{e(name)}{extra}"


def _source(source: Source) -> str:
    title = e(source.title or source.url or "Original publication")
    if source.url:
        # An address is written after the link on paper (the print stylesheet); here it is already absolute.
        printed = f' data-print-url="{e(source.url)}"' if source.url.startswith(("https:", "http:")) else ""
        title = f'<a href="{e(source.url)}"{printed}>{title}</a>'
    parts = [title]
    if source.publisher:
        parts.append(e(source.publisher))
    if source.date:
        parts.append(e(format_date(source.date)))
    return ", ".join(parts)


def render_related(
    related: Sequence[CaseStudy], vocabularies: Vocabularies, root: str, cards: Cards | None = None
) -> str:
    if not related:
        return ""
    return (
        '<section class="cb-related" aria-labelledby="cb-related-heading">\n'
        '<h2 id="cb-related-heading">Related case studies</h2>\n'
        f"{render_cards(related, vocabularies, root, cards=cards)}\n</section>"
    )


# --- listings ------------------------------------------------------------------


def render_listing_intro(vocabulary: Vocabulary, entry: VocabularyEntry, count: int, root: str) -> str:
    """The top of one hub, phase, model or programme page; its cards follow."""
    details = []
    if entry.get("region"):
        details.append(f"Region: {entry.get('region')}")
    if vocabulary.key == "partnership_models":
        details.append(_model_axes(entry))
    detail_html = "".join(f'<p class="cb-listing__detail">{e(detail)}</p>' for detail in details)
    description = f'<p class="cb-listing__description">{e(entry.description)}</p>' if entry.description else ""
    heading = f'<h2 id="case-studies">{e(plural(count, "case study", "case studies"))}</h2>'
    finder = (
        f'<p class="cb-listing__finder"><a href="{root}case-studies/?{FACET_OF_VOCABULARY[vocabulary.key]}={e(entry.id)}">'
        f"Filter and search these in the case study finder</a></p>"
        if count else ""
    )
    # Every entry has its own feed beside this page (macros/outputs/feeds.py), linked in the text
    # rather than the head (see on_page_context in macros/plugin.py for why).
    finder += (
        f'<p class="cb-listing__feed"><a rel="alternate" type="application/atom+xml" '
        f'href="{root}{e(feed_path(vocabulary.key, entry.id))}">'
        f"Follow new case studies {e(feed_subject(vocabulary.key, entry))} (Atom feed)</a></p>"
    )
    return f'{title_heading(entry.name)}\n<div class="cb-listing__intro">{description}{detail_html}</div>\n{heading}\n{finder}'


def _model_axes(entry: VocabularyEntry) -> str:
    expertise = "from within the trust" if entry.get("expertise") == "within" else "from outside the trust"
    reach = "the trust's own schools only" if entry.get("reach") == "trust-only" else "schools beyond the trust as well"
    return f"Expertise {expertise}; the work involves {reach}."


def render_vocabulary_index(vocabulary: Vocabulary, index: CaseStudyIndex, root: str) -> str:
    """Every entry of one vocabulary with its count; hubs grouped by region."""
    facet = FACET_OF_VOCABULARY[vocabulary.key]
    if vocabulary.key == "hubs":
        groups: list[tuple[str, list[VocabularyEntry]]] = []
        for region in (*REGIONS, None):
            members = [entry for entry in vocabulary if entry.get("region") == region]
            if members:
                groups.append((region or "Hubs whose region the sources do not give", members))
        return "\n".join(
            f"<h2>{e(region)}</h2>\n{_entry_list(members, vocabulary, index, facet, root)}" for region, members in groups
        )
    return _entry_list(list(vocabulary), vocabulary, index, facet, root)


def _entry_list(
    entries: Sequence[VocabularyEntry], vocabulary: Vocabulary, index: CaseStudyIndex, facet: str, root: str
) -> str:
    items = "\n".join(
        f'<li><a href="{e(entry_url(vocabulary.key, entry.id, root))}">{e(entry.name)}</a> '
        f'<span class="cb-terms__count">({e(plural(index.count(facet, entry.id), "case study", "case studies"))})</span>'
        + (f'<p class="cb-terms__description">{e(entry.description)}</p>' if entry.description else "")
        + "</li>"
        for entry in entries
    )
    return f'<ul class="cb-terms">\n{items}\n</ul>'


def render_entry_chips(vocabulary: Vocabulary, index: CaseStudyIndex, root: str, *, short: bool = False) -> str:
    """Compact links to every entry of a vocabulary with its count: entry points for the home page."""
    facet = FACET_OF_VOCABULARY[vocabulary.key]
    entries = sorted(vocabulary, key=lambda entry: entry.name.lower()) if vocabulary.key in LISTED_BY_NAME else list(vocabulary)
    items = "".join(
        f'<li><a href="{e(entry_url(vocabulary.key, entry.id, root))}">'
        f'{e((entry.get("short_name") if short else None) or entry.name)}'
        f' <span class="cb-chips__count">({index.count(facet, entry.id):,})</span></a></li>'
        for entry in entries
    )
    return f'<ul class="cb-chips">{items}</ul>'


def render_model_grid(index: CaseStudyIndex, root: str) -> str:
    """The four partnership models as the 2×2 the sources describe, as a table with headers."""
    models = index.vocabularies.partnership_models
    columns = (("trust-only", "The trust's schools only"), ("wider-network", "A wider network of schools"))
    rows = (("outside", "Expertise from outside the trust"), ("within", "Expertise from within the trust"))
    body = []
    for expertise, row_label in rows:
        cells = []
        for reach, _ in columns:
            entry = next((m for m in models if m.get("expertise") == expertise and m.get("reach") == reach), None)
            if entry is None:
                cells.append("<td></td>")
                continue
            count = index.count("model", entry.id)
            cells.append(
                f'<td><a class="cb-grid__model" href="{e(entry_url("partnership_models", entry.id, root))}">{e(entry.name)}</a>'
                f'<p class="cb-grid__count">{e(plural(count, "case study", "case studies"))}</p>'
                f'<p class="cb-grid__description">{e(entry.description)}</p></td>'
            )
        body.append(f'<tr><th scope="row">{e(row_label)}</th>{"".join(cells)}</tr>')
    head = "".join(f'<th scope="col">{e(label)}</th>' for _, label in columns)
    return (
        '<div class="cb-grid"><table class="cb-grid__table">\n'
        "<caption>The four partnership models: where the expertise comes from, and which schools take part</caption>\n"
        f'<thead><tr><td></td>{head}</tr></thead>\n<tbody>\n{chr(10).join(body)}\n</tbody></table></div>'
    )
