"""The case studies' search words and passage texts, in a second process.

Splitting thousands of case studies into words, and writing a passage text for
each, are the longest steps of the casebook's own work. They need only the case
studies, so they can start as soon as those are loaded and run on another core
while MkDocs renders the pages on this one; the search files are put together
from the result once every page is read. With one core, few case studies, or
any trouble with the second process, the same work is done here instead, with
the same result.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from macros.outputs.search_index import PassageTexts, Postings, SearchDocument, index_words, word_sources, write_passage_texts
from macros.outputs.search_words import NO_GLOSSARY, GlossaryWords

log = logging.getLogger("mkdocs.plugins.casebook")

# Below this many documents a second Python costs more time than it saves.
WORTH_A_PROCESS = 300


def index_and_write(
    documents: Sequence[SearchDocument], indexed: int, glossary: GlossaryWords, site_dir: Path
) -> tuple[Postings, PassageTexts]:
    """index_words of the first ``indexed`` documents; every document's passage text written."""
    postings = index_words(word_sources(documents[:indexed]), glossary=glossary)
    return postings, write_passage_texts(documents, site_dir)


class BackgroundWords:
    """index_and_write(documents, indexed, glossary, site_dir) in another process.

    Made as the build starts, with how many case studies it expects: the other Python
    then starts and imports while the case studies load. send() gives it its work,
    result() collects it (or does it here)."""

    def __init__(self, expected: int) -> None:
        self.work: tuple[list[SearchDocument], int, GlossaryWords, Path] | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._writer: threading.Thread | None = None
        if expected < WORTH_A_PROCESS or (os.cpu_count() or 1) < 2:
            return
        try:
            # Our own module, our own data, both ways: pickle is safe here.
            self._process = subprocess.Popen(
                [sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE
            )
        except OSError as error:
            log.debug("casebook: indexing the search words in this process (%s)", error)

    def send(
        self, documents: Sequence[SearchDocument], indexed: int, site_dir: Path, glossary: GlossaryWords = NO_GLOSSARY
    ) -> None:
        self.work = (list(documents), indexed, glossary, site_dir)
        if self._process is not None:
            # Pickled here, in a few milliseconds; written from a thread, which waits for the pipe
            # without the interpreter's lock, so the build goes on while the other process reads.
            data = pickle.dumps(self.work, protocol=pickle.HIGHEST_PROTOCOL)
            self._writer = threading.Thread(target=self._send, args=(data,), daemon=True)
            self._writer.start()

    def _send(self, data: bytes) -> None:
        assert self._process is not None and self._process.stdin is not None
        try:
            with self._process.stdin:
                self._process.stdin.write(data)
        except (OSError, ValueError):
            pass  # the process ended early, or the build stopped it: result() or cancel() deals with it

    def result(self) -> tuple[Postings, PassageTexts]:
        """The postings and the passage texts' folder. An OSError here (the site folder cannot be
        written) is the caller's to report."""
        assert self.work is not None, "send() gives the work before result() collects it"
        process, self._process = self._process, None
        if process is not None:
            try:
                assert process.stdout is not None and self._writer is not None
                result: tuple[Postings, PassageTexts] = pickle.load(process.stdout)
                self._writer.join()
                if process.wait() == 0:
                    return result
            except (OSError, EOFError, pickle.UnpicklingError) as error:
                log.debug("casebook: the search words process failed (%s); indexing here", error)
            finally:
                _stop(process)
        return index_and_write(*self.work)

    def cancel(self) -> None:
        """The build stopped (or has nothing to send): end the other process rather than leave it waiting."""
        process, self._process = self._process, None
        if process is not None:
            _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
    process.wait()
    for pipe in (process.stdin, process.stdout):  # stdin is still open when no work was sent
        if pipe is not None and not pipe.closed:
            try:
                pipe.close()
            except OSError:
                pass  # a write the thread had begun into the ended process


def _main() -> None:
    try:
        work = pickle.load(sys.stdin.buffer)
    except EOFError:
        sys.exit(1)  # the build ended before it sent any work
    try:
        result = index_and_write(*work)
    except OSError:
        sys.exit(1)  # the site folder cannot be written: the build tries itself, and says why
    pickle.dump(result, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    _main()
