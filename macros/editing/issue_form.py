"""A GitHub issue form for people who will not touch Markdown, and the
converter that turns a submitted form into a case-study file.

The form's dropdowns are generated from ``data/`` (`casebook issue-form`), so
they always offer exactly the ids the checks accept; a test fails when the
committed form is out of date. GitHub renders a submitted form as Markdown:
one ``### Label`` section per field, multi-select answers joined with ", ",
and ``_No response_`` for a blank one. The converter reads that by the form's
own labels, in their order (a ``###`` an editor types in the story is the
story's), builds the file with the same writer as `casebook new`, and checks
it with the same checks as `casebook check`; problems are reported by form
label, not YAML key. Nothing is published without the permission box ticked.

The reply on the issue is the bot's voice, so nothing from the form is ever
live in it: problems quote the form in code spans, and the preview of a case
study that passed escapes its text and breaks mentions and bare addresses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from macros.editing.authoring import default_slug, validate
from macros.content.checks import SLUG_PATTERN, control_character, control_character_message
from macros.content.dates import DateError, future_problem, parse_date, parse_source_date
from macros.content.library import CASE_STUDIES_DIR
from macros.content.loading import find_case_study_files
from macros.content.model import Problem, Vocabularies
from macros.content.reporting import code_span
from macros.editing.writing import render_case_study

FORM_PATH = ".github/ISSUE_TEMPLATE/case-study.yml"
LABEL = "case-study"
NO_RESPONSE = "_No response_"


@dataclass(frozen=True)
class FormField:
    id: str
    kind: str  # input, textarea, dropdown, checkboxes
    label: str
    description: str = ""
    required: bool = False
    vocabulary: str | None = None  # dropdown options come from this data/ file
    multiple: bool = False
    placeholder: str = ""


FIELDS: tuple[FormField, ...] = (
    FormField("title", "input", "Title", "5 to 120 characters, in your own words. For example: How our trust grew its own Mastery Specialists.", True),
    FormField("type", "dropdown", "Type of case study", "What kind of story this is.", True, "types"),
    FormField("summary", "textarea", "Summary", "20 to 300 characters: what a trust or school leader will learn from it.", True),
    FormField(
        "date", "input", "Date first published",
        "The day the story was first published, if it was, such as 14/03/2025 or 14 March 2025 (day first). "
        "You may leave it empty: the casebook then uses the Source date below if it gives the day, "
        "otherwise the day the casebook adds the case study.",
    ),
    FormField("phases", "dropdown", "Phases", "The phases of education it is about.", True, "phases", True),
    FormField("hubs", "dropdown", "Maths Hubs", "The Maths Hubs involved.", True, "hubs", True),
    FormField(
        "partnership_models", "dropdown", "Partnership models",
        "How the trust works with its hub(s). Needed for a trust model or a Find Out in Five.", False,
        "partnership_models", True,
    ),
    FormField("programmes", "dropdown", "Programmes", "Maths Hub programmes or Work Groups it mentions.", False, "programmes", True),
    FormField("trust_name", "input", "Trust name", "If the story is about a trust."),
    FormField("trust_schools", "input", "Number of schools in the trust", "A whole number, such as 28."),
    FormField("trust_counties", "input", "Counties the trust covers", "Separated by commas, such as Dorset, Wiltshire."),
    FormField("school_name", "input", "School name", "If the story is about one school or college."),
    FormField("school_location", "input", "School location", "Town or area."),
    FormField("school_age_range", "input", "Age range", "Youngest and oldest ages, such as 4-11."),
    FormField("school_pupils", "input", "Number of pupils", "A whole number, such as 210."),
    FormField("school_fsm_percent", "input", "Pupils eligible for free school meals (%)", "A number from 0 to 100, without the % sign."),
    FormField("school_setting", "input", "Setting", "For example: special school, or three mixed-age classes."),
    FormField("people", "textarea", "People", "One person a line, as: Name, role.", placeholder="Jane Smith, maths lead"),
    FormField("source_title", "input", "Source title", "The publication the facts come from, if any."),
    FormField("source_publisher", "input", "Source publisher"),
    FormField(
        "source_date", "input", "Source date",
        "As the source gives it: a day (14/03/2025 or 14 March 2025), a month (March 2025) or just the year.",
    ),
    FormField("source_url", "input", "Source web address", "Starting https://"),
    FormField(
        "story", "textarea", "The story",
        "In your own words. Report what people said (\"Kat explained that…\") rather than quoting them. "
        "Use ## for headings; a Find Out in Five needs its five questions as '## 1. …' to '## 5. …'. No HTML.",
        True,
    ),
)
PERMISSION = "I have permission to share this, it is written in my own words, and it contains no personal data about pupils."
LABELS = {form_field.id: form_field.label for form_field in FIELDS}
# A problem's field (a front-matter key) shown to the person who filled the form.
PROBLEM_LABELS = {
    "title": "Title", "type": "Type of case study", "summary": "Summary", "date": "Date first published",
    "phases": "Phases", "hubs": "Maths Hubs",
    "partnership_models": "Partnership models", "programmes": "Programmes", "trust.name": "Trust name",
    "trust.schools": "Number of schools in the trust", "trust.counties": "Counties the trust covers",
    "school.name": "School name", "school.location": "School location", "school.age_range": "Age range",
    "school.pupils": "Number of pupils", "school.fsm_percent": "Pupils eligible for free school meals (%)",
    "school.setting": "Setting", "source.title": "Source title", "source.publisher": "Source publisher",
    "source.date": "Source date", "source.url": "Source web address", "body": "The story", "slug": "Title",
}


def build_issue_form(vocabularies: Vocabularies) -> str:
    """The issue form's YAML, with dropdowns from data/."""
    body: list[dict[str, Any]] = [
        {
            "type": "markdown",
            "attributes": {
                "value": (
                    "Thank you for sharing how your trust or school works with its Maths Hub. Fill in what you "
                    "know; the checks tell you, in a comment on this issue, anything that needs changing. When "
                    "everything is in order a pull request is opened for the editors to review."
                )
            },
        }
    ]
    for form_field in FIELDS:
        attributes: dict[str, Any] = {"label": form_field.label}
        if form_field.description:
            attributes["description"] = form_field.description
        if form_field.placeholder:
            attributes["placeholder"] = form_field.placeholder
        if form_field.vocabulary:
            attributes["multiple"] = form_field.multiple
            attributes["options"] = [entry.name for entry in vocabularies[form_field.vocabulary]]
        item: dict[str, Any] = {"type": form_field.kind, "id": form_field.id.replace("_", "-"), "attributes": attributes}
        if form_field.required:
            item["validations"] = {"required": True}
        body.append(item)
    body.append({
        "type": "checkboxes",
        "id": "permission",
        "attributes": {"label": "Permission", "options": [{"label": PERMISSION, "required": True}]},
    })
    form = {
        "name": "Share a case study",
        "description": "Tell us how your trust or school works with its Maths Hub; we turn it into a case study.",
        "title": "Case study: ",
        "labels": [LABEL],
        "body": body,
    }
    header = "# Generated from data/ by `casebook issue-form`: do not edit by hand, run it again.\n"
    return header + yaml.safe_dump(form, sort_keys=False, allow_unicode=True, width=100)


