"""Which pages the build generates from the index, and what goes on each.

Generated pages carry a tiny Markdown source (a fixed front matter block,
nothing else: MkDocs renders none of it) and trusted, already-escaped HTML
placed before and after; a case study's body, rendered and sanitised in the
case-study profile (macros/content/body.py), goes between them. What goes *before* is the page's own
content and is indexed by the site search; what goes *after* (cards of other
case studies) repeats other pages and is added once search has read the page.
HTML is produced lazily, page by page, so build time grows with the number of
pages, never with its square.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial

from macros.site import render
from macros.site.compare import COMPARE_DESCRIPTION, COMPARE_TITLE, render_compare, render_picker
from macros.site.finder import render_finder
from macros.site.network import render_network
from macros.content.addresses import COMPARE_URL
from macros.content.index import CaseStudyIndex
from macros.content.body import RenderedBody
from macros.content.links import page_url
from macros.outputs.search_index import SearchFiles
from macros.content.model import FACET_OF_VOCABULARY, LISTED_VOCABULARIES, CaseStudy, VocabularyEntry

# Every generated page's whole Markdown source: MkDocs renders nothing of the
# casebook's own. A case study's body is rendered in the case-study profile
# (macros/content/body.py) and added as HTML, so it never meets MkDocs' extensions.
# Empty, so MkDocs has no front matter to parse either (the plugin sets each page's meta).
GENERATED_FRONT_MATTER = ""

INDEX_INTROS = {
    "hubs": (
        "Maths Hubs",
        "England has 40 Maths Hubs, each a partnership of schools and colleges led by a lead school or "
        "college. These are the hubs our case studies mention, grouped by region.",
    ),
    "phases": ("Phases", "Case studies by phase of education, from the early years to post-16."),
    "partnership_models": (
        "Partnership models",
        "Trusts work with Maths Hubs in four main ways, depending on where the expertise comes from "
        "and which schools take part.",
    ),
    "programmes": ("Programmes", "The Maths Hub programmes and Work Groups our case studies describe."),
}
FINDER_TITLE = "Case studies"
FINDER_DESCRIPTION = (
    "Every published case study of trusts and schools working with their Maths Hub. Search them, or narrow "
    "them down by phase, Maths Hub, partnership model, programme, type and region."
)


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    title: str  # plain text; escaped where it is output
    description: str  # plain text
    in_nav: bool
    before: Callable[[str], str]  # root -> HTML before the rendered Markdown, searchable
    after: Callable[[str], str] = lambda root: ""  # root -> HTML after it, added once search has read the page
    case_study: CaseStudy | None = None
    hide: tuple[str, ...] = ()  # Material's `hide:` front matter, e.g. ("toc",)
    finder: bool = False  # the page that owns ?q=
    # A case study's body, rendered and checked in the case-study profile (macros/content/body.py).
    body: RenderedBody | None = None

    @property
    def markdown(self) -> str:
        return GENERATED_FRONT_MATTER

    @property
    def url(self) -> str:
        return page_url(self.src_uri)


def plan_pages(
    index: CaseStudyIndex, search: Callable[[], SearchFiles], bodies: Mapping[str, RenderedBody] | None = None
) -> Iterator[GeneratedPage]:
    """Every page the library gives the site: case studies, listings, their indexes, the finder, the comparison.

    ``search`` gives the search index once it is built (after every page is read);
    ``bodies`` are the case studies' rendered bodies (macros/content/body.py), by slug.
    """
    cards = render.Cards(index.vocabularies)
    for case_study in index.case_studies:
        yield _case_study_page(case_study, index, cards, (bodies or {}).get(case_study.slug) or RenderedBody(""))
    for key in LISTED_VOCABULARIES:
        yield _index_page(key, index)
        for entry in index.vocabularies[key]:
            yield _listing_page(key, entry, index, cards)
    yield _finder_page(index, search)
    yield _compare_page()


def _case_study_page(case_study: CaseStudy, index: CaseStudyIndex, cards: render.Cards, body: RenderedBody) -> GeneratedPage:
    vocabularies = index.vocabularies

    def before(root: str) -> str:
        # "Add to comparison" (macros/site/compare.py) between the summary and the facts box, never in the body.
        return (render.render_case_study_header(case_study) + "\n" + render_picker(root, case_study) + "\n"
                + render.render_facts(case_study, vocabularies, root))

    return GeneratedPage(
        src_uri=case_study.src_uri,
        title=case_study.title,
        description=case_study.summary,
        in_nav=False,
        before=before,
        after=lambda root: render.render_related(index.related(case_study), vocabularies, root, cards),
        body=body,
        case_study=case_study,
    )


def _index_page(key: str, index: CaseStudyIndex) -> GeneratedPage:
    title, intro = INDEX_INTROS[key]
    vocabulary = index.vocabularies[key]

    def before(root: str) -> str:
        # The models' index is their 2×2; the others are lists.
        entries = (
            render.render_model_grid(index, root)
            if key == "partnership_models"
            else render.render_vocabulary_index(vocabulary, index, root)
        )
        network = render_network(index, root) if key == "hubs" else ""
        return f"{render.title_heading(title)}\n<p>{render.e(intro)}</p>\n{entries}\n{network}"

    return GeneratedPage(
        src_uri=f"{LISTED_VOCABULARIES[key]}/index.md", title=title, description=intro, in_nav=True, before=before
    )


def _listing_page(key: str, entry: VocabularyEntry, index: CaseStudyIndex, cards: render.Cards) -> GeneratedPage:
    facet = FACET_OF_VOCABULARY[key]
    case_studies = index.with_facet(facet, entry.id)

    def after(root: str) -> str:
        empty = render.render_empty(f"There are no case studies for {entry.name} yet.", root)
        return render.render_cards(case_studies, index.vocabularies, root, empty=empty, cards=cards)

    return GeneratedPage(
        src_uri=f"{LISTED_VOCABULARIES[key]}/{entry.id}.md",
        title=entry.name,
        description=entry.description or entry.name,
        in_nav=False,
        before=partial(render.render_listing_intro, index.vocabularies[key], entry, len(case_studies)),
        after=after,
    )


def _finder_page(index: CaseStudyIndex, search: Callable[[], SearchFiles]) -> GeneratedPage:
    def before(root: str) -> str:
        return f"{render.title_heading(FINDER_TITLE)}\n<p>{render.e(FINDER_DESCRIPTION)}</p>\n{render_picker(root)}"

    return GeneratedPage(
        src_uri="case-studies/index.md",
        title=FINDER_TITLE,
        description=FINDER_DESCRIPTION,
        in_nav=True,
        before=before,
        after=lambda root: render_finder(index, root, search()),
        hide=("toc",),
        finder=True,
    )


def _compare_page() -> GeneratedPage:
    """/case-studies/compare/ (macros/site/compare.py): out of the navigation, like the case studies;
    the slug "compare" is reserved (macros/content/checks/identity.py) so no case study can take it."""
    return GeneratedPage(
        src_uri=COMPARE_URL.rstrip("/") + ".md",
        title=COMPARE_TITLE,
        description=COMPARE_DESCRIPTION,
        in_nav=False,
        before=render_compare,
        hide=("navigation", "toc"),
    )
