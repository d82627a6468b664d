"""One case study's front matter, field by field, in the order its problems are
reported: that order is the contract's table (§1), and editors' tools rely on it."""

from __future__ import annotations

import datetime as dt

from macros.content.loading import CaseStudyFile
from macros.content.model import CaseStudy, Problem, Vocabularies

from . import identity, organisations, people, source
from . import vocabularies as id_lists  # the name 'vocabularies' is check_case_study's argument
from .checker import Checker
from .primitives import unknown_keys

FIELDS = (
    "title", "type", "date", "summary", "phases", "hubs", "partnership_models",
    "programmes", "trust", "school", "people", "source", "draft",
)


def check_case_study(
    file: CaseStudyFile, vocabularies: Vocabularies, today: dt.date
) -> tuple[CaseStudy | None, list[Problem]]:
    """Check one split file against the contract."""
    checker = Checker(file, vocabularies, today)
    fm = file.front_matter
    identity.slug(checker)
    unknown_keys(checker, fm, FIELDS, "")

    title = identity.title(checker, fm)
    type_id = identity.type_id(checker, fm)
    draft = identity.draft(checker, fm)
    date = identity.publication_date(checker, fm, draft=draft)
    summary = identity.summary(checker, fm)
    phases = id_lists.phases(checker, fm)
    hubs = id_lists.hubs(checker, fm)
    models = id_lists.partnership_models(checker, fm, type_id)
    programmes = id_lists.programmes(checker, fm)
    trust = organisations.trust(checker, fm)
    school = organisations.school(checker, fm)
    named = people.people(checker, fm)
    original = source.source(checker, fm)

    if checker.problems:
        return None, checker.problems
    assert title and type_id and date and summary
    return (
        CaseStudy(
            slug=file.slug,
            path=file.path,
            display_path=file.display_path,
            title=title,
            type=type_id,
            date=date,
            summary=summary,
            phases=phases,
            hubs=hubs,
            partnership_models=models,
            programmes=programmes,
            trust=trust,
            school=school,
            people=named,
            source=original,
            draft=draft,
            body=file.body,
            body_line=file.body_line,
        ),
        [],
    )