PERMISSION_LABEL = "Permission"
FREE_TEXT = "story"  # the field most likely to hold a '###' of the editor's own
_TICKED = re.compile(r"(?m)^[-*] \[[xX]\] " + re.escape(PERMISSION[:60]))


def _headings(text: str, label: str) -> list[re.Match[str]]:
    return list(re.finditer(rf"(?m)^### {re.escape(label)}[ \t]*$", text))


def parse_issue_body(body: str) -> dict[str, str]:
    """The answers of a submitted form, by field id (blank answers left out; ``permission`` holds its box).

    Sections are found by the form's own labels, in the form's order: the fields
    before the story from the top, those after it from the bottom, so a story
    may hold any '### …' line, even a label, and keeps every character typed.
    """
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    order = [(form_field.id, form_field.label) for form_field in FIELDS] + [("permission", PERMISSION_LABEL)]
    split = next(index for index, (field_id, _) in enumerate(order) if field_id == FREE_TEXT)
    found: dict[str, re.Match[str]] = {}
    position = 0
    for field_id, label in order[: split + 1]:
        heading = next((match for match in _headings(text, label) if match.start() >= position), None)
        if heading is not None:
            found[field_id] = heading
            position = heading.end()
    limit = len(text)
    for field_id, label in reversed(order[split + 1 :]):
        heading = next((match for match in reversed(_headings(text, label))
                        if position <= match.start() and match.end() <= limit), None)
        if heading is not None:
            found[field_id] = heading
            limit = heading.start()
    starts = sorted((match.start(), match.end(), field_id) for field_id, match in found.items())
    answers: dict[str, str] = {}
    for index, (_, end, field_id) in enumerate(starts):
        following = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        value = text[end:following].strip("\n").rstrip()
        if field_id != FREE_TEXT:
            value = value.strip()
        if value and value != NO_RESPONSE:
            answers[field_id] = value
    return answers


