"""How problems are printed: for people (text), for pull requests (GitHub), for the build."""

from __future__ import annotations

from collections.abc import Sequence

from .library import Library
from .model import Problem
from .render import plural


def summary_line(library: Library) -> str:
    if not library.problems:
        return f"{plural(library.files_checked, 'case study', 'case studies')} checked: no problems."
    return (
        f"{plural(len(library.problems), 'problem')} in {plural(library.files_with_problems, 'file')} "
        f"({library.files_checked:,} case-study files checked)."
    )


def format_text(problems: Sequence[Problem]) -> str:
    return "".join(f"{problem}\n" for problem in problems)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: Sequence[Problem]) -> str:
    """GitHub workflow commands, so each problem is annotated on the pull request's diff."""
    return "".join(
        f"::error file={_escape_property(p.path)},line={p.line},title={_escape_property(p.field)}::"
        f"{_escape_data(f'{p.field}: {p.message}')}\n"
        for p in problems
    )


def format_step_summary(library: Library) -> str:
    """The whole report as Markdown: GitHub shows only the first 10 annotations of a step."""
    lines = ["## Case study check", "", summary_line(library), ""]
    if library.problems:
        lines += ["| File | Line | Field | Problem |", "|---|---|---|---|"]
        for p in library.problems:
            cells = [p.path, str(p.line), p.field, p.message]
            lines.append("| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


def format_build_failure(library: Library) -> str:
    return (
        "The case studies have problems, so the site was not built.\n"
        + format_text(library.problems)
        + summary_line(library)
        + "\nFix each line above (run 'casebook check' to see them again), then build again."
    )
