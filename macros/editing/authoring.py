"""`casebook new`: a new case-study file from flags or answers.

Each required value comes from a flag or, in a terminal, from a question that
offers the choices in ``data/`` (with what each type and partnership model
means). Every answer is checked as it is given, in the words `casebook check`
would use, and asked again until it is valid: the title (its length, no markup,
and a file name no case study has yet), the summary, the date, the ids. Without
a terminal every problem is reported at once. An existing file is never
overwritten, and stopping half way (Ctrl-C, or the end of the input) saves
nothing and says so.

The file's front matter passes the checks as written; its body is the type's
template, whose prompts `casebook check` refuses until the editor has replaced
them with the story (macros/content/templates.py, ``scaffold_problems``).
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from macros.content.checks import TYPES_NEEDING_MODELS, check_case_study, check_slug, slugify, suggest_id, unknown_id_message
from macros.content.dates import DateError, format_date, future_problem, parse_date
from macros.content.library import CASE_STUDIES_DIR, render_case_study_body
from macros.content.loading import display_path, find_case_study_files, parse_case_study
from macros.content.model import Problem, Vocabularies, Vocabulary
from macros.content.templates import body_template, scaffold_problems
from macros.editing.writing import render_case_study

Ask = Callable[[str], str]

DATE_MEANING = (
    "Date first published: the day the original was published, if it was; "
    "otherwise leave it empty for today, the day it is added to the casebook."
)
DATE_PROMPT = "Date (such as 14/03/2025 or 14 March 2025; Enter for today): "
DATE_QUESTION = f"{DATE_MEANING}\n{DATE_PROMPT}"  # the meaning the first time, then only the prompt
STOPPED = "stopped before the last question — nothing was saved; run 'casebook new' again to start over"
ENDED = "the answers ended before the last question — nothing was saved; run 'casebook new' again to start over"
# Shown when a type or partnership model is chosen: what each one means (data/, `description`).
DESCRIBED = ("types", "partnership_models")
_PROBE = "new-case-study"  # the file name answers are checked under


class NewCaseStudyError(Exception):
    """Something a person must fix before the file can be written; the message says what."""


class Stopped(NewCaseStudyError):
    """The questions were left before the end (Ctrl-C, or no more input): nothing is written."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status  # 130 for Ctrl-C (128 + SIGINT), as a shell reports it; 1 for the end of input


@dataclass
class Request:
    type: str | None = None
    title: str | None = None
    summary: str | None = None
    phases: list[str] = field(default_factory=list)
    hubs: list[str] = field(default_factory=list)
    partnership_models: list[str] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    slug: str | None = None
    date: dt.date | str | None = None  # as typed (`--date "14 March 2025"`), read by macros/content/dates.py
    draft: bool = False


def checker_messages(
    key: str, value: Any, vocabularies: Vocabularies, today: dt.date, context: Mapping[str, Any] | None = None
) -> list[str]:
    """What `casebook check` would say about ``key: value`` in a file (only that field's problems).

    The value is written as `casebook new` would write it and read back by the
    checks themselves, so an answer is refused in exactly the checker's words.
    """
    text = render_case_study({**(context or {}), key: value}, "")
    split, problems = parse_case_study(text.encode(), Path(f"{_PROBE}.md"), f"{_PROBE}.md")
    if split is None:
        return [problem.message for problem in problems]
    return [problem.message for problem in check_case_study(split, vocabularies, today)[1] if problem.field == key]


def resolve_ids(answer: Sequence[str], vocabulary: Vocabulary) -> tuple[list[str], str | None]:
    """Ids from what a person typed: ids, names or list numbers, separated by commas."""
    chosen: list[str] = []
    for raw in answer:
        for part in (piece.strip() for piece in raw.split(",")):
            if not part:
                continue
            if part.isdigit() and 1 <= int(part) <= len(vocabulary):
                entry_id = vocabulary.ids[int(part) - 1]
            elif part in vocabulary:
                entry_id = part
            else:
                suggestion = suggest_id(part, vocabulary)
                if suggestion and slugify(part) in (suggestion, slugify(vocabulary.name(suggestion))):
                    entry_id = suggestion  # the name written out, or an id in another case
                else:
                    return [], unknown_id_message(part, vocabulary)
            if entry_id not in chosen:
                chosen.append(entry_id)
    return chosen, None