def permission_given(answers: Mapping[str, str]) -> bool:
    """The permission box is ticked (GitHub writes '- [X] …'); unticked or removed is no."""
    return bool(_TICKED.search(answers.get("permission", "")))


@dataclass
class Conversion:
    path: Path | None = None
    text: str = ""
    title: str = ""
    problems: list[tuple[str, str]] = field(default_factory=list)  # (form label, what to change)
    fields: dict[str, Any] = field(default_factory=dict)  # the front matter, for the preview
    story: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems and self.path is not None

    def add(self, label: str, message: str) -> None:
        self.problems.append((label, message))

    @property
    def lines(self) -> list[str]:
        """The problems as plain lines, for a terminal."""
        return [f"{label}: {message}" for label, message in self.problems]


def _names_to_ids(answer: str | None, vocabulary_key: str, vocabularies: Vocabularies) -> tuple[list[str], list[str]]:
    if not answer:
        return [], []
    vocabulary = vocabularies[vocabulary_key]
    by_name = {entry.name: entry.id for entry in vocabulary}
    ids, unknown = [], []
    for name in (part.strip() for part in answer.split(", ")):
        if name in by_name:
            ids.append(by_name[name])
        elif name in vocabulary:
            ids.append(name)
        else:
            unknown.append(name)
    return ids, unknown


def _number(text: str | None) -> Any:
    """'28' -> 28, '46.5' -> 46.5; anything else stays text for the checks to explain."""
    if text is None:
        return None
    cleaned = text.strip()
    if re.fullmatch(r"\d+", cleaned):
        return int(cleaned)
    if re.fullmatch(r"\d+\.\d+", cleaned):
        return float(cleaned)
    return cleaned


def _source_date(text: str | None, conversion: Conversion) -> Any:
    """The source's date as it states it: a date, '2025-03' or the year 2025 (macros/content/dates.py reads it);
    anything else is reported by its label and left out."""
    if not text:
        return None
    try:
        value = parse_source_date(text)
    except DateError as error:
        conversion.add(LABELS["source_date"], str(error))
        return None
    return int(value) if isinstance(value, str) and value.isdigit() else value


def _case_study_date(answers: Mapping[str, str], conversion: Conversion, today: dt.date) -> dt.date:
    """The case study's ``date``: the day the original was published where its source states it, otherwise
    the day the casebook first publishes it (contract). That is "Date first published", else the Source date
    when it is a day, else today: the day this conversion adds the case study (it runs again on every edit
    of the issue, so a form fixed a week later gets that later day, nearer the day the pull request is merged
    than the day the issue was opened). A date in the future is refused: a form cannot make a draft."""
    label = LABELS["date"]
    written = answers.get("date")
    if written:
        shown = " ".join(written.split())
        try:
            date = parse_date(written, if_no_day=f"leave this empty and give '{shown}' as the Source date")
        except DateError as error:
            conversion.add(label, str(error))
            return today
        if problem := future_problem(date, today):
            conversion.add(label, problem)
            return today
        return date
    try:
        source = parse_source_date(answers.get("source_date") or "")
    except DateError:
        return today  # reported under its own label
    return source if isinstance(source, dt.date) and future_problem(source, today) is None else today


# How people write "Name, role" on one line: the first of these separates the two...
_ROLE_SEPARATORS = re.compile(r", | - | – | — |: ")
# ...unless the role comes first in brackets at the end: "Sam Patel (maths lead, Year 6)".
_ROLE_IN_BRACKETS = re.compile(r"\s\((?P<role>[^()]*)\)$")


def person_and_role(line: str) -> tuple[str, str]:
    """A line of the People answer as (name, role): "Sam Patel, maths lead", "Sam Patel - maths
    lead" (or with – or —), "Sam Patel: maths lead", "Sam Patel (maths lead)". The role is empty
    when the line gives none; a list marker before the name is dropped."""
    text = line.strip().lstrip("-*• ").strip()
    separator = _ROLE_SEPARATORS.search(text)
    bracket = _ROLE_IN_BRACKETS.search(text)
    if bracket is not None and (separator is None or bracket.start() < separator.start()):
        return text[: bracket.start()].strip(), bracket.group("role").strip()
    if separator is not None:
        return text[: separator.start()].strip(), text[separator.end() :].strip()
    return text, ""


