"""A second Python answers one piece of work, and every kind of trouble with it shows as
no answer, never as a hang, a traceback or a process left behind."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from macros.content import bodies
from macros.content.worker_process import WorkerProcess


def gone(pid: int | None) -> bool:
    assert pid is not None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_it_answers_the_work_it_is_sent() -> None:
    worker = WorkerProcess(bodies.__name__)
    worker.send(([], None, {}))  # no bodies to render
    assert worker.answer() == []
    assert worker.wait() is True
    assert gone(worker.pid)


def test_a_process_that_cannot_start_gives_no_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    worker = WorkerProcess(bodies.__name__)
    assert not worker.started and not worker.running
    worker.send(([], None, {}))
    assert worker.answer() is None
    assert worker.wait() is False


def test_a_process_that_fails_gives_no_answer_and_is_ended() -> None:
    worker = WorkerProcess("no.such.module")  # Python starts, then cannot find its work
    assert worker.started
    worker.send(([], None, {}))
    assert worker.answer() is None
    assert not worker.running and gone(worker.pid)


def test_work_it_cannot_do_gives_no_answer() -> None:
    worker = WorkerProcess(bodies.__name__)
    worker.send("not a list of bodies")  # it fails on it, with nothing written to its output
    assert worker.answer() is None
    assert gone(worker.pid)


def test_a_stopped_process_is_ended_at_once() -> None:
    worker = WorkerProcess(bodies.__name__)
    assert worker.running  # importing, then waiting for its work
    worker.stop()  # the build stopped: nothing is sent
    assert not worker.running and gone(worker.pid)
    worker.stop()  # twice is harmless


def test_a_process_given_no_work_ends_quietly() -> None:
    ended = subprocess.run([sys.executable, "-m", bodies.__name__], input=b"", capture_output=True, check=False)
    assert (ended.returncode, ended.stdout, ended.stderr) == (1, b"", b"")  # no traceback for an editor to read
