"""Writing case-study files: what `casebook new` and the issue-form converter produce.

The front matter is emitted with python-frontmatter's YAML handler (PyYAML's
safe dumper), one field at a time so id lists stay on one line and people,
trust and school read as indented blocks. Every file written here passes
`casebook check` as written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from frontmatter.default_handlers import YAMLHandler

from .checks import FIELDS

# The order fields are written in: the contract's table.
FIELD_ORDER = FIELDS
ID_LISTS = {"phases", "hubs", "partnership_models", "programmes"}

OPTIONAL_FIELDS_COMMENT = """\
# Optional fields: remove the '# ' in front of the ones you use.
# trust:
#   name: Name of the trust
#   schools: 12                 # how many schools it has
#   counties: [Dorset, Wiltshire]
# school:
#   name: Name of the school
#   location: Town or area
#   age_range: "4-11"
#   pupils: 210
#   fsm_percent: 24             # % of pupils eligible for free school meals, no % sign
#   setting: e.g. special school, three mixed-age classes
# people:
#   - name: Full name
#     role: Their role, and where
# source:
#   title: Title of the original publication
#   publisher: Who published it
#   date: 2025-11-28
#   url: https://www.example.org/the-original
# draft: true                   # keeps it off the site until you remove this line
"""

_HANDLER = YAMLHandler()


def dump_field(key: str, value: Any) -> str:
    flow = key in ID_LISTS or key == "counties"
    text: str = _HANDLER.export({key: value}, sort_keys=False, default_flow_style=None if flow else False, width=88)
    return text.rstrip("\n") + "\n"


def render_case_study(fields: Mapping[str, Any], body: str, *, with_comments: bool = False) -> str:
    """A complete case-study file: front matter in the contract's order, then the body."""
    unknown = set(fields) - set(FIELD_ORDER)
    if unknown:
        raise ValueError(f"not content-model fields: {sorted(unknown)}")
    front = "".join(dump_field(key, fields[key]) for key in FIELD_ORDER if fields.get(key) not in (None, [], ()))
    comments = OPTIONAL_FIELDS_COMMENT if with_comments else ""
    # Only the blank lines around the body go: its first line's indentation is the editor's.
    return f"---\n{front}{comments}---\n\n{body.lstrip(chr(10)).rstrip()}\n"


# What a new case study's body starts as, by type: headings that suit the story
# and a line saying what goes under each. Placeholders are plain text, so the
# file passes the checks the moment it is created.
BODY_TEMPLATES: dict[str, str] = {
    "find-out-in-five": """\
Introduce the interview in a sentence or two: who spoke to whom, and about what.

{questions}""",
    "trust-model": """\
Describe the trust: how many schools, which phases, where, and which Maths Hubs it works with.

## How the partnership began

Who started it, when, and why.

## How the trust works with its hubs

Which of the partnership models the trust uses, and how. Say what people said in reported speech.

## What has changed

The difference it has made to teachers, leaders and pupils, with any figures the source gives.

## What comes next

The trust's plans, and its advice to other trusts.
""",
    "school-story": """\
Set the scene: the school, its pupils, and its Maths Hub.

## Where the school started

What the school wanted to improve, and why.

## What the school did with the hub

The programme or Work Group, who took part, and what they tried.

## What changed

The difference it made, with any figures the source gives.

## What the school would tell others

Advice from the people involved, in reported speech.
""",
    "q-and-a": """\
Introduce the person and their role in a sentence or two.

## What was the first question?

Their answer, in reported speech.

## What was the next question?

Their answer, in reported speech.
""",
    "profile": """\
Introduce the person: their role now, their school or trust, and their Maths Hub.

## Their path

- Year: a step along the way.
- Year: the next step.

## What it has meant to them

Their reflections, in reported speech.
""",
    "research": """\
What the research or evaluation set out to find, and who took part.

## What was done

How the work was carried out.

## What was found

The findings, with the figures the source gives.

## What comes next

How the findings will be used.
""",
    "perspective": """\
Whose view this is, when it was given, and the context.

## The argument

What they said, in reported speech.

## What it means for trusts and schools

The practical points for a trust or school leader.
""",
}


def body_template(type_id: str) -> str:
    template = BODY_TEMPLATES.get(type_id, BODY_TEMPLATES["school-story"])
    questions = "".join(
        f"## {n}. Question {n}, as it was asked?\n\nThe answer, in reported speech.\n\n" for n in range(1, 6)
    )
    return template.format(questions=questions) if "{questions}" in template else template


def today() -> dt.date:
    return dt.datetime.now(dt.timezone.utc).date()
