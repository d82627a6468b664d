"""Writing case-study files: every value reads back as written; a template's prompts are refused
until they are replaced."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import TODAY, problems, write

from macros.content.templates import BODY_TEMPLATES, PROMPT_LINES, body_template, scaffold_problems
from macros.editing.writing import render_case_study

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


def test_strings_that_look_like_numbers_are_quoted(project: Path) -> None:
    fields = {**FIELDS, "title": "1.5e3", "school": {"name": "1e10", "location": "2e5"}}
    text = render_case_study(fields, "Body.")
    assert "title: '1.5e3'\n" in text and "  name: '1e10'\n" in text
    write(project, "story.md", text)
    assert problems(project, TODAY) == []


def prompts_replaced(body: str) -> str:
    """The body with every prompt replaced: a text line by the story, a question heading by the question."""
    def replaced(line: str) -> str:
        if line.strip() not in PROMPT_LINES:
            return line
        return f"{line} (the question as it was asked)" if line.startswith("#") else "In our own words."
    return "\n".join(replaced(line) for line in body.split("\n"))


@pytest.mark.parametrize("type_id", sorted(BODY_TEMPLATES))
def test_every_type_template_is_refused_until_its_prompts_are_replaced(project: Path, type_id: str) -> None:
    fields = {**FIELDS, "title": "A new story", "type": type_id, "partnership_models": ["hub-work-groups"]}
    text = render_case_study(fields, body_template(type_id), with_comments=True)
    write(project, "story.md", text)
    found = problems(project, TODAY)
    lines = text.split("\n")
    expected = [
        f"case_studies/story.md:{number}: body: this is the template's prompt ('{line.strip()}') — replace it with your own words"
        for number, line in enumerate(lines, start=1)
        if number > lines.index("---", 1) + 1 and line.strip() in PROMPT_LINES
    ]
    assert expected and found == expected
    front, fence, body = text.partition("\n---\n")
    write(project, "story.md", front + fence + prompts_replaced(body))
    assert problems(project, TODAY) == []


def test_the_check_names_the_prompt_a_teacher_left_in(project: Path) -> None:
    body = "Set the scene: the school, its pupils, and its Maths Hub.\n\n## Where the school started\n\nOur own words.\n"
    write(project, "story.md", render_case_study(FIELDS | {"title": "Our school story"}, body))
    assert problems(project, TODAY) == [
        "case_studies/story.md:18: body: this is the template's prompt ('Set the scene: the school, its pupils, and "
        "its Maths Hub.') — replace it with your own words",
    ]


def test_only_a_whole_prompt_line_is_scaffold() -> None:
    assert scaffold_problems("  Who started it, when, and why.  \n", 10) == [
        (10, "this is the template's prompt ('Who started it, when, and why.') — replace it with your own words"),
    ]
    # A prompt an editor has written into, and the headings a template suggests, are the editor's.
    assert scaffold_problems("Who started it, when, and why: the head, in 2019.\n\n## How the partnership began\n", 10) == []
    # A placeholder question heading is a prompt: the question itself goes there.
    assert scaffold_problems("## 1. Question 1, as it was asked?", 5)[0][0] == 5


def test_a_find_out_in_five_starts_with_its_five_questions() -> None:
    body = body_template("find-out-in-five")
    assert [line for line in body.splitlines() if line.startswith("## ")] == [
        f"## {n}. Question {n}, as it was asked?" for n in range(1, 6)
    ]


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValueError):
        render_case_study({**FIELDS, "tags": ["x"]}, "Body.")
