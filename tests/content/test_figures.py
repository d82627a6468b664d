"""data/figures.yml: every figure with a source, year and unit; disagreements kept."""

from __future__ import annotations

from pathlib import Path

from macros.content.figures import load_figures


def write_figures(project: Path, figures: str, charts: str = "  - id: c\n    title: A chart\n") -> None:
    (project / "data" / "figures.yml").write_text(f"charts:\n{charts}figures:\n{figures}")


def test_the_bundled_figures_load(project: Path) -> None:
    figures, problems = load_figures(project / "data", project)
    assert problems == [] and figures is not None
    by_id = {f.id: f for chart in figures.charts for f in chart.figures}
    assert [v.value for v in by_id["post-16-institutions"].values] == [148, 152]
    assert [v.value for v in by_id["llme-research-participants"].values] == [571, 559]
    assert all(f.source and f.year and f.unit for f in by_id.values())


def test_a_project_without_figures_has_none(project: Path) -> None:
    (project / "data" / "figures.yml").unlink()
    figures, problems = load_figures(project / "data", project)
    assert problems == [] and figures is not None and figures.charts == ()


def test_problems_name_the_line_and_field(project: Path) -> None:
    write_figures(project, (
        "  - id: a\n    chart: c\n    label: A\n    value: 120\n    unit: percent\n    year: 2024/25\n    source: S\n"
        "  - id: b\n    chart: nowhere\n    label: B\n    value: 1\n    unit: schools\n    year: last year\n    source: S\n"
        "  - id: d\n    chart: c\n    label: D\n    values:\n      - {value: 1, where: here}\n      - {value: 2, where: there}\n"
        "    unit: schools\n    year: '2025'\n    source: S\n    colour: red\n"
    ))
    _, problems = load_figures(project / "data", project)
    assert [str(p) for p in problems] == [
        "data/figures.yml:8: figures.value: a percentage cannot be over 100",
        "data/figures.yml:13: figures.chart: 'nowhere' is not one of the charts: c",
        "data/figures.yml:17: figures.year: 'last year' is not a year such as 2025 or an academic year such as 2024/25",
        "data/figures.yml:22: figures.note: say in 'note' why the source gives two values",
        "data/figures.yml:28: figures.colour: unknown key 'colour' — allowed keys are id, chart, label, value, values, "
        "qualifier, unit, year, source, section, note",
    ]


def test_figures_problems_fail_the_check_like_any_other(project: Path) -> None:
    from macros.content.library import load_library

    write_figures(project, "  - id: a\n    chart: c\n    label: A\n    unit: schools\n    year: 2025\n    source: S\n")
    assert [str(p) for p in load_library(project).problems] == [
        "data/figures.yml:5: figures.value: give either 'value' or, when the source disagrees with itself, 'values'"
    ]
