"""What the site search can find: every case study, every listing and every
hand-written page, as documents for the search index."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from macros.content.index import CaseStudyIndex
from macros.content.model import CaseStudy
from macros.outputs.search_index import SearchDocument, case_study_text, markdown_text

SUMMARY_LENGTH = 200


def case_study_document(case_study: CaseStudy, index: CaseStudyIndex) -> SearchDocument:
    vocabularies = index.vocabularies
    names = [vocabularies.types.name(case_study.type)]
    names += [vocabularies.phases.name(i) for i in case_study.phases]
    names += [vocabularies.hubs.name(i) for i in case_study.hubs]
    names += [vocabularies.partnership_models.name(i) for i in case_study.partnership_models]
    names += [vocabularies.programmes.name(i) for i in case_study.programmes]
    if case_study.trust:
        names += [case_study.trust.name, *case_study.trust.counties]
    if case_study.school:
        names += [value for value in (case_study.school.name, case_study.school.location, case_study.school.setting) if value]
    names += [f"{person.name} {person.role or ''}" for person in case_study.people]
    return SearchDocument(
        case_study.url, case_study.title, case_study.summary, case_study_text(case_study.body), facts=" · ".join(names)
    )


def case_study_documents(index: CaseStudyIndex) -> list[SearchDocument]:
    """In the finder's order, so a case study's document id is its card's position."""
    return [case_study_document(case_study, index) for case_study in index.case_studies]


def search_documents(
    case_studies: Sequence[SearchDocument],
    listings: Iterable[tuple[str, str, str]],  # (url, title, description) of each generated page but the case studies'
    handwritten: Sequence[tuple[str, str, str, str]],  # (url, title, description, markdown)
) -> list[SearchDocument]:
    """Case studies first (so ids are card positions), then listings and hand-written pages."""
    documents = list(case_studies)
    documents += [
        SearchDocument(url, title, description, "") for url, title, description in listings
    ]
    for url, title, description, markdown in handwritten:
        text = markdown_text(markdown)
        summary = description or (text[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + "…" if len(text) > SUMMARY_LENGTH else text)
        documents.append(SearchDocument(url, title, summary, text))
    return documents