def case_study_from_issue(
    issue: Mapping[str, Any], root: Path, vocabularies: Vocabularies, today: dt.date
) -> Conversion:
    """A case-study file from a submitted issue form (the ``issue`` of a GitHub event)."""
    answers = parse_issue_body(str(issue.get("body") or ""))
    conversion = Conversion(title=answers.get("title", ""))
    if not permission_given(answers):
        conversion.add(PERMISSION_LABEL, (
            "the box saying you have permission to share this is not ticked — the casebook publishes a case "
            "study only with that permission: edit the issue and tick the box (or add it back, as "
            f"'- [X] {PERMISSION}')"))
    fields: dict[str, Any] = {
        "title": answers.get("title"),
        "summary": answers.get("summary"),
    }
    for key, vocabulary_key in (
        ("type", "types"), ("phases", "phases"), ("hubs", "hubs"),
        ("partnership_models", "partnership_models"), ("programmes", "programmes"),
    ):
        ids, unknown = _names_to_ids(answers.get(key), vocabulary_key, vocabularies)
        for name in unknown:
            conversion.add(LABELS[key], f"'{name}' is not one of the choices — pick from the list")
        fields[key] = (ids[0] if ids else None) if key == "type" else ids
    fields["date"] = _case_study_date(answers, conversion, today)
    if answers.get("trust_name"):
        counties = [part.strip() for part in answers.get("trust_counties", "").split(",") if part.strip()]
        fields["trust"] = {
            key: value for key, value in (
                ("name", answers["trust_name"]),
                ("schools", _number(answers.get("trust_schools"))),
                ("counties", counties or None),
            ) if value is not None
        }
    if answers.get("school_name"):
        fields["school"] = {
            key: value for key, value in (
                ("name", answers["school_name"]),
                ("location", answers.get("school_location")),
                ("age_range", answers.get("school_age_range")),
                ("pupils", _number(answers.get("school_pupils"))),
                ("fsm_percent", _number((answers.get("school_fsm_percent") or "").rstrip("%") or None)),
                ("setting", answers.get("school_setting")),
            ) if value is not None
        }
    people = []
    for line in answers.get("people", "").splitlines():
        name, role = person_and_role(line)
        if name:
            people.append({"name": name, "role": role} if role else {"name": name})
    fields["people"] = people
    source = {
        key: value for key, value in (
            ("title", answers.get("source_title")),
            ("publisher", answers.get("source_publisher")),
            ("date", _source_date(answers.get("source_date"), conversion)),
            ("url", answers.get("source_url")),
        ) if value is not None
    }
    fields["source"] = source or None

    # An invisible character would reach the file, then the workflow's outputs: refused by label, before
    # anything is written (the checker refuses the same in a file from a pull request).
    for form_field in FIELDS:
        answer = answers.get(form_field.id)
        found = control_character(answer, allowed="" if form_field.kind == "input" else "\n\t") if answer else None
        if found is not None:
            conversion.add(form_field.label, control_character_message(found))
    if any(message.startswith("contains an invisible") for _, message in conversion.problems):
        return conversion
    title = fields["title"] or ""
    slug = default_slug(title) if title else ""
    if not slug or not SLUG_PATTERN.fullmatch(slug):
        conversion.add(LABELS["title"], "needs letters or digits, so the case study can have a web address")
        return conversion
    existing, _ = find_case_study_files([root / CASE_STUDIES_DIR] if (root / CASE_STUDIES_DIR).is_dir() else [], root)
    for path in existing:
        if path.stem == slug:
            conversion.add(LABELS["title"], (
                f"a case study with a very similar title already exists "
                f"({path.relative_to(root).as_posix()}) — change the title a little"))
            return conversion

    path = root / CASE_STUDIES_DIR / f"{slug}.md"
    conversion.fields, conversion.story = fields, answers.get("story", "")
    text = render_case_study(fields, conversion.story)
    conversion.problems += [_for_people(problem) for problem in validate(text, path, root, vocabularies, today)]
    if not conversion.problems:
        conversion.path, conversion.text = path, text
    return conversion


def _for_people(problem: Problem) -> tuple[str, str]:
    label = PROBLEM_LABELS.get(problem.field) or PROBLEM_LABELS.get(problem.field.split(".")[0])
    if problem.field.startswith("people."):
        label = f"People (person {problem.field.split('.')[1]})"
    if problem.field == "front matter":
        label = "The form"
    return label or problem.field, problem.message


# --- the reply on the issue and the pull request's body ------------------------------------

EDIT_HINT = "Edit this issue to fix them (use the **…** menu, then **Edit**); the checks run again when you save."


