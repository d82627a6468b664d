"""Programme figures in ``data/figures.yml``: read, checked like everything else.

Each figure has a source, a year and a unit. A figure the source gives two
different ways keeps both values, with where each appears, so the page can show
the disagreement instead of silently picking one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.content.loading import decode, display_path
from macros.content.model import Problem
from macros.content.strict_yaml import YamlList, YamlMap, YamlProblem, load_yaml

FIGURES_FILE = "figures.yml"
QUALIFIERS = ("more-than", "about")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_MARKUP = re.compile(r"<[A-Za-z/!?]")
LABEL_LIMIT = 60  # chart labels are one line of SVG text, down to 320 px wide


@dataclass(frozen=True)
class FigureValue:
    value: float
    where: str = ""


@dataclass(frozen=True)
class Figure:
    id: str
    chart: str
    label: str
    values: tuple[FigureValue, ...]  # one, or two when the source disagrees with itself
    unit: str
    year: str
    source: str
    section: str = ""
    qualifier: str | None = None
    note: str = ""

    @property
    def disputed(self) -> bool:
        return len(self.values) > 1

    @property
    def largest(self) -> float:
        return max((value.value for value in self.values), default=0.0)


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class Figures:
    charts: tuple[Chart, ...]

    def chart(self, chart_id: str) -> Chart | None:
        return next((chart for chart in self.charts if chart.id == chart_id), None)


def load_figures(data_dir: Path, root: Path) -> tuple[Figures | None, list[Problem]]:
    """Read data/figures.yml; a project without one simply has no figures."""
    path = data_dir / FIGURES_FILE
    if not path.is_file():
        return Figures(charts=()), []
    checker = _FiguresChecker(display_path(path, root))
    figures = checker.read(path)
    problems = sorted(checker.problems, key=lambda problem: problem.line)
    return (figures if not problems else None), problems


class _FiguresChecker:
    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.problems: list[Problem] = []

    def add(self, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.shown, line, field, message))

    def read(self, path: Path) -> Figures | None:
        text, problem = decode(path.read_bytes())
        if problem is not None:
            self.add(problem[0], "file", problem[1])
            return None
        try:
            data = load_yaml(text or "")
        except YamlProblem as error:
            self.add(error.line, "file", error.message)
            return None
        if not isinstance(data, YamlMap) or set(data) != {"charts", "figures"}:
            self.add(1, "file", "must have exactly two keys, 'charts' and 'figures', each a list")
            return None
        charts = self.charts(data["charts"], data.line_of("charts"))
        figures = self.figures(data["figures"], data.line_of("figures"), charts)
        return Figures(
            charts=tuple(
                Chart(chart_id, title, description, tuple(f for f in figures if f.chart == chart_id))
                for chart_id, (title, description) in charts.items()
            )
        )

    def entries(self, value: Any, line: int, what: str) -> list[YamlMap]:
        if not isinstance(value, YamlList) or not all(isinstance(item, YamlMap) for item in value):
            self.add(line, what, "must be a list of entries, each with 'id' and the fields shown at the top of the file")
            return []
        return list(value)

    def text(self, entry: YamlMap, key: str, field: str, *, required: bool = True, limit: int | None = None) -> str:
        value = entry.get(key)
        if value is None:
            if required:
                self.add(entry.line, field, f"'{key}' is required")
            return ""
        if not isinstance(value, str) or not value.strip():
            self.add(entry.line_of(key), field, "must be text")
            return ""
        value = value.strip()
        if _MARKUP.search(value):
            self.add(entry.line_of(key), field, "contains HTML — write plain text")
        if limit and len(value) > limit:
            self.add(entry.line_of(key), field, f"is {len(value)} characters; keep it to {limit} so it fits on a chart")
        return value

    def known_keys(self, entry: YamlMap, allowed: tuple[str, ...], prefix: str) -> None:
        for key in entry:
            if key not in allowed:
                self.add(entry.line_of(key), f"{prefix}.{key}", f"unknown key '{key}' — allowed keys are {', '.join(allowed)}")

    def identifier(self, entry: YamlMap, field: str, seen: set[str]) -> str:
        value = entry.get("id")
        if not isinstance(value, str) or not _ID.match(value):
            self.add(entry.line_of("id"), field, f"'{value}' is not a kebab-case id")
            return ""
        if value in seen:
            self.add(entry.line_of("id"), field, f"'{value}' is used twice")
        seen.add(value)
        return value

    def charts(self, value: Any, line: int) -> dict[str, tuple[str, str]]:
        charts: dict[str, tuple[str, str]] = {}
        for entry in self.entries(value, line, "charts"):
            self.known_keys(entry, ("id", "title", "description"), "charts")
            chart_id = self.identifier(entry, "charts.id", set(charts))
            title = self.text(entry, "title", "charts.title")
            description = self.text(entry, "description", "charts.description", required=False)
            if chart_id:
                charts[chart_id] = (title, description)
        return charts

    def figures(self, value: Any, line: int, charts: dict[str, tuple[str, str]]) -> list[Figure]:
        figures: list[Figure] = []
        seen: set[str] = set()
        allowed = ("id", "chart", "label", "value", "values", "qualifier", "unit", "year", "source", "section", "note")
        for entry in self.entries(value, line, "figures"):
            self.known_keys(entry, allowed, "figures")
            figure_id = self.identifier(entry, "figures.id", seen)
            chart = entry.get("chart")
            if chart not in charts:
                self.add(entry.line_of("chart"), "figures.chart", f"'{chart}' is not one of the charts: {', '.join(charts)}")
            qualifier = entry.get("qualifier")
            if qualifier is not None and qualifier not in QUALIFIERS:
                self.add(entry.line_of("qualifier"), "figures.qualifier", f"must be one of: {', '.join(QUALIFIERS)}")
            figure = Figure(
                id=figure_id,
                chart=str(chart),
                label=self.text(entry, "label", "figures.label", limit=LABEL_LIMIT),
                values=self.values(entry),
                unit=self.text(entry, "unit", "figures.unit"),
                year=self.year(entry),
                source=self.text(entry, "source", "figures.source"),
                section=self.text(entry, "section", "figures.section", required=False),
                qualifier=qualifier if isinstance(qualifier, str) else None,
                note=self.text(entry, "note", "figures.note", required=False),
            )
            if figure.disputed and not figure.note:
                self.add(entry.line_of("values"), "figures.note", "say in 'note' why the source gives two values")
            if figure.unit == "percent" and figure.values and figure.largest > 100:
                self.add(entry.line_of("value"), "figures.value", "a percentage cannot be over 100")
            figures.append(figure)
        return figures

    def year(self, entry: YamlMap) -> str:
        if isinstance(entry.get("year"), int) and not isinstance(entry.get("year"), bool):
            return str(entry["year"])  # `year: 2025` is a YAML number, and means 2025
        year = self.text(entry, "year", "figures.year")
        if year and not re.fullmatch(r"\d{4}(/\d{2})?", year):
            self.add(entry.line_of("year"), "figures.year", f"'{year}' is not a year such as 2025 or an academic year such as 2024/25")
        return year

    def values(self, entry: YamlMap) -> tuple[FigureValue, ...]:
        if ("value" in entry) == ("values" in entry):
            self.add(entry.line, "figures.value", "give either 'value' or, when the source disagrees with itself, 'values'")
            return ()
        if "value" in entry:
            number = entry["value"]
            if isinstance(number, bool) or not isinstance(number, (int, float)) or number < 0:
                self.add(entry.line_of("value"), "figures.value", "must be a number of 0 or more")
                return ()
            return (FigureValue(float(number)),)
        items = entry["values"]
        if not isinstance(items, YamlList) or len(items) != 2:
            self.add(entry.line_of("values"), "figures.values", "must list exactly two values, each with 'value' and 'where'")
            return ()
        values = []
        for item in items:
            number = item.get("value") if isinstance(item, YamlMap) else None
            where = item.get("where") if isinstance(item, YamlMap) else None
            if isinstance(number, bool) or not isinstance(number, (int, float)) or not isinstance(where, str):
                self.add(entry.line_of("values"), "figures.values", "each value needs a number 'value' and a text 'where'")
                continue
            values.append(FigureValue(float(number), where.strip()))
        return tuple(values)
