"""Which pages the build generates from the index, and what goes on each.

Generated pages carry a tiny Markdown source (a fixed front matter block and,
for a case study, the editor's body) and trusted, already-escaped HTML placed
before and after the rendered Markdown. HTML is produced lazily, page by page,
so build time grows with the number of pages, never with its square.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .index import CaseStudyIndex
from .model import FACET_OF_VOCABULARY, LISTED_VOCABULARIES, CaseStudy
from . import render

# A fixed front matter block: MkDocs then takes the rest as the body verbatim
# (without one, it would read a body's leading "Note: …" line as metadata).
GENERATED_FRONT_MATTER = "---\ngenerated_by: casebook\n---\n\n"

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
FINDER_DESCRIPTION = "Every published case study of trusts and schools working with their Maths Hub, newest first."


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    title: str  # plain text; escaped where it is output
    description: str  # plain text
    in_nav: bool
    before: Callable[[str], str]  # root -> HTML placed before the rendered Markdown
    after: Callable[[str], str] = lambda root: ""
    body: str = ""  # Markdown: only a case study has one, and it is untrusted
    case_study: CaseStudy | None = None

    @property
    def markdown(self) -> str:
        return GENERATED_FRONT_MATTER + self.body

    @property
    def url(self) -> str:
        path = self.src_uri.removesuffix(".md")
        if path == "index" or path.endswith("/index"):
            return path.removesuffix("index")
        return f"{path}/"


def plan_pages(index: CaseStudyIndex) -> Iterator[GeneratedPage]:
    """Every page the library gives the site: case studies, listings, their indexes, the finder."""
    vocabularies = index.vocabularies
    for case_study in index.case_studies:
        yield _case_study_page(case_study, index)
    for key, folder in LISTED_VOCABULARIES.items():
        vocabulary = vocabularies[key]
        title, intro = INDEX_INTROS[key]
        yield GeneratedPage(
            src_uri=f"{folder}/index.md",
            title=title,
            description=intro,
            in_nav=True,
            before=lambda root, title=title, intro=intro, vocabulary=vocabulary: (
                f"<h1>{render.e(title)}</h1>\n<p>{render.e(intro)}</p>\n"
                # The models' index is their 2×2; the others are lists.
                + (
                    render.render_model_grid(index, root)
                    if vocabulary.key == "partnership_models"
                    else render.render_vocabulary_index(vocabulary, index, root)
                )
            ),
        )
        facet = FACET_OF_VOCABULARY[key]
        for entry in vocabulary:
            yield GeneratedPage(
                src_uri=f"{folder}/{entry.id}.md",
                title=entry.name,
                description=entry.description or entry.name,
                in_nav=False,
                before=lambda root, vocabulary=vocabulary, entry=entry, facet=facet: render.render_listing(
                    vocabulary, entry, index.with_facet(facet, entry.id), vocabularies, root
                ),
            )
    yield GeneratedPage(
        src_uri="case-studies/index.md",
        title=FINDER_TITLE,
        description=FINDER_DESCRIPTION,
        in_nav=True,
        before=lambda root: (
            f"<h1>{render.e(FINDER_TITLE)}</h1>\n<p>{render.e(FINDER_DESCRIPTION)}</p>\n"
            f'<h2 id="results">{render.e(render.plural(len(index), "case study", "case studies"))}</h2>\n'
            + render.render_cards(index.case_studies, vocabularies, root)
        ),
    )


def _case_study_page(case_study: CaseStudy, index: CaseStudyIndex) -> GeneratedPage:
    vocabularies = index.vocabularies
    return GeneratedPage(
        src_uri=case_study.src_uri,
        title=case_study.title,
        description=case_study.summary,
        in_nav=False,
        before=lambda root: "\n".join(
            (render.render_case_study_header(case_study), render.render_facts(case_study, vocabularies, root))
        ),
        after=lambda root: render.render_related(index.related(case_study), vocabularies, root),
        body=case_study.body,
        case_study=case_study,
    )
