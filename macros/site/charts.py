"""Figures as build-time SVG bar charts, each followed by the same numbers in a table.

No JavaScript and nothing fetched: the SVG is inline, coloured by the theme's
CSS custom properties (so it follows light and dark schemes), and its bars are
sized in percentages so it fits any width down to 320 px while its text stays
readable. The table is the accessible equivalent and the place for sources.
"""

from __future__ import annotations

import textwrap

from macros.content.figures import Chart, Figure
from macros.site.render import e

LINE_HEIGHT = 18  # px; labels are wrapped at build time because SVG text cannot wrap
WRAP_AT = 36  # characters per label line: fits a 320 px wide screen at the chart's font size
BAR_GAP = 6
BAR_HEIGHT = 14
ROW_GAP = 16


def format_value(value: float, unit: str) -> str:
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    return f"{number}%" if unit == "percent" else number


def describe(figure: Figure) -> str:
    """The figure as words: 'more than 2,900 schools', '148 or 152 institutions', 'about 62%'."""
    numbers = " or ".join(format_value(v.value, figure.unit) for v in figure.values)
    if figure.qualifier == "more-than":
        numbers = f"more than {numbers}"
    elif figure.qualifier == "about":
        numbers = f"about {numbers}"
    return numbers if figure.unit == "percent" else f"{numbers} {figure.unit}"


def render_chart(chart: Chart, heading_id: str | None = None) -> str:
    """The chart and its table. With ``heading_id`` the page's own heading names the
    figure (and appears in the table of contents); otherwise a caption does."""
    percentages = all(f.unit == "percent" for f in chart.figures)
    scale = 100.0 if percentages else max((f.largest for f in chart.figures), default=1.0)
    rows = []
    top = 0
    for figure in chart.figures:
        lines = textwrap.wrap(f"{figure.label}: {describe(figure)}", WRAP_AT)
        spans = "".join(
            f'<tspan x="0" dy="{LINE_HEIGHT if index else 0}">{e(line)}</tspan>' for index, line in enumerate(lines)
        )
        rows.append(f'<text class="cb-chart__label" x="0" y="{top + LINE_HEIGHT - 4}">{spans}</text>')
        top += len(lines) * LINE_HEIGHT
        if percentages:  # the whole 0–100% range, so a share reads as a share
            rows.append(f'<rect class="cb-chart__track" x="0" y="{top + BAR_GAP - 4}" width="96%" height="{BAR_HEIGHT}"/>')
        rows.append(_bars(figure, top + BAR_GAP - 4, scale))
        top += BAR_GAP + BAR_HEIGHT + ROW_GAP
    height = max(top, 1)
    summary = "; ".join(f"{f.label}: {describe(f)}" for f in chart.figures)
    notes = "".join(f'<p class="cb-chart__note">{e(f.label)}: {e(f.note)}</p>' for f in chart.figures if f.note)
    opening = (
        f'<figure class="cb-chart" aria-labelledby="{e(heading_id)}">\n'
        if heading_id
        else f'<figure class="cb-chart">\n<figcaption class="cb-chart__title">{e(chart.title)}</figcaption>\n'
    )
    return (
        opening
        + f'<svg class="cb-chart__svg" width="100%" height="{height}" role="img" '
        f'aria-label="{e(f"Bar chart: {chart.title}. {summary}.")}">\n'
        + "\n".join(rows)
        + "\n</svg>\n"
        + (f'<p class="cb-chart__description">{e(chart.description)}</p>' if chart.description else "")
        + notes
        + "\n"
        + render_table(chart)
        + "\n</figure>"
    )


def _bars(figure: Figure, y: int, scale: float) -> str:
    """One bar; for a disputed figure, solid to the lower value and hatched to the higher."""
    values = sorted(v.value for v in figure.values)
    low = _percent(values[0], scale)
    bars = f'<rect class="cb-chart__bar" x="0" y="{y}" width="{low}%" height="{BAR_HEIGHT}"/>'
    if len(values) > 1:
        high = _percent(values[-1], scale)
        bars += (
            f'<rect class="cb-chart__bar cb-chart__bar--range" x="{low}%" y="{y}" '
            f'width="{round(high - low, 2)}%" height="{BAR_HEIGHT}"/>'
        )
    return bars


def _percent(value: float, scale: float) -> float:
    # Leave room at the right so the longest bar never touches the edge.
    return round(96 * value / scale, 2) if scale else 0.0


def render_table(chart: Chart) -> str:
    """The chart's numbers. A source or year shared by every row is said once, so
    the table keeps to three columns and fits a phone screen."""
    sources = {f.source for f in chart.figures}
    years = {f.year for f in chart.figures}
    shared_source = sources.pop() if len(sources) == 1 else None
    shared_year = years.pop() if len(years) == 1 else None
    rows = []
    for f in chart.figures:
        cells = [f"<th scope=\"row\">{e(f.label)}</th>", f"<td>{e(describe(f))}{_where(f)}</td>"]
        if not shared_year:
            cells.append(f"<td>{e(f.year)}</td>")
        where = f.section if shared_source else ", ".join(part for part in (f.source, f.section) if part)
        cells.append(f"<td>{e(where)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    headings = ["Figure", "Number", *([] if shared_year else ["Year"]), "Section" if shared_source else "Source"]
    caption = f"{chart.title}: the numbers" + (f" ({shared_year})" if shared_year else "")
    footer = f'<p class="cb-chart__source">Source: {e(shared_source)}.</p>' if shared_source else ""
    head = "".join(f'<th scope="col">{e(heading)}</th>' for heading in headings)
    return (
        # Scrolls sideways on a narrow screen: focusable and named, so a keyboard can scroll it.
        f'<div class="cb-chart__table" tabindex="0" role="region" aria-label="{e(caption)}"><table>\n'
        f"<caption>{e(caption)}</caption>\n"
        f"<thead><tr>{head}</tr></thead>\n"
        f"<tbody>\n{chr(10).join(rows)}\n</tbody></table></div>{footer}"
    )


def _where(figure: Figure) -> str:
    if not figure.disputed:
        return ""
    places = "; ".join(f"{format_value(v.value, figure.unit)} {v.where}" for v in figure.values)
    return f' <span class="cb-chart__where">({e(places)})</span>'


def chart_heading_id(chart: Chart) -> str:
    return f"chart-{chart.id}"
