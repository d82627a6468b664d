"""`casebook check`, run as editors and CI run it (contract §1 "Errors")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import case_study_text, write


def casebook(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "macros.cli", *args], capture_output=True, text=True, cwd=cwd,
        env={**os.environ, **(env or {})}, timeout=120,
    )


def test_valid_library_exits_zero(project: Path) -> None:
    write(project, "story.md", case_study_text())
    result = casebook("check", cwd=project)
    assert result.returncode == 0
    assert result.stdout == "1 case study checked: no problems.\n"


def test_problems_exit_one_and_print_one_line_each(project: Path) -> None:
    write(project, "story.md", case_study_text(hubs="[jurrasic]", title="No"))
    result = casebook("check", cwd=project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "case_studies/story.md:2: title: is 2 characters long; it must be 5 to 120 characters",
        "case_studies/story.md:7: hubs: unknown hub 'jurrasic' — did you mean 'jurassic'?",
    ]
    assert "2 problems in 1 file" in result.stderr


def test_runs_from_a_sub_folder_and_on_named_paths(project: Path) -> None:
    write(project, "good.md", case_study_text())
    write(project, "2025/bad.md", case_study_text(hubs="[nowhere]"))
    result = casebook("check", "good.md", cwd=project / "case_studies")
    assert result.returncode == 0
    result = casebook("check", "2025", cwd=project / "case_studies")
    assert result.returncode == 1
    assert result.stdout.startswith("case_studies/2025/bad.md:7: hubs: unknown hub 'nowhere'")


def test_github_format_annotates_and_writes_the_step_summary(project: Path, tmp_path: Path) -> None:
    write(project, "story.md", case_study_text(hubs="[jurrasic]"))
    summary = tmp_path / "summary.md"
    result = casebook("check", "--format", "github", cwd=project, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1
    assert result.stdout == (
        "::error file=case_studies/story.md,line=7,title=hubs::hubs: unknown hub 'jurrasic' — did you mean 'jurassic'?\n"
    )
    assert "| case_studies/story.md | 7 | hubs | unknown hub 'jurrasic' — did you mean 'jurassic'? |" in summary.read_text()


def test_without_a_project_it_says_what_to_do(tmp_path: Path) -> None:
    result = casebook("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "no mkdocs.yml in this folder or above" in result.stderr
    assert "Traceback" not in result.stderr


def test_config_file_option(project: Path, tmp_path: Path) -> None:
    write(project, "story.md", case_study_text())
    assert casebook("check", "--config-file", str(project / "mkdocs.yml"), cwd=tmp_path).returncode == 0
    missing = casebook("check", "-f", str(tmp_path / "nope.yml"), cwd=tmp_path)
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_no_traceback_for_hostile_files(project: Path) -> None:
    write(project, "binary.md", bytes(range(256)) * 4)
    write(project, "bomb.md", "---\na: &a [x, x]\nb: &b [*a, *a]\n---\n")
    write(project, "deep.md", "---\ntitle: " + "[" * 5000 + "\n---\n")
    write(project, "list.md", "---\n- 1\n---\n")
    write(project, "numbers.md", "---\n1: 2\ntitle: 3\nhubs: 4\n---\n")
    result = casebook("check", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert {line.split(":")[0] for line in result.stdout.splitlines()} == {
        f"case_studies/{name}.md" for name in ("binary", "bomb", "deep", "list", "numbers")
    }


def test_the_bundled_library_is_valid() -> None:
    root = Path(__file__).resolve().parents[1]
    result = casebook("check", cwd=root)
    assert result.returncode == 0, result.stdout


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "casebook"
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "check" in result.stdout
