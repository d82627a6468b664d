"""Shared fixtures: a throwaway copy of the project, case-study files written to
it line by line, and real builds of it."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from macros.content.library import load_library
from macros.content.model import CaseStudy, Vocabularies
from macros.content.vocabularies import load_vocabularies

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2025, 6, 1)  # "today" for checks, so future-date rules are deterministic
VOCABULARIES: Vocabularies = load_vocabularies(ROOT / "data", ROOT)[0]  # type: ignore[assignment]  # the bundled data/


def study(slug: str, date: str = "2025-01-01", **fields: object) -> CaseStudy:
    """A valid case study, made in memory: primary, Jurassic, a school story, unless ``fields`` say otherwise."""
    defaults: dict[str, object] = {
        "title": slug.title(), "type": "school-story", "summary": "s" * 20, "phases": ("primary",), "hubs": ("jurassic",),
    }
    defaults.update(fields)
    return CaseStudy(slug=slug, path=Path(f"{slug}.md"), display_path=f"case_studies/{slug}.md",
                     date=dt.date.fromisoformat(date), **defaults)  # type: ignore[arg-type]

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


def run_build(
    project: Path, *extra: str, tool: str = "mkdocs", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build` (or ProperDocs) of the project into project/site."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true", "DISABLE_MKDOCS_2_WARNING": "true", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", tool, "build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site"), *extra],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
        timeout=300,
    )


# --- browser tests ------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
]


def chromium_executable() -> str:
    """Debian's Chromium. Missing: skip locally, fail in CI (CI=true)."""
    found = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).exists():
        message = "Chromium is not installed (apt-get install -y chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}: browser tests must run in CI")
        pytest.skip(message)
    return found


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = chromium_executable()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class ServedSite:
    """A project built for the address it is served at, so Material's instant
    navigation (which checks links against the sitemap) works as it does live."""

    def __init__(self, project: Path, env: dict[str, str] | None = None) -> None:
        self.project = project
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        result = run_build(project, "--strict", env={**(env or {}), "SITE_URL": self.url})
        assert result.returncode == 0, result.stderr
        self.site = project / "site"

        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", self.port), functools.partial(Quiet, directory=str(self.site))
        )
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def serve_library(tmp_path_factory: pytest.TempPathFactory, name: str, library: dict[str, dict[str, str]]) -> ServedSite:
    """A project of these case studies (slug -> front-matter fields), built and served; close() it."""
    project = make_project(tmp_path_factory.mktemp(name) / "project")
    for slug, fields in library.items():
        write(project, f"{slug}.md", case_study_text(**fields))
    return ServedSite(project)


def tab_to(page: Any, selector: str, most: int) -> None:
    """Press Tab, at most ``most`` times, until the focused element matches ``selector``
    (the caller asserts what it then reached)."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return


def to_a_case_study_and_back(page: Any, ready: str) -> None:
    """From the finder to its first result and Back, by Material's instant navigation, until
    ``ready`` is on the page again; no full page load may happen on the way."""
    page.evaluate("window.__sameDocument = true")
    page.click(".cb-finder__results .cb-card__title a >> nth=0")  # instant navigation to a case study
    page.wait_for_selector(".cb-facts")
    page.go_back()
    page.wait_for_selector(ready)
    assert page.evaluate("window.__sameDocument") is True  # no full page load happened


def bundled_copy(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    copy = tmp_path_factory.mktemp(name) / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "site", "__pycache__", ".pytest_cache", "node_modules"))
    return copy


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The real project, case studies and all, built and served."""
    served = ServedSite(bundled_copy(tmp_path_factory, "bundled"))
    yield served
    served.close()


PUBLISHED_REPO_URL = "https://github.com/maths-hubs-casebook/casebook"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The bundled project built as the deploy workflow builds it (with REPO_URL), and served."""
    served = ServedSite(bundled_copy(tmp_path_factory, "published"), env={"REPO_URL": PUBLISHED_REPO_URL})
    yield served
    served.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser page that fails the test on any JavaScript error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield opened
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


# --- the dev server ---------------------------------------------------------------------


@contextmanager
def serving(project: Path, tool: str = "mkdocs") -> Iterator[str]:
    """`<tool> serve` of the project on a free port, once it answers; its address."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true", "DISABLE_MKDOCS_2_WARNING": "true"}
    server = subprocess.Popen(
        [sys.executable, "-m", tool, "serve", "-f", str(project / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(url, timeout=5).read()
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"{tool} serve stopped: {server.stderr.read() if server.stderr else ''}")
                assert time.monotonic() < deadline, f"{tool} serve did not start"
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        try:
            server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()
