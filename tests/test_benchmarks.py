"""The benchmark's inputs and verdicts (its timings live in benchmarks/, never here)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from conftest import ROOT, make_project

from macros.content.library import load_library

sys.path.insert(0, str(ROOT / "benchmarks"))
from run import budgets  # noqa: E402
from synthetic import write_case_studies  # noqa: E402


def test_synthetic_case_studies_are_valid_and_varied(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_case_studies(project / "case_studies", project / "data", 60)
    library = load_library(project, today=dt.date(2026, 11, 23))
    assert [str(problem) for problem in library.problems] == []
    assert len(library.case_studies) == 60
    assert {cs.type for cs in library.case_studies} == {
        "school-story", "trust-model", "q-and-a", "find-out-in-five", "perspective", "research", "profile"
    }
    words = [len(cs.body.split()) for cs in library.case_studies]
    assert min(words) >= 750 and max(words) <= 1100  # about 800, as real case studies run


def test_synthetic_case_studies_are_the_same_every_time(tmp_path: Path) -> None:
    for name in ("one", "two"):
        write_case_studies(tmp_path / name, ROOT / "data", 5)
    assert [p.read_bytes() for p in sorted((tmp_path / "one").iterdir())] == [
        p.read_bytes() for p in sorted((tmp_path / "two").iterdir())
    ]


def row(**overrides: float) -> dict[str, float]:
    values = {
        "casebook_s": 8.0, "baseline_s": 7.0, "ratio": 1.14, "peak_mb": 400, "filter_ms": 9.0,
        "finder_open_kb": 230, "finder_first_search_kb": 10, "header_first_search_kb": 20, "case_study_page_kb": 33,
        "keystroke_ms": 5.0,
    }
    values.update(overrides)
    return values


def test_every_budget_passes_or_fails_on_its_threshold() -> None:
    passing = budgets({1000: row(), 5000: row(casebook_s=40.0)})
    assert len(passing) == 9 and all(ok for _, _, ok in passing)
    failing = budgets({
        1000: row(ratio=1.3, finder_open_kb=260, header_first_search_kb=31),
        5000: row(casebook_s=45.0, peak_mb=1100, filter_ms=17, case_study_page_kb=61, finder_first_search_kb=31,
                  keystroke_ms=16.5),
    })
    assert not any(ok for _, _, ok in failing)
