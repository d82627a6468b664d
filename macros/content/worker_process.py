"""A second Python beside the build, for work that needs only what it is sent.

Rendering a thousand bodies and indexing their search words are the casebook's
longest steps, and each can be split with another core. A ``WorkerProcess`` starts
``python -m <module>`` at once, so the other Python imports while the build goes
on; ``send()`` gives it one piece of work and ``answer()`` reads what it sends back.
Any trouble (no second process, one that ends early or answers nonsense) shows as
``None`` from ``answer()``, and the caller does the work itself: what a build makes
never depends on the second process.

Both sides are our own code exchanging our own data, so pickle is safe here: what
a case study holds travels as strings inside it and is never unpickled as code.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any, NoReturn

log = logging.getLogger("mkdocs.plugins.casebook")


def start_worker(module: str, expected: int, worth_it: int) -> WorkerProcess | None:
    """A started ``python -m module`` when ``expected`` items of work make it worth ``worth_it``
    or more and there is a second core; else None (and the caller does the work itself)."""
    if expected < worth_it or (os.cpu_count() or 1) < 2:
        return None
    worker = WorkerProcess(module)
    return worker if worker.started else None


class WorkerProcess:
    """``python -m module`` answering one piece of work; see the module's docstring."""

    def __init__(self, module: str) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._writer: threading.Thread | None = None
        self.pid: int | None = None  # the other process's, kept after it ends (tests check it is gone)
        try:
            self._process = subprocess.Popen([sys.executable, "-m", module], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            self.pid = self._process.pid
        except OSError as error:
            log.debug("casebook: no second process for %s (%s); the work is done here", module, error)

    @property
    def running(self) -> bool:
        """Started and not yet ended or stopped."""
        return self._process is not None and self._process.poll() is None

    @property
    def started(self) -> bool:
        return self._process is not None

    def send(self, work: object) -> None:
        if self._process is None:
            return
        # Pickled here, in a few milliseconds; written from a thread, which waits for the pipe
        # without the interpreter's lock, so the build goes on while the other process reads.
        data = pickle.dumps(work, protocol=pickle.HIGHEST_PROTOCOL)
        self._writer = threading.Thread(target=self._write, args=(data,), daemon=True)
        self._writer.start()

    def _write(self, data: bytes) -> None:
        assert self._process is not None and self._process.stdin is not None
        try:
            with self._process.stdin:
                self._process.stdin.write(data)
        except (OSError, ValueError):
            pass  # the process ended early, or was stopped: answer() says so

    def answer(self) -> Any:
        """What the other process sent back, or None if it could not (it is then stopped)."""
        if self._process is None or self._writer is None:
            return None
        try:
            assert self._process.stdout is not None
            answer = pickle.load(self._process.stdout)
            self._writer.join()
            return answer
        except Exception as error:  # a truncated or garbled answer, whatever pickle makes of it
            log.debug("casebook: the second process gave no answer (%s); the work is done here", error)
            self.stop()
            return None

    def wait(self) -> bool:
        """Wait for the other process to end; whether it ended well. It is stopped either way."""
        process = self._process
        if process is None:
            return False
        ended_well = process.wait() == 0
        self.stop()
        return ended_well

    def stop(self) -> None:
        """End the other process (if it is still running) rather than leave it waiting."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        process.wait()
        for pipe in (process.stdin, process.stdout):  # stdin is still open when no work was sent
            if pipe is not None and not pipe.closed:
                try:
                    pipe.close()
                except OSError:
                    pass  # a write the thread had begun into the ended process


def serve(handle: Callable[[Any, Callable[[object], None]], bool]) -> NoReturn:
    """The other process's side: read the work, let ``handle(work, reply)`` do it and reply
    (``reply`` may be called before ``handle`` is done), and end well if it returns True.

    With no work (the build stopped before sending any), or if the work fails, it ends at once,
    printing nothing: the build does the work itself, and says what is wrong there."""
    try:
        work = pickle.load(sys.stdin.buffer)
    except EOFError:
        sys.exit(1)

    def reply(answer: object) -> None:
        pickle.dump(answer, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
        sys.stdout.buffer.flush()

    try:
        done = handle(work, reply)
    except Exception:  # noqa: BLE001 - the build does the work itself, and reports what goes wrong there
        sys.exit(1)
    sys.exit(0 if done else 1)
