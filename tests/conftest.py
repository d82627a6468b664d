"""Shared fixtures: a throwaway copy of the project, case-study files written to
it line by line, and real builds of it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.library import load_library

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2025, 6, 1)  # "today" for checks, so future-date rules are deterministic

# A valid case study, one key per line: `---` is line 1, title line 2, type 3,
# date 4, summary 5, phases 6, hubs 7, and any extra keys from line 8 on.
BASE_FIELDS: dict[str, str] = {
    "title": "Rethinking fractions with the hub",
    "type": "school-story",
    "date": "2025-03-14",
    "summary": "How one primary school used a Work Group to rethink fractions.",
    "phases": "[primary]",
    "hubs": "[jurassic]",
}


def front_matter(**fields: str | None) -> str:
    """YAML lines for BASE_FIELDS with overrides; None drops a key. Values are raw YAML."""
    merged: dict[str, str | None] = {**BASE_FIELDS, **fields}
    lines = []
    for key, value in merged.items():
        if value is None:
            continue
        lines.append(f"{key}:{value}" if value.startswith("\n") else f"{key}: {value}")
    return "\n".join(lines) + "\n"


def case_study_text(body: str = "A short body about the work.\n", **fields: str | None) -> str:
    return f"---\n{front_matter(**fields)}---\n{body}"


def make_project(target: Path) -> Path:
    """A copy of the real project (config, data, pages, theme) with no case studies."""
    target.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("data", "docs", "overrides"):
        shutil.copytree(ROOT / folder, target / folder)
    (target / "case_studies").mkdir()
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


def write(project: Path, name: str, content: str | bytes) -> Path:
    path = project / "case_studies" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def problems(project: Path, today: dt.date = TODAY) -> list[str]:
    return [str(problem) for problem in load_library(project, today=today).problems]


def run_build(project: Path, *extra: str, tool: str = "mkdocs") -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build` (or ProperDocs) of the project into project/site."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true", "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.run(
        [sys.executable, "-m", tool, "build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site"), *extra],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
        timeout=300,
    )
