"""Config is code (issue 7): who must review what, and what pull-request code can reach."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import yaml
from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def owned(path: str) -> bool:
    """Whether a CODEOWNERS pattern covers ``path`` (the subset of the syntax the file uses)."""
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *owners = line.split()
        assert owners and all(owner.startswith("@") for owner in owners), line
        pattern = pattern.lstrip("/")
        if pattern.endswith("/") and path.startswith(pattern):
            return True
        if fnmatch.fnmatch(path, pattern.replace("**/", "*")) or path == pattern:
            return True
    return False


def test_everything_that_builds_checks_or_publishes_needs_a_maintainer() -> None:
    for path in [
        "mkdocs.yml", "macros/plugin.py", "macros/checks.py", "overrides/main.html", "overrides/assets/javascripts/casebook.js",
        "data/hubs.yml", ".github/workflows/deploy.yml", ".github/CODEOWNERS", ".ci/run", "Makefile", "pyproject.toml",
        "constraints.txt", "package-lock.json", "tests/conftest.py", "docs/assets/javascripts/extra.js",
    ]:
        assert owned(path), path


def test_editors_content_needs_no_maintainer() -> None:
    for path in ["case_studies/dsat-jurassic-mobius.md", "case_studies/2025/a-story.md", "docs/index.md",
                 "docs/assets/images/social.png"]:
        assert not owned(path), path


def test_every_tracked_kind_of_code_is_covered() -> None:
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT).as_posix()
        if (
            path.is_file()
            and path.suffix in {".py", ".yml", ".yaml", ".js", ".mjs", ".html", ".toml"}
            and not relative.startswith((".venv/", "node_modules/", "site/", ".git/", ".pytest_cache/", ".hypothesis/"))
        ):
            assert owned(relative), relative


def test_the_pull_request_workflow_reads_no_secret_and_writes_nothing() -> None:
    text = (WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert "secrets." not in text and "secrets[" not in text
    triggers = workflow.get("on", workflow.get(True))  # PyYAML reads a bare `on:` key as True
    assert set(triggers) == {"pull_request"}, "never pull_request_target, which runs with the base's secrets"
    assert workflow["permissions"] == {"contents": "read"}
    for job in workflow["jobs"].values():
        assert job.get("permissions", {"contents": "read"}) == {"contents": "read"}
        for step in job["steps"]:
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_no_workflow_runs_pull_request_code_with_secrets() -> None:
    for path in WORKFLOWS.glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert "pull_request_target" not in text, path.name
        assert "workflow_run" not in text, path.name
