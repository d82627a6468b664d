"""The identity fields' rules (macros/content/checks/identity.py): the slug, title, date and
draft. Line numbers follow conftest.BASE_FIELDS: title 2, type 3, date 4, summary 5,
phases 6, hubs 7, extra keys from 8.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import case_study_text, problems, write
from test_checks import only_problem  # the one-file project every check test writes


def test_title_length(project: Path) -> None:
    assert only_problem(project, title="x" * 121) == [
        "case_studies/story.md:2: title: is 121 characters long; it must be 5 to 120 characters"
    ]


def test_title_no_is_the_string_no_and_then_too_short(project: Path) -> None:
    assert only_problem(project, title="No") == [
        "case_studies/story.md:2: title: is 2 characters long; it must be 5 to 120 characters"
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("28/11/2025", "must be written YYYY-MM-DD, not '28/11/2025' — write date: 2025-11-28"),
        ("2025-02-30", "'2025-02-30' is not a real date — check the month and day"),
        ("2025", "must be a date written YYYY-MM-DD (e.g. 2025-11-28), not the number 2025"),
    ],
)
def test_date_must_be_an_iso_date(project: Path, value: str, expected: str) -> None:
    assert only_problem(project, date=value) == [f"case_studies/story.md:4: date: {expected}"]


def test_quoted_iso_dates_are_dates(project: Path) -> None:
    assert only_problem(project, date='"2025-03-14"') == []


def test_future_dates_need_draft(project: Path) -> None:
    assert only_problem(project, date="2025-06-02") == [
        "case_studies/story.md:4: date: 2025-06-02 is in the future — use the publication date (today or "
        "earlier), or add 'draft: true' until it is published"
    ]


def test_a_future_draft_is_valid(project: Path) -> None:
    assert only_problem(project, date="2026-01-01", draft="true") == []


def test_draft_must_be_a_boolean(project: Path) -> None:
    assert only_problem(project, draft="yes") == [
        "case_studies/story.md:8: draft: must be true or false, not 'yes'"
    ]


@pytest.mark.parametrize(("written", "iso"), [("14/03/2025", "2025-03-14"), ("14 March 2025", "2025-03-14"), ("'3/4/2025'", "2025-04-03")])
def test_a_date_written_as_people_write_it_is_shown_in_iso(project: Path, written: str, iso: str) -> None:
    shown = written.strip("'")
    assert only_problem(project, date=written) == [
        f"case_studies/story.md:4: date: must be written YYYY-MM-DD, not '{shown}' — write date: {iso}"
    ]


def test_slug_form(project: Path) -> None:
    write(project, "My Story.md", case_study_text())
    write(project, "double--hyphen.md", case_study_text())
    write(project, "index.md", case_study_text())
    assert problems(project) == [
        "case_studies/My Story.md:1: slug: 'My Story' is not a valid file name for a case study — use "
        "lower-case letters, digits and single hyphens, such as 'my-story.md'",
        "case_studies/double--hyphen.md:1: slug: 'double--hyphen' is not a valid file name for a case study — "
        "use lower-case letters, digits and single hyphens, such as 'double-hyphen.md'",
        "case_studies/index.md:1: slug: 'index' is reserved for the site's own pages — choose another file name",
    ]


@pytest.mark.parametrize("reserved", ["index", "images", "compare", "search"])
def test_the_sites_own_pages_keep_their_addresses(project: Path, reserved: str) -> None:
    # /case-studies/compare/ is the comparison page: no case study may take its URL.
    write(project, f"{reserved}.md", case_study_text())
    assert problems(project) == [
        f"case_studies/{reserved}.md:1: slug: '{reserved}' is reserved for the site's own pages — choose another file name",
    ]


def test_duplicate_slugs_are_reported_on_every_file(project: Path) -> None:
    write(project, "north/story.md", case_study_text())
    write(project, "south/story.md", case_study_text())
    assert problems(project) == [
        "case_studies/north/story.md:1: slug: 'story' is also the file name of case_studies/south/story.md — "
        "two case studies cannot share a slug; rename one",
        "case_studies/south/story.md:1: slug: 'story' is also the file name of case_studies/north/story.md — "
        "two case studies cannot share a slug; rename one",
    ]
