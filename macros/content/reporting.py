"""How problems are printed: for people (text), for pull requests (GitHub), for the build."""

from __future__ import annotations

import re
from collections.abc import Sequence

from macros.content.library import Library
from macros.content.model import Problem
from macros.content.wording import plural


def summary_line(library: Library) -> str:
    if not library.problems:
        return f"{plural(library.files_checked, 'case study', 'case studies')} checked: no problems."
    return (
        f"{plural(len(library.problems), 'problem')} in {plural(library.files_with_problems, 'file')} "
        f"({plural(library.files_checked, 'case-study file')} checked)."
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


def code_span(text: str) -> str:
    """``text`` as one inert Markdown (GFM) code span: nothing in it renders as a link,
    image, mention, emphasis or HTML. The fence is a run of backticks longer than any run
    inside the text; a space pads both ends when the text starts or ends with a backtick
    (or with a space at both ends, which GFM would otherwise strip). Line breaks become
    spaces, as GFM shows them, so the span cannot end a paragraph or start a block.
    Inside a table cell, also escape "|" (see ``table_cell``)."""
    text = re.sub(r"\r\n|\r|\n", " ", text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    if not text.strip(" "):
        return f"{fence}{text or ' '}{fence}"  # all spaces are kept as they are
    if text.startswith("`") or text.endswith("`") or (text.startswith(" ") and text.endswith(" ")):
        text = f" {text} "
    return f"{fence}{text}{fence}"


def table_cell(text: str) -> str:
    """``text`` as an inert GFM table cell: a code span with "|" escaped as "\\|", which
    GFM undoes before it reads the code span (even after a backslash of the text's own)."""
    return code_span(text).replace("|", "\\|")


def format_step_summary(library: Library) -> str:
    """The whole report as Markdown: GitHub shows only the first 10 annotations of a step.
    The summary page is trusted, and a path, field or message may quote what a case study
    holds, so each is a code span: shown as written, never rendered."""
    lines = ["## Case study check", "", summary_line(library), ""]
    if library.problems:
        lines += ["| File | Line | Field | Problem |", "|---|---|---|---|"]
        for p in library.problems:
            cells = [table_cell(p.path), str(p.line), table_cell(p.field), table_cell(p.message)]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def format_build_failure(library: Library) -> str:
    return (
        "The case studies have problems, so the site was not built.\n"
        + format_text(library.problems)
        + summary_line(library)
        + "\nFix each line above (run 'casebook check' to see them again), then build again."
    )