def problems_comment(conversion: Conversion) -> str:
    """What to change, each problem's words in a code span: whatever the form held, nothing in it is live."""
    items = "\n".join(f"- **{label}**: {code_span(message)}" for label, message in conversion.problems)
    return (
        "Thank you for sharing this case study. A few things need changing before it can be added:\n\n"
        f"{items}\n\n{EDIT_HINT}"
    )


def reply_comment(conversion: Conversion, vocabularies: Vocabularies) -> str:
    """The reply on the issue, whether the form passed or not."""
    if not conversion.ok:
        return problems_comment(conversion)
    return (
        "Thank you for sharing this case study: it passed the checks, and a pull request is open for the editors "
        "to review. Here is how it will read. To change something, edit this issue (the **…** menu, then "
        "**Edit**) before the review starts; after that, comment on the pull request.\n\n"
        + preview(conversion, vocabularies)
    )


def pull_request_body(conversion: Conversion, vocabularies: Vocabularies, issue_number: object) -> str:
    shown = conversion.path.name if conversion.path else ""
    return (
        f"Adds `case_studies/{shown}` from the form in #{issue_number}. Closes #{issue_number}.\n\n"
        "The editors review the words against the source before merging.\n\n" + preview(conversion, vocabularies)
    )


def preview(conversion: Conversion, vocabularies: Vocabularies) -> str:
    """How the case study will read, as GitHub Markdown: title, summary, the facts box and the story.

    The fields are plain text on the site, so here they are escaped and their
    mentions and bare addresses broken; the story is Markdown that passed the
    case-study checks (no HTML, no other site's images), shown as GitHub renders it,
    with its mentions broken too.
    """
    fields = conversion.fields
    rows = [("Type", vocabularies.types.name(str(fields.get("type") or "")))]
    for key, label in (("phases", "Phases"), ("hubs", "Maths Hubs"), ("partnership_models", "Partnership models"),
                       ("programmes", "Programmes")):
        if fields.get(key):
            rows.append((label, ", ".join(vocabularies[key].name(entry_id) for entry_id in fields[key])))
    trust, school = fields.get("trust") or {}, fields.get("school") or {}
    if trust:
        details = [str(trust["name"])]
        if trust.get("schools"):
            details.append(f"{trust['schools']} schools")
        if trust.get("counties"):
            details.append(", ".join(map(str, trust["counties"])))
        rows.append(("Trust", " · ".join(details)))
    if school:
        parts = [str(school[key]) for key in ("name", "location", "setting") if school.get(key)]
        if school.get("age_range"):
            parts.append(f"ages {school['age_range']}")
        if school.get("pupils"):
            parts.append(f"{school['pupils']} pupils")
        if school.get("fsm_percent") is not None:
            parts.append(f"{school['fsm_percent']}% eligible for free school meals")
        rows.append(("School", " · ".join(parts)))
    for person in fields.get("people") or []:
        rows.append(("Person", ", ".join(str(person[key]) for key in ("name", "role") if person.get(key))))
    source = fields.get("source") or {}
    if source:
        rows.append(("Source", ", ".join(str(source[key]) for key in ("title", "publisher", "date", "url") if source.get(key))))
    if fields.get("date"):
        rows.append(("Date", str(fields["date"])))
    table = "\n".join(f"| {label} | {gfm_text(value)} |" for label, value in rows)
    return (
        f"## {gfm_text(str(fields.get('title') or ''))}\n\n"
        f"{gfm_text(str(fields.get('summary') or ''))}\n\n"
        f"| At a glance | |\n|---|---|\n{table}\n\n"
        "---\n\n"
        f"{break_mentions(conversion.story.strip())}\n\n"
        "---\n\n"
        "_On the site, boxes such as `!!! note` and footnotes are styled; GitHub shows them as plain text._\n"
    )


_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&:])")
_WORD_JOINER = "\u2060"


def break_mentions(text: str) -> str:
    """Mentions (@team), e-mail addresses and bare web addresses no longer link or notify anyone:
    an invisible word joiner after '@', '://' and 'www.'. Only for replies, never for the file."""
    text = text.replace("@", "@" + _WORD_JOINER)
    text = re.sub(r"(?i)(://|www\\?\.)", lambda match: match.group(1) + _WORD_JOINER, text)
    return text


def gfm_text(text: str) -> str:
    """Plain text as GitHub Markdown that shows it exactly and makes nothing of it: one line, every
    punctuation mark that could start markup escaped, mentions and addresses broken."""
    one_line = " ".join(text.split())
    return break_mentions(_MARKDOWN_PUNCTUATION.sub(r"\\\1", one_line))
