"""`casebook new`: a new case-study file from flags or answers, valid as written.

Each required value comes from a flag or, in a terminal, from a question that
offers the choices in ``data/`` and is asked again until the answer is valid.
The finished file is run through the same checks as `casebook check` before it
is written, and an existing file is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .checks import (
    RESERVED_SLUGS, SLUG_PATTERN, TYPES_NEEDING_MODELS, check_case_study, slugify, suggest_id, unknown_id_message,
)
from .library import CASE_STUDIES_DIR, render_case_study_body
from .loading import find_case_study_files, parse_case_study
from .model import Problem, Vocabularies, Vocabulary
from .writing import body_template, render_case_study

Ask = Callable[[str], str]
_MARKUP = re.compile(r"<[A-Za-z/!?]")


class NewCaseStudyError(Exception):
    """Something a person must fix before the file can be written; the message says what."""


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
    date: dt.date | None = None
    draft: bool = False


def text_problem(value: str, low: int, high: int) -> str | None:
    value = value.strip()
    if not low <= len(value) <= high:
        return f"it is {len(value)} character{'s' if len(value) != 1 else ''} long; write {low} to {high}"
    if "\n" in value:
        return "keep it on one line"
    if _MARKUP.search(value):
        return "write plain text: a '<' followed by a letter counts as HTML"
    return None


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


def choices(vocabulary: Vocabulary) -> str:
    return "\n".join(f"  {n:>2}. {entry.name} ({entry.id})" for n, entry in enumerate(vocabulary.entries, start=1))


def default_slug(title: str, limit: int = 60) -> str:
    slug = slugify(title)
    if len(slug) <= limit:
        return slug
    return slug[:limit].rsplit("-", 1)[0]


class _Author:
    def __init__(self, request: Request, vocabularies: Vocabularies, ask: Ask | None) -> None:
        self.request = request
        self.vocabularies = vocabularies
        self.ask = ask
        self.missing: list[str] = []
        self.problems: list[str] = []  # without a terminal to ask in, every problem is reported at once

    def text(self, name: str, flag: str, question: str, low: int, high: int) -> str:
        value: str | None = getattr(self.request, name)
        while True:
            if value is not None:
                problem = text_problem(value, low, high)
                if problem is None:
                    return value.strip()
                if self.ask is None:
                    self.problems.append(f"{flag}: {problem}")
                    return ""
                print(f"  That {name} does not work: {problem}.")
            elif self.ask is None:
                self.missing.append(flag)
                return ""
            value = self.ask(f"{question} ({low} to {high} characters): ")

    def ids(
        self, given: Sequence[str], flag: str, vocabulary: Vocabulary, *, required: bool, single: bool = False
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
                problem = problem or f"choose at least one {vocabulary.singular}"
                if self.ask is None:
                    self.problems.append(f"{flag}: {problem}")
                    return []
                print(f"  {problem[0].upper()}{problem[1:]}.")
            elif self.ask is None:
                if required:
                    self.missing.append(flag)
                return []
            many = "one" if single else "one or more, separated by commas"
            optional = "" if required else " (or press Enter to skip)"
            answer = [self.ask(f"{vocabulary.plural} — {many}{optional}:\n{choices(vocabulary)}\n> ")]
            asked = True


def plan_new_case_study(
    request: Request, vocabularies: Vocabularies, root: Path, ask: Ask | None, today: dt.date
) -> tuple[Path, str]:
    """The path and text of the new file, or NewCaseStudyError saying what to fix."""
    author = _Author(request, vocabularies, ask)
    types = author.ids([request.type] if request.type else [], "--type", vocabularies.types, required=True, single=True)
    type_id = types[0] if types else ""
    title = author.text("title", "--title", "Title", 5, 120)
    summary = author.text("summary", "--summary", "Summary, one or two sentences", 20, 300)
    phases = author.ids(request.phases, "--phase", vocabularies.phases, required=True)
    hubs = author.ids(request.hubs, "--hub", vocabularies.hubs, required=True)
    models = author.ids(
        request.partnership_models, "--model", vocabularies.partnership_models,
        required=type_id in TYPES_NEEDING_MODELS,
    )
    programmes = author.ids(request.programmes, "--programme", vocabularies.programmes, required=False)
    if author.missing:
        author.problems.append(
            "missing " + ", ".join(author.missing) + " — give them as options, or run 'casebook new' in a terminal to be asked"
        )
    if author.problems:
        raise NewCaseStudyError("\n".join(author.problems))

    slug = request.slug or default_slug(title)
    if not SLUG_PATTERN.fullmatch(slug) or slug in RESERVED_SLUGS:
        raise NewCaseStudyError(
            f"--slug: '{slug}' cannot be a file name — use lower-case letters, digits and single hyphens"
        )
    existing, _ = find_case_study_files([root / CASE_STUDIES_DIR] if (root / CASE_STUDIES_DIR).is_dir() else [], root)
    for path in existing:
        if path.stem == slug:
            shown = path.relative_to(root).as_posix()
            raise NewCaseStudyError(f"{shown} already exists — choose another title, or give a different --slug")

    fields = {
        "title": title,
        "type": type_id,
        "date": request.date or today,
        "summary": summary,
        "phases": phases,
        "hubs": hubs,
        "partnership_models": models,
        "programmes": programmes,
        "draft": True if request.draft else None,
    }
    path = root / CASE_STUDIES_DIR / f"{slug}.md"
    text = render_case_study(fields, body_template(type_id), with_comments=True)
    problems = validate(text, path, root, vocabularies, today)
    if problems:  # a bug of ours, never the editor's: every value was checked above
        raise NewCaseStudyError("the new file would not pass the checks:\n" + "\n".join(map(str, problems)))
    return path, text


def validate(text: str, path: Path, root: Path, vocabularies: Vocabularies, today: dt.date) -> list[Problem]:
    split, problems = parse_case_study(text.encode(), path, path.relative_to(root).as_posix())
    if split is None:
        return problems
    found = check_case_study(split, vocabularies, today)[1]
    body = render_case_study_body(split, site=None)
    return found + [Problem(split.display_path, problem.line, "body", problem.message) for problem in body.problems]
