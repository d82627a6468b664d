"""Bodies rendered half on another core are the bodies rendered here: the same list, in
the same order, the same problems at the same lines; and any trouble with the other
process means every body is rendered here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from conftest import ROOT, TODAY, make_project

from macros.content import bodies
from macros.content.bodies import WORTH_A_PROCESS, BodyRenderer, BodyToRender, render
from macros.content.body import RenderedBody
from macros.content.library import load_library
from macros.content.links import SiteMap
from macros.content.worker_process import WorkerProcess

HOSTILE = ROOT / "tests" / "hostile"
SITE = SiteMap(pages={"case-studies/": "case-studies/index.md", "hubs/jurassic/": "hubs/jurassic.md"},
               files=frozenset(), drafts=frozenset())
ABBREVIATIONS = {"TA": "teaching assistant", "KS2": "Key Stage 2"}

needs_two_cores = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the other process is only used with two cores")
FEW = 6  # the tests' threshold for a second process, so each renders a few dozen bodies, not hundreds


@pytest.fixture
def few(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodies, "WORTH_A_PROCESS", FEW)


def items(count: int = 0) -> list[BodyToRender]:
    """Real bodies and hostile ones (each at least once): links, abbreviations, raw HTML, fences, nesting."""
    texts = [path.read_text(encoding="utf-8", errors="replace").partition("\n---\n")[2] or path.read_text(errors="replace")
             for path in sorted([*(ROOT / "case_studies").rglob("*.md"), *HOSTILE.glob("*.md")])]
    return [
        BodyToRender(texts[n % len(texts)], 5 + n % 7, f"case-studies/s{n}/", questions=n % 3 == 0)
        for n in range(max(count, len(texts)))
    ]


def rendered_here(work: list[BodyToRender]) -> list[RenderedBody]:
    return [render(item, SITE, ABBREVIATIONS) for item in work]


@needs_two_cores
def test_a_large_library_is_rendered_half_here_and_half_in_another_process(monkeypatch: pytest.MonkeyPatch, few: None) -> None:
    work = items(77)
    sent: list[int] = []
    real_send = WorkerProcess.send

    def send(self: WorkerProcess, sending: tuple[list[BodyToRender], SiteMap, dict[str, str]]) -> None:
        sent.append(len(sending[0]))
        real_send(self, sending)

    monkeypatch.setattr(WorkerProcess, "send", send)
    with BodyRenderer(expected=len(work)) as renderer:
        result = renderer.render_all(work, SITE, ABBREVIATIONS)
    assert sent == [len(work) - len(work) // 2]  # the second half went to the other process
    assert result == rendered_here(work)
    assert any(body.problems for body in result) and any(body.toc for body in result)  # the hostile ones and the real ones


def test_a_small_library_is_rendered_here() -> None:
    renderer = BodyRenderer(expected=WORTH_A_PROCESS - 1)
    assert renderer._process is None
    work = items()
    assert renderer.render_all(work, SITE, ABBREVIATIONS) == rendered_here(work)


@needs_two_cores
def test_if_the_other_process_cannot_start_every_body_is_rendered_here(monkeypatch: pytest.MonkeyPatch, few: None) -> None:
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    work = items()
    renderer = BodyRenderer(expected=len(work))
    assert renderer._process is None
    assert renderer.render_all(work, SITE, ABBREVIATIONS) == rendered_here(work)


@needs_two_cores
def test_if_the_other_process_fails_every_body_is_rendered_here(monkeypatch: pytest.MonkeyPatch, few: None) -> None:
    monkeypatch.setattr(bodies, "__name__", "no.such.module")  # the other Python cannot start its work
    work = items()
    renderer = BodyRenderer(expected=len(work))
    assert renderer._process is not None
    assert renderer.render_all(work, SITE, ABBREVIATIONS) == rendered_here(work)


@needs_two_cores
def test_an_answer_of_the_wrong_length_is_not_trusted(monkeypatch: pytest.MonkeyPatch, few: None) -> None:
    monkeypatch.setattr(WorkerProcess, "answer", lambda self: [RenderedBody("<p>one</p>")])
    work = items()
    assert BodyRenderer(expected=len(work)).render_all(work, SITE, ABBREVIATIONS) == rendered_here(work)


@needs_two_cores
def test_the_other_process_never_outlives_the_with_block() -> None:
    with pytest.raises(RuntimeError), BodyRenderer(expected=WORTH_A_PROCESS) as renderer:
        worker = renderer._process
        assert worker is not None and worker.running  # started, waiting for its work
        raise RuntimeError("a check failed part way")
    assert not worker.running and worker.pid is not None
    with pytest.raises(ProcessLookupError):
        os.kill(worker.pid, 0)


@needs_two_cores
def test_a_library_checked_on_two_cores_is_the_library_checked_on_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The real case studies and every hostile file, through load_library both ways: same problems, same bodies."""
    project = make_project(tmp_path / "project")
    for path in [*(ROOT / "case_studies").glob("*.md"), *HOSTILE.glob("*.md")]:
        (project / "case_studies" / path.name).write_bytes(path.read_bytes())
    one_core = load_library(project, today=TODAY)
    assert one_core.problems and one_core.bodies  # both kinds of file are there
    monkeypatch.setattr(bodies, "WORTH_A_PROCESS", FEW)
    two_cores = load_library(project, today=TODAY)
    assert two_cores == one_core
