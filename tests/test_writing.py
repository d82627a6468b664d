"""Writing case-study files: every file written passes the checks as written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import TODAY, problems, write

from macros.writing import BODY_TEMPLATES, body_template, render_case_study

FIELDS = {
    "title": "No",
    "type": "school-story",
    "date": dt.date(2025, 3, 1),
    "summary": "A summary: with a colon, 'quotes' and # a hash",
    "phases": ["primary"],
    "hubs": ["jurassic", "mobius"],
    "programmes": [],
    "school": {"name": "St Mary's", "pupils": 140, "fsm_percent": 46.5, "age_range": "4-11"},
    "people": [{"name": "Kat Adams", "role": "Deputy headteacher"}],
}


def test_fields_are_written_in_the_contracts_order_and_quoted_safely() -> None:
    text = render_case_study(FIELDS, "Body.")
    assert text.splitlines()[:7] == [
        "---",
        "title: 'No'",
        "type: school-story",
        "date: 2025-03-01",
        "summary: 'A summary: with a colon, ''quotes'' and # a hash'",
        "phases: [primary]",
        "hubs: [jurassic, mobius]",
    ]
    assert "programmes" not in text  # empty lists are left out
    assert "school:\n  name: St Mary's\n  pupils: 140\n  fsm_percent: 46.5\n  age_range: 4-11\n" in text
    assert text.endswith("---\n\nBody.\n")


def test_what_is_written_reads_back_as_the_same_values(project: Path) -> None:
    fields = {**FIELDS, "title": "No ordinary title"}
    write(project, "story.md", render_case_study(fields, "Body."))
    assert problems(project, TODAY) == []


@pytest.mark.parametrize("type_id", sorted(BODY_TEMPLATES))
def test_every_type_template_passes_the_checks(project: Path, type_id: str) -> None:
    fields = {**FIELDS, "title": "A new story", "type": type_id, "partnership_models": ["hub-work-groups"]}
    write(project, "story.md", render_case_study(fields, body_template(type_id), with_comments=True))
    assert problems(project, TODAY) == []


def test_a_find_out_in_five_starts_with_its_five_questions() -> None:
    body = body_template("find-out-in-five")
    assert [line for line in body.splitlines() if line.startswith("## ")] == [
        f"## {n}. Question {n}, as it was asked?" for n in range(1, 6)
    ]


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValueError):
        render_case_study({**FIELDS, "tags": ["x"]}, "Body.")
