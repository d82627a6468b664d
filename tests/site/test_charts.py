"""Build-time charts: inline SVG sized in percentages, the same numbers in a table."""

from __future__ import annotations

import re
from pathlib import Path

from macros.site.charts import describe, render_chart
from macros.content.figures import Chart, Figure, FigureValue, load_figures

ROOT = Path(__file__).resolve().parents[2]


def figure(label: str, *values: float, unit: str = "schools", qualifier: str | None = None, **extra: str) -> Figure:
    return Figure(
        id=label.lower(), chart="c", label=label, values=tuple(FigureValue(v, f"place {n}") for n, v in enumerate(values)),
        unit=unit, year="2024/25", source="Report", qualifier=qualifier, **extra,
    )


def test_describe_says_numbers_as_a_reader_would() -> None:
    assert describe(figure("A", 8461)) == "8,461 schools"
    assert describe(figure("A", 2900, qualifier="more-than")) == "more than 2,900 schools"
    assert describe(figure("A", 62, unit="percent", qualifier="about")) == "about 62%"
    assert describe(figure("A", 62.7, unit="percent")) == "62.7%"
    assert describe(figure("A", 148, 152, unit="institutions")) == "148 or 152 institutions"


def test_bars_scale_to_the_largest_and_percentages_to_100() -> None:
    html = render_chart(Chart("c", "Counts", "", (figure("Big", 1000), figure("Small", 250))))
    assert re.findall(r'class="cb-chart__bar" x="0" y="\d+" width="([\d.]+)%"', html) == ["96.0", "24.0"]
    shares = render_chart(Chart("p", "Shares", "", (figure("Half", 50, unit="percent"),)))
    assert 'width="48.0%"' in shares and 'class="cb-chart__track"' in shares


def test_a_disputed_figure_shows_both_values_and_why() -> None:
    html = render_chart(Chart("c", "Counts", "", (figure("Post-16", 148, 152, unit="institutions", note="Two numbers."),)))
    assert "Post-16: 148 or 152 institutions" in html
    assert 'class="cb-chart__bar cb-chart__bar--range"' in html
    assert "148 place 0; 152 place 1" in html
    assert '<p class="cb-chart__note">Post-16: Two numbers.</p>' in html


def test_labels_wrap_so_a_phone_screen_can_read_them() -> None:
    html = render_chart(Chart("c", "Counts", "", (figure("A label long enough to need two lines of text", 5),)))
    assert html.count("<tspan") == 2


def test_the_table_holds_the_same_numbers_with_their_source() -> None:
    figures, _ = load_figures(ROOT / "data", ROOT)
    assert figures is not None
    html = render_chart(figures.chart("organisations"), "chart-organisations")  # type: ignore[arg-type]
    assert '<figure class="cb-chart" aria-labelledby="chart-organisations">' in html
    assert '<th scope="row">Primary schools in Teaching for Mastery Work Groups</th><td>8,461 schools</td><td>Primary</td>' in html
    assert "<caption>Schools and colleges taking part, by programme: the numbers (2024/25)</caption>" in html
    # It scrolls sideways on a phone: a keyboard can reach it, and a screen reader names it.
    assert (
        '<div class="cb-chart__table" tabindex="0" role="region" '
        'aria-label="Schools and colleges taking part, by programme: the numbers (2024/25)"><table>'
    ) in html
    assert "Source: Maths Hubs Programme Annual Report 2024/25 (NCETM)." in html


def test_text_is_escaped() -> None:
    html = render_chart(Chart("c", "A <b> & c", "", (figure("x < y & z", 1),)))
    assert "A &lt;b&gt; &amp; c" in html and "x &lt; y &amp; z" in html and "<b>" not in html
