"""The editors' field reference, rendered at build time from the checks' own list
of fields and from data/, so the "Submit a case study" page never drifts."""

from __future__ import annotations

from macros.content.checks import FIELDS, TYPES_NEEDING_MODELS
from macros.content.model import Vocabulary
from macros.site.render import e

# field: (required, what to write). The order and the set are the checks' own (a test keeps them in step).
GUIDE: dict[str, tuple[str, str]] = {
    "title": ("Yes", "5 to 120 characters of plain text, in your own words."),
    "type": ("Yes", "One type id (below)."),
    "date": ("Yes", "The day the original was published where its source states it, otherwise the day the casebook "
             "adds the story, as YYYY-MM-DD. Not in the future unless it is a draft."),
    "summary": ("Yes", "20 to 300 characters of plain text: what a trust or school leader will learn. Shown on cards."),
    "phases": ("Yes", "One or more phase ids (below)."),
    "hubs": ("Yes", "One or more Maths Hub ids (below)."),
    "partnership_models": (
        "For " + " and ".join(TYPES_NEEDING_MODELS),
        "One or more partnership model ids (below): how the trust works with its hub.",
    ),
    "programmes": ("No", "Programme ids (below) the story mentions."),
    "trust": ("No", "name (required inside), schools (a whole number), counties (a list of names)."),
    "school": (
        "No",
        "name (required inside), location, age_range (such as \"4-11\"), pupils (a whole number), "
        "fsm_percent (0 to 100, no % sign), setting (such as special school).",
    ),
    "people": ("No", "A list, each with name (required) and role."),
    "source": ("No", "title, publisher, date and url of the publication the facts come from, each only as "
               "the source itself states it: leave out a day or an address it does not give."),
    "draft": ("No", "true keeps it off the site (it is still checked); remove it to publish."),
}


def render_field_table() -> str:
    missing = [field for field in FIELDS if field not in GUIDE]
    if missing:
        raise KeyError(f"fields with no guide entry: {missing}")
    rows = "\n".join(
        f"<tr><th scope=\"row\"><code>{e(field)}</code></th><td>{e(GUIDE[field][0])}</td><td>{e(GUIDE[field][1])}</td></tr>"
        for field in FIELDS
    )
    return (
        # Scrolls sideways on a narrow screen: focusable and named, so a keyboard can scroll it.
        '<div class="cb-table" tabindex="0" role="region" aria-label="The fields of a case study"><table>\n'
        '<caption>The fields of a case study</caption>\n'
        '<thead><tr><th scope="col">Field</th><th scope="col">Needed?</th><th scope="col">What to write</th></tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody></table></div>"
    )


# Where a choice needs explaining, the page shows what each entry means (from data/).
EXPLAINED = ("types", "partnership_models", "programmes")


def render_allowed_values(vocabulary: Vocabulary) -> str:
    """Every id of one vocabulary with its name (and, for types, models and programmes, what it means),
    the values the checks accept."""
    explained = vocabulary.key in EXPLAINED
    rows = "\n".join(
        f"<tr><td><code>{e(entry.id)}</code></td><td>{e(entry.name)}</td>"
        + (f"<td>{e(entry.description)}</td>" if explained else "")
        + "</tr>"
        for entry in vocabulary
    )
    meaning = '<th scope="col">What it means</th>' if explained else ""
    caption = f"{vocabulary.plural}: the ids you can use"
    return (
        f'<div class="cb-table" tabindex="0" role="region" aria-label="{e(caption)}"><table>\n'
        f"<caption>{e(caption)}</caption>\n"
        f'<thead><tr><th scope="col">Write</th><th scope="col">For</th>{meaning}</tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody></table></div>"
    )
