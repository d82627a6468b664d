"""Printing problems for people and for GitHub."""

from __future__ import annotations

from pathlib import Path

from macros.library import Library
from macros.model import Problem
from macros.reporting import format_github, format_step_summary, format_text, summary_line

PROBLEM = Problem("case_studies/a,b:c.md", 7, "hubs", "unknown hub 'x' — 100% wrong\nsecond line")


def test_text_is_one_line_per_problem() -> None:
    assert format_text([Problem("case_studies/x.md", 7, "hubs", "unknown hub")]) == "case_studies/x.md:7: hubs: unknown hub\n"


def test_github_workflow_commands_escape_properties_and_data() -> None:
    assert format_github([PROBLEM]) == (
        "::error file=case_studies/a%2Cb%3Ac.md,line=7,title=hubs::"
        "hubs: unknown hub 'x' — 100%25 wrong\\nsecond line\n"
    )


def test_a_problem_is_always_one_line_whatever_an_editor_wrote() -> None:
    problem = Problem("case_studies/x.md", 2, "title\r", "unknown hub 'a\nb\u2028c\x00'")
    assert str(problem) == "case_studies/x.md:2: title\\r: unknown hub 'a\\nb\\u2028c\\x00'"


def test_step_summary_is_a_markdown_table() -> None:
    library = Library(root=Path("."), vocabularies=None, problems=(Problem("x.md", 1, "title", "a | b"),),
                      files_checked=3, files_with_problems=1)
    summary = format_step_summary(library)
    assert "1 problem in 1 file (3 case-study files checked)." in summary
    assert "| x.md | 1 | title | a \\| b |" in summary


def test_summary_when_all_is_well() -> None:
    assert summary_line(Library(root=Path("."), vocabularies=None, files_checked=1)) == "1 case study checked: no problems."
