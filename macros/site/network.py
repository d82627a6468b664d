"""The hubs network on /hubs/: which trusts and schools work with which Maths Hubs.

Drawn at build time as inline SVG (no script, nothing fetched): trusts and
schools on the left, hubs on the right, a line for each partnership the case
studies describe. The same links follow as a list, which is what a screen
reader reads and what a narrow screen shows best. With a large library the
picture and the list keep to the organisations with most case studies and say
how many more there are.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from dataclasses import dataclass

from macros.content.index import CaseStudyIndex
from macros.content.model import VocabularyEntry
from macros.site.render import e, entry_url
from macros.content.wording import plural

MAX_ORGANISATIONS = 40  # beyond this the lines are too many to follow
ROW = 30  # px between rows
WIDTH = 680
LEFT_EDGE = 300  # organisation labels end here
RIGHT_EDGE = 460  # hub labels start here
WRAP_AT = 38  # characters per label line


@dataclass(frozen=True)
class Organisation:
    name: str
    kind: str  # "trust" or "school"
    case_studies: int
    hubs: tuple[str, ...]  # hub ids, in the vocabulary's order


def organisations(index: CaseStudyIndex) -> list[Organisation]:
    """Each trust (or, when a case study names no trust, its school) with the hubs it works with.

    Most case studies first, then by name.
    """
    hub_order = {hub_id: position for position, hub_id in enumerate(index.vocabularies.hubs.ids)}
    hubs: dict[tuple[str, str], set[str]] = defaultdict(set)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for case_study in index.case_studies:
        if case_study.trust is not None:
            key = ("trust", case_study.trust.name)
        elif case_study.school is not None:
            key = ("school", case_study.school.name)
        else:
            continue
        hubs[key].update(case_study.hubs)
        counts[key] += 1
    found = [
        Organisation(name, kind, counts[(kind, name)], tuple(sorted(hubs[(kind, name)], key=hub_order.__getitem__)))
        for kind, name in hubs
    ]
    return sorted(found, key=lambda o: (-o.case_studies, o.name.casefold(), o.kind))


def render_network(index: CaseStudyIndex, root: str) -> str:
    """The picture and the list, under their own heading; nothing when no case study names a trust or school."""
    everyone = organisations(index)
    if not everyone:
        return ""
    shown = everyone[:MAX_ORGANISATIONS]
    hubs = [hub for hub in index.vocabularies.hubs if any(hub.id in o.hubs for o in shown)]
    trusts = sum(1 for o in shown if o.kind == "trust")
    schools = len(shown) - trusts
    summary = (
        f"{plural(trusts, 'trust')} and {plural(schools, 'school')} linked to the "
        f"{plural(len(hubs), 'Maths Hub')} they work with."
    )
    more = len(everyone) - len(shown)
    note = (
        f'<p class="cb-network__more">These are the {len(shown)} trusts and schools with most case studies; '
        f'{plural(more, "other")} appear in the <a href="{e(root)}case-studies/">case study finder</a>.</p>'
        if more
        else ""
    )
    return (
        '<h2 id="who-works-with-which-hub">Who works with which hub</h2>\n'
        "<p>Trusts (and schools, where a case study names no trust) and the Maths Hubs their case studies "
        "describe working with. The list after the picture says the same.</p>\n"
        + _picture(shown, hubs, summary)
        + note
        + _list(shown, hubs, root)
    )


def _label(name: str) -> list[str]:
    return textwrap.wrap(name, WRAP_AT)[:2] or [name]


def _picture(shown: list[Organisation], hubs: list[VocabularyEntry], summary: str) -> str:
    hub_row = {hub.id: row for row, hub in enumerate(hubs)}
    # Each organisation sits level with the average of its hubs, which keeps lines short
    # and crossings few; then they are spread out one row apart.
    placed = sorted(shown, key=lambda o: (sum(hub_row[h] for h in o.hubs) / len(o.hubs), o.name.casefold()))
    rows = max(len(placed), len(hubs))
    top = ROW + 12  # below the legend
    height = top + rows * ROW
    left_top = (rows - len(placed)) * ROW / 2 + top
    right_top = (rows - len(hubs)) * ROW / 2 + top
    y_of_org = {(o.kind, o.name): left_top + row * ROW for row, o in enumerate(placed)}
    y_of_hub = {hub.id: right_top + row * ROW for row, hub in enumerate(hubs)}
    lines, nodes = [], []
    middle = (LEFT_EDGE + RIGHT_EDGE) / 2
    for o in placed:
        y1 = y_of_org[(o.kind, o.name)]
        for hub_id in o.hubs:
            y2 = y_of_hub[hub_id]
            lines.append(
                f'<path class="cb-network__line" d="M{LEFT_EDGE + 10} {y1:g} C{middle:g} {y1:g} {middle:g} {y2:g} '
                f'{RIGHT_EDGE - 10} {y2:g}"/>'
            )
        marker = (
            f'<circle class="cb-network__trust" cx="{LEFT_EDGE + 10}" cy="{y1:g}" r="5"/>'
            if o.kind == "trust"
            else f'<rect class="cb-network__school" x="{LEFT_EDGE + 5}" y="{y1 - 5:g}" width="10" height="10"/>'
        )
        nodes.append(marker + _text(_label(o.name), LEFT_EDGE, y1, "end"))
    for hub in hubs:
        y2 = y_of_hub[hub.id]
        nodes.append(
            f'<circle class="cb-network__hub" cx="{RIGHT_EDGE - 10}" cy="{y2:g}" r="6"/>'
            + _text(_label(hub.name), RIGHT_EDGE, y2, "start")
        )
    legend = (
        f'<g class="cb-network__legend"><circle class="cb-network__trust" cx="6" cy="10" r="5"/>'
        f'<text x="16" y="14">Trust</text>'
        f'<rect class="cb-network__school" x="71" y="5" width="10" height="10"/><text x="86" y="14">School</text>'
        f'<circle class="cb-network__hub" cx="{RIGHT_EDGE - 10}" cy="10" r="6"/>'
        f'<text x="{RIGHT_EDGE}" y="14">Maths Hub</text></g>'
    )
    return (
        '<figure class="cb-network">\n'
        '<div class="cb-network__scroll" role="region" aria-label="Picture of trusts and schools and their Maths Hubs" '
        'tabindex="0">\n'
        f'<svg class="cb-network__svg" viewBox="0 0 {WIDTH} {height:g}" width="{WIDTH}" height="{height:g}" '
        'role="img" aria-labelledby="cb-network-title cb-network-desc">\n'
        f'<title id="cb-network-title">Which trusts and schools work with which Maths Hubs</title>\n'
        f'<desc id="cb-network-desc">{e(summary)} The list after the picture gives each hub with its trusts and schools.</desc>\n'
        f"{legend}\n" + "\n".join(lines) + "\n" + "\n".join(nodes) + "\n</svg>\n</div>\n"
        f"<figcaption>{e(summary)}</figcaption>\n</figure>\n"
    )


def _text(lines: list[str], x: int, y: float, anchor: str) -> str:
    offset = x - 18 if anchor == "end" else x
    first = y + 4 - (len(lines) - 1) * 7
    spans = "".join(
        f'<tspan x="{offset}" dy="{14 if position else 0}">{e(line)}</tspan>' for position, line in enumerate(lines)
    )
    return f'<text class="cb-network__label" x="{offset}" y="{first:g}" text-anchor="{anchor}">{spans}</text>'


def _list(shown: list[Organisation], hubs: list[VocabularyEntry], root: str) -> str:
    items = []
    for hub in hubs:
        members = sorted((o for o in shown if hub.id in o.hubs), key=lambda o: o.name.casefold())
        names = "".join(
            f"<li>{e(o.name)} <span class=\"cb-network__kind\">({o.kind}, "
            f"{e(plural(o.case_studies, 'case study', 'case studies'))})</span></li>"
            for o in members
        )
        items.append(
            f'<li><a href="{e(entry_url("hubs", hub.id, root))}">{e(hub.name)}</a>\n<ul>{names}</ul></li>'
        )
    return '<ul class="cb-network__list">\n' + "\n".join(items) + "\n</ul>"