def choices(vocabulary: Vocabulary, *, described: bool = False) -> str:
    """The numbered list a question offers; with ``described``, each entry's description under it."""
    lines = []
    for number, entry in enumerate(vocabulary.entries, start=1):
        lines.append(f"  {number:>2}. {entry.name} ({entry.id})")
        if described and entry.description:
            lines.append(textwrap.fill(" ".join(entry.description.split()), width=88,
                                       initial_indent=" " * 6, subsequent_indent=" " * 6, break_on_hyphens=False))
    return "\n".join(lines)


def default_slug(title: str, limit: int = 60) -> str:
    slug = slugify(title)
    if len(slug) <= limit:
        return slug
    return slug[:limit].rsplit("-", 1)[0]


class _Author:
    """Asks for (or reads from the flags) one value at a time, each checked as it is given."""

    def __init__(
        self, request: Request, vocabularies: Vocabularies, ask: Ask | None, today: dt.date, existing: Mapping[str, str]
    ) -> None:
        self.request = request
        self.vocabularies = vocabularies
        self.asker = ask
        self.today = today
        self.existing = existing  # slug -> the file that has it
        self.missing: list[str] = []
        self.problems: list[str] = []  # without a terminal to ask in, every problem is reported at once

    @property
    def interactive(self) -> bool:
        return self.asker is not None

    def ask(self, prompt: str) -> str:
        assert self.asker is not None
        try:
            return self.asker(prompt)
        except KeyboardInterrupt:
            raise Stopped(STOPPED, 130) from None
        except EOFError:
            raise Stopped(ENDED, 1) from None

    def refuse(self, name: str, flag: str, problems: Sequence[str]) -> None:
        """In a terminal, say why (then the question comes again); otherwise keep it for the report."""
        for problem in problems:
            if self.interactive:
                print(f"  {name}: {problem}")
            else:
                self.problems.append(f"{flag}: {problem}")

    # --- the file name ---------------------------------------------------------------------------

    def slug_problem(self, slug: str, hint: str) -> str | None:
        if not slug:
            return "has no letters or digits, so it cannot make a file name — use some"
        if reason := check_slug(slug):
            return reason
        if slug in self.existing:
            return (f"'{slug}' is also the file name of {self.existing[slug]} — "
                    f"two case studies cannot share a slug; {hint}")
        return None

    def check_slug_flag(self) -> None:
        """A --slug is checked before any question, so no answer is given for nothing."""
        if self.request.slug is None:
            return
        problem = self.slug_problem(self.request.slug, "give a different --slug")
        if problem is not None and self.interactive:
            raise NewCaseStudyError(f"--slug: {problem}")
        if problem is not None:
            self.problems.append(f"--slug: {problem}")

    def title_file_name(self, title: str) -> str | None:
        if self.request.slug is not None:
            return None  # the file name is the --slug, checked on its own
        hint = "choose another title" if self.interactive else "choose another --title, or give a different --slug"
        return self.slug_problem(default_slug(title), hint)

    # --- the questions -----------------------------------------------------------------------------

    def text(
        self, name: str, flag: str, question: str, low: int, high: int,
        also: Callable[[str], str | None] | None = None,
    ) -> str:
        value: str | None = getattr(self.request, name)
        while True:
            if value is not None:
                if not value.strip():
                    problems = [f"is empty — write {low} to {high} characters"]
                else:
                    problems = checker_messages(name, value, self.vocabularies, self.today)
                if not problems and also is not None and (extra := also(value.strip())):
                    problems = [extra]
                if not problems:
                    return value.strip()
                self.refuse(name, flag, problems)
                if not self.interactive:
                    return ""
            elif not self.interactive:
                self.missing.append(flag)
                return ""
            value = self.ask(f"{question} ({low} to {high} characters): ")

    def ids(
        self, given: Sequence[str], name: str, flag: str, vocabulary: Vocabulary, *, required: bool,
        single: bool = False,
    ) -> list[str]:
        answer: Sequence[str] = given
        asked = False
        while True:
            if answer or asked:
                chosen, problem = resolve_ids(answer, vocabulary)
                if problem is None and single and len(chosen) > 1:
                    problem = f"choose one {vocabulary.singular}"
                if problem is None and (chosen or not required):
                    return chosen
                self.refuse(name, flag, [problem or f"choose at least one {vocabulary.singular}"])
                if not self.interactive:
                    return []
            elif not self.interactive:
                if required:
                    self.missing.append(flag)
                return []
            many = "one" if single else "one or more, separated by commas"
            optional = "" if required else " (or press Enter to skip)"
            offered = choices(vocabulary, described=vocabulary.key in DESCRIBED)
            answer = [self.ask(f"{vocabulary.plural} — {many}{optional}:\n{offered}\n> ")]
            asked = True

    def date(self) -> dt.date:
        value: dt.date | str | None = self.request.date
        asked = False
        while True:
            if value is not None:
                date, problem = self.read_date(value)
                if date is not None:
                    if self.interactive and isinstance(value, str) and value.strip() != date.isoformat():
                        print(f"  date: {date.isoformat()} ({format_date(date)})")  # how it was read
                    return date
                assert problem is not None
                self.refuse("date", "--date", [problem])
                if not self.interactive:
                    return self.today
            elif not self.interactive:
                return self.today
            answer = self.ask(DATE_PROMPT if asked else DATE_QUESTION)
            asked = True
            if not answer.strip():
                print(f"  date: {self.today.isoformat()} (today)")
                return self.today
            value = answer

    def read_date(self, value: dt.date | str) -> tuple[dt.date | None, str | None]:
        empty = "leave it empty for today" if self.interactive else "leave out --date for today"
        try:
            date = value if isinstance(value, dt.date) else parse_date(value, if_no_day=empty)
        except DateError as error:
            return None, str(error)
        if not self.request.draft and (problem := future_problem(date, self.today)):
            if self.interactive:
                return None, f"{problem}; to start a story not published yet, run 'casebook new --draft'"
            return None, f"{problem}, or add --draft to keep it off the site until it is published"
        return date, None


