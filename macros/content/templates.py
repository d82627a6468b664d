"""The bodies a new case study starts as (what `casebook new` writes), and the check that
none of their prompts is left in a case study: content rules, so the checks own them."""

from __future__ import annotations

# What a new case study's body starts as, by type: headings that suit the story
# and a line saying what goes under each. Each of those lines is a prompt for the
# editor to replace: `casebook check` refuses a body that still holds one
# (scaffold_problems, below, run by the library's checks), so a template's text is never published.
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


# Headings in the templates that are prompts too (the question itself goes there);
# every other heading is a suggestion an editor may keep.
QUESTION_HEADING = "## {n}. Question {n}, as it was asked?"
PROMPT_HEADINGS = (
    *(QUESTION_HEADING.format(n=n) for n in range(1, 6)),
    "## What was the first question?",
    "## What was the next question?",
)


def body_template(type_id: str) -> str:
    template = BODY_TEMPLATES.get(type_id, BODY_TEMPLATES["school-story"])
    questions = "".join(
        f"{QUESTION_HEADING.format(n=n)}\n\nThe answer, in reported speech.\n\n" for n in range(1, 6)
    )
    return template.format(questions=questions) if "{questions}" in template else template


def prompt_lines() -> frozenset[str]:
    """Every line of every template that is there to be replaced: its text lines and its prompt headings."""
    lines: set[str] = set()
    for type_id in BODY_TEMPLATES:
        for line in body_template(type_id).splitlines():
            stripped = line.strip()
            if stripped and (not stripped.startswith("#") or stripped in PROMPT_HEADINGS):
                lines.add(stripped)
    return frozenset(lines)


PROMPT_LINES = prompt_lines()


def scaffold_problems(body: str, first_line: int) -> list[tuple[int, str]]:
    """(line, message) for each body line that is still a template's prompt, exactly, after stripping."""
    return [
        (number, f"this is the template's prompt ('{line.strip()}') — replace it with your own words")
        for number, line in enumerate(body.split("\n"), start=first_line)
        if line.strip() in PROMPT_LINES
    ]
