"""Printing problems for people and for GitHub."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.content.library import Library
from macros.content.model import Problem
from macros.content.reporting import code_span, format_github, format_step_summary, format_text, summary_line

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
    assert "| `x.md` | 1 | `title` | `a \\| b` |" in summary


def test_summary_when_all_is_well() -> None:
    assert summary_line(Library(root=Path("."), vocabularies=None, files_checked=1)) == "1 case study checked: no problems."


# What a case study can put into a message, field or path ("unknown hub '…'"): none of it may
# render in the run's summary page, which GitHub shows as trusted.
HOSTILE = [
    "unknown hub '@maths-hubs/team' — did you mean 'jurassic'?",
    "unknown hub '[x](https://evil.example)'",
    "unknown phase '![i](https://evil.example/p.png)'",
    "unknown type '<img src=x>' and <b>bold</b> &amp; <!-- c -->",
    "unknown hub '`a`' then ``b`` then ```c```",
    "pipes | and \\| and \\\\| stay in their cell",
    "`starts with a backtick",
    "ends with a backtick`",
    " spaces at both ends ",
    "**strong** _em_ www.evil.example https://evil.example #1 :smile:",
]


def cells(row: str) -> list[str]:
    """A GFM table row's cells as GFM splits them: at each "|" not after a backslash."""
    assert row.startswith("| ") and row.endswith(" |"), row
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row[1:-1])]


def code_span_text(cell: str) -> str:
    """What a cell shows, asserting it is one code span: fence, text, the same fence."""
    cell = cell.replace("\\|", "|")  # GFM undoes escaped pipes before it reads code spans
    fence = re.match(r"`+", cell)
    assert fence and cell.endswith(fence.group()) and len(cell) > 2 * len(fence.group()), cell
    inner = cell[len(fence.group()):-len(fence.group())]
    longest_inside = max((len(run) for run in re.findall(r"`+", inner)), default=0)
    assert longest_inside < len(fence.group()), cell
    if inner.startswith(" ") and inner.endswith(" ") and inner.strip(" "):
        inner = inner[1:-1]  # GFM strips one padding space from each side
    return inner


def test_step_summary_puts_everything_from_a_case_study_in_code_spans() -> None:
    problems = tuple(
        Problem(f"case_studies/@team-[x](https://evil.example)|{n}.md", n, f"people.{n}.<b>|`", message)
        for n, message in enumerate(HOSTILE, start=1)
    )
    library = Library(root=Path("."), vocabularies=None, problems=problems, files_checked=12,
                      files_with_problems=len(problems))
    rows = [line for line in format_step_summary(library).splitlines() if line.startswith("| ")][1:]
    assert len(rows) == len(problems)
    for row, problem in zip(rows, problems):
        path, line, field, message = cells(row)
        assert line == str(problem.line)
        assert code_span_text(path) == problem.path
        assert code_span_text(field) == problem.field
        assert code_span_text(message) == problem.message
        for text in (problem.path, problem.field, problem.message):
            assert row.count(text.replace("|", "\\|")) == 1, (row, text)


def test_a_backtick_run_gets_a_longer_fence() -> None:
    assert code_span("a ``` b ` c") == "````a ``` b ` c````"
    assert code_span("`a`") == "`` `a` ``"
    assert code_span("plain") == "`plain`"
    assert code_span(" padded ") == "`  padded  `"
    assert code_span("two\nlines\r\nhere") == "`two lines here`"
    library = Library(root=Path("."), vocabularies=None, files_checked=1, files_with_problems=1,
                      problems=(Problem("x.md", 2, "title", "unknown hub 'a``b'"),))
    assert "| `x.md` | 2 | `title` | ```unknown hub 'a``b'``` |" in format_step_summary(library)


@pytest.mark.parametrize("break_", ["\n", "\r", "\r\n", "\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c"])
def test_workflow_commands_and_summary_rows_never_hold_a_raw_line_break(break_: str) -> None:
    problem = Problem(f"case_studies/a{break_}b.md", 3, f"title{break_}", f"unknown hub 'x{break_}::error::y'")
    [command] = format_github([problem]).splitlines()
    assert command.startswith("::error file=case_studies/a")
    library = Library(root=Path("."), vocabularies=None, problems=(problem,), files_checked=1, files_with_problems=1)
    summary = format_step_summary(library)
    assert summary.endswith("\n") and summary.splitlines() == summary[:-1].split("\n")
    assert len([line for line in summary.splitlines() if line.startswith("| ")]) == 2


def test_the_summary_counts_in_words(project: Path) -> None:
    from conftest import write

    from macros.content.library import load_library
    from macros.content.reporting import summary_line

    write(project, "story.md", "not a case study\n")
    assert summary_line(load_library(project)) == "1 problem in 1 file (1 case-study file checked)."