def plan_new_case_study(
    request: Request, vocabularies: Vocabularies, root: Path, ask: Ask | None, today: dt.date
) -> tuple[Path, str]:
    """The path and text of the new file, or NewCaseStudyError saying what to fix
    (Stopped when the questions were left before the end)."""
    folder = root / CASE_STUDIES_DIR
    files, _ = find_case_study_files([folder] if folder.is_dir() else [], root)
    existing = {path.stem: display_path(path, root) for path in files}
    author = _Author(request, vocabularies, ask, today, existing)
    author.check_slug_flag()
    types = author.ids([request.type] if request.type else [], "type", "--type", vocabularies.types,
                       required=True, single=True)
    type_id = types[0] if types else ""
    title = author.text("title", "--title", "Title", 5, 120, also=author.title_file_name)
    summary = author.text("summary", "--summary", "Summary, one or two sentences", 20, 300)
    date = author.date()
    phases = author.ids(request.phases, "phases", "--phase", vocabularies.phases, required=True)
    hubs = author.ids(request.hubs, "hubs", "--hub", vocabularies.hubs, required=True)
    models = author.ids(
        request.partnership_models, "partnership_models", "--model", vocabularies.partnership_models,
        required=type_id in TYPES_NEEDING_MODELS,
    )
    programmes = author.ids(request.programmes, "programmes", "--programme", vocabularies.programmes, required=False)
    if author.missing:
        author.problems.append(
            "missing " + ", ".join(author.missing) + " — give them as options, or run 'casebook new' in a terminal to be asked"
        )
    if author.problems:
        raise NewCaseStudyError("\n".join(author.problems))

    slug = request.slug or default_slug(title)
    fields = {
        "title": title,
        "type": type_id,
        "date": date,
        "summary": summary,
        "phases": phases,
        "hubs": hubs,
        "partnership_models": models,
        "programmes": programmes,
        "draft": True if request.draft else None,
    }
    path = folder / f"{slug}.md"
    text = render_case_study(fields, body_template(type_id), with_comments=True)
    # The template's prompts are there to be replaced, so only they may fail; the rest must pass now.
    problems = validate(text, path, root, vocabularies, today, prompts_allowed=True)
    if problems:  # a bug of ours, never the editor's: every value was checked above
        raise NewCaseStudyError("the new file would not pass the checks:\n" + "\n".join(map(str, problems)))
    return path, text


def validate(
    text: str, path: Path, root: Path, vocabularies: Vocabularies, today: dt.date, *, prompts_allowed: bool = False
) -> list[Problem]:
    """What `casebook check` would say about ``text`` as the file ``path`` (its links are not followed).
    ``prompts_allowed``: a template's prompts left in the body are not counted (a file `casebook new` writes)."""
    split, problems = parse_case_study(text.encode(), path, path.relative_to(root).as_posix())
    if split is None:
        return problems
    found = check_case_study(split, vocabularies, today)[1]
    body = render_case_study_body(split, site=None)
    found += [Problem(split.display_path, problem.line, "body", problem.message) for problem in body.problems]
    if not prompts_allowed:
        found += [Problem(split.display_path, line, "body", message)
                  for line, message in scaffold_problems(split.body, split.body_line)]
    return found
