"""`casebook check`, run as editors and CI run it (contract §1 "Errors")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import case_study_text, write


def casebook(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "macros.editing.cli", *args], capture_output=True, text=True, cwd=cwd,
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
    assert "| `case_studies/story.md` | 7 | `hubs` | `unknown hub 'jurrasic' — did you mean 'jurassic'?` |" in summary.read_text()


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
    root = Path(__file__).resolve().parents[2]
    result = casebook("check", cwd=root)
    assert result.returncode == 0, result.stdout


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "casebook"
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "check" in result.stdout


# --- casebook new ------------------------------------------------------------------------------


def test_new_from_options_writes_a_file_to_fill_in(project: Path) -> None:
    result = casebook(
        "new", "--type", "find-out-in-five", "--title", "How our trust grew Mastery Specialists",
        "--summary", "A trust in Dorset explains how it grew its own Mastery Specialists.",
        "--hub", "jurassic", "--hub", "mobius", "--phase", "primary", "--model", "trust-led-trust-groups",
        "--date", "28 November 2025", cwd=project,
    )
    assert result.returncode == 0, result.stderr
    created = project / "case_studies" / "how-our-trust-grew-mastery-specialists.md"
    assert result.stdout.startswith(
        "Created case_studies/how-our-trust-grew-mastery-specialists.md\n\n"
        "Replace the prompts in the file with your story; `casebook check` tells you which are left.\n\nNext steps:"
    )
    assert "make serve, then open http://127.0.0.1:8000/case-studies/how-our-trust-grew-mastery-specialists/" in result.stdout
    assert "date: 2025-11-28\n" in created.read_text()
    assert "## 5. Question 5, as it was asked?" in created.read_text()
    check = casebook("check", cwd=project)  # the prompts are still there
    assert check.returncode == 1
    assert check.stdout.splitlines()[0] == (
        "case_studies/how-our-trust-grew-mastery-specialists.md:32: body: this is the template's prompt "
        "('Introduce the interview in a sentence or two: who spoke to whom, and about what.') — replace it with your own words"
    )
    assert all(": body: this is the template's prompt ('" in line for line in check.stdout.splitlines())
    again = casebook("new", "--type", "school-story", "--title", "How our trust grew Mastery Specialists",
                     "--summary", "Twenty characters or more.", "--hub", "jurassic", "--phase", "primary", cwd=project)
    assert again.returncode == 1
    assert again.stderr == (
        "casebook new: --title: 'how-our-trust-grew-mastery-specialists' is also the file name of "
        "case_studies/how-our-trust-grew-mastery-specialists.md — two case studies cannot share a slug; "
        "choose another --title, or give a different --slug\n"
    )
    assert "## 5. Question 5" in created.read_text()  # untouched


def test_new_without_a_terminal_says_everything_that_is_missing(project: Path) -> None:
    result = casebook("new", "--title", "A story", cwd=project)  # stdin is not a terminal here
    assert result.returncode == 1
    assert "casebook new: missing --type, --summary, --phase, --hub" in result.stderr
    assert list((project / "case_studies").iterdir()) == []


def test_new_reads_the_date_as_teachers_write_it_and_explains_a_bad_one(project: Path) -> None:
    options = ("new", "--type", "school-story", "--title", "A school story", "--summary", "Twenty characters or more.",
               "--hub", "jurassic", "--phase", "primary")
    result = casebook(*options, "--date", "March 2025", cwd=project)
    assert result.returncode == 1
    assert result.stderr == (
        "casebook new: --date: 'March 2025' has no day — write the day it was published, such as 14 March 2025; "
        "if the source does not give the day, leave out --date for today\n"
    )
    assert list((project / "case_studies").iterdir()) == []
    result = casebook(*options, "--date", "14/3/2025", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "date: 2025-03-14\n" in (project / "case_studies" / "a-school-story.md").read_text()


def test_new_help_says_which_options_repeat_and_what_the_date_is() -> None:
    result = casebook("new", "--help", cwd=Path.cwd())
    text = " ".join(result.stdout.split())
    assert result.returncode == 0
    assert "ending in 's'" not in text
    assert "--hub, --phase, --model and --programme may each be given more than once (--hub jurassic --hub mobius)" in text
    assert "or with commas (--hub jurassic,mobius)" in text
    assert "the day the original was published, if it was, such as 14/03/2025 or '14 March 2025' (day first)" in text


def converse(project: Path, replies: list[str | bytes]) -> tuple[bytes, int]:
    """`casebook new` in a terminal (a pseudo-terminal): each reply typed when a question has arrived.
    A bytes reply is typed as it is (b"\\x03" is Ctrl-C, b"\\x04" Ctrl-D), without Enter."""
    import pty
    import select

    command = [sys.executable, "-m", "macros.editing.cli", "new"]
    pid, fd = pty.fork()
    if pid == 0:  # the child: casebook new, talking to a terminal
        os.chdir(project)
        os.execv(sys.executable, command)
    waiting = iter(replies)
    output = b""
    while True:
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
        if output.endswith((b"): ", b"> ")):  # a whole question has arrived
            reply = next(waiting)
            os.write(fd, reply if isinstance(reply, bytes) else (reply + "\n").encode())
            output += b"\n"
    _, status = os.waitpid(pid, 0)
    return output, os.waitstatus_to_exitcode(status)


def test_new_asks_in_a_terminal(project: Path) -> None:
    output, status = converse(project, ["school-story", "A story told through a terminal",
                                        "It shows that casebook new asks for each value.", "", "primary", "central", "", ""])
    assert status == 0, output
    assert b"Created case_studies/a-story-told-through-a-terminal.md" in output
    assert b"Replace the prompts in the file with your story; `casebook check` tells you which are left." in output
    text = (project / "case_studies" / "a-story-told-through-a-terminal.md").read_text()
    check = casebook("check", cwd=project)
    assert check.returncode == 1 and all(": body: this is the template's prompt" in line for line in check.stdout.splitlines())
    assert "\ndate: " in text


@pytest.mark.parametrize("key, status, said", [
    (b"\x03", 130, b"casebook new: stopped before the last question \xe2\x80\x94 nothing was saved; "
                   b"run 'casebook new' again to start over\r\n"),
    (b"\x04", 1, b"casebook new: the answers ended before the last question \xe2\x80\x94 nothing was saved; "
                 b"run 'casebook new' again to start over\r\n"),
])
def test_new_stopped_half_way_says_nothing_was_saved(project: Path, key: bytes, status: int, said: bytes) -> None:
    output, exit_status = converse(project, ["school-story", "A story begun and left", key])
    assert exit_status == status
    assert output.endswith(said), output[-300:]
    assert output.count(b"nothing was saved") == 1 and b"Traceback" not in output
    assert list((project / "case_studies").iterdir()) == []
