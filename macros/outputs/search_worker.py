"""The case studies' search words and passage texts, in a second process.

Splitting thousands of case studies into words, and writing a passage text for
each, are the longest steps of the casebook's own work. They need only the case
studies, so they can run on another core while MkDocs renders the pages on this
one. The other process answers with the words and where the texts go as soon as it
has them, then writes the texts while the pages are written. With one core, few
case studies, or any trouble with the second process, the same work is done here
instead, with the same result.
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

from macros.outputs.search_index import (
    PassageTexts, Postings, SearchDocument, index_words, passage_texts, word_sources, write_passage_texts,
)
from macros.outputs.search_words import NO_GLOSSARY, GlossaryWords

log = logging.getLogger("mkdocs.plugins.casebook")

# Below this many documents a second Python costs more time than it saves.
WORTH_A_PROCESS = 300
Work = tuple[list[SearchDocument], int, GlossaryWords, Path]  # documents, how many to index, glossary, site folder


class BackgroundWords:
    """The words of the first ``indexed`` documents and every document's passage text, in
    another process.

    Made as the build starts, with how many case studies it expects, so the other Python
    starts and imports while the case studies load. send() gives it its work; result()
    collects the words and where the texts go; finish() waits until the texts are written
    (or writes them here)."""

    def __init__(self, expected: int) -> None:
        self.work: Work | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._writer: threading.Thread | None = None
        self._texts: tuple[PassageTexts, list[str]] | None = None  # written here, when the other process cannot
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
        """The postings, and where the passage texts go (they may still be being written)."""
        assert self.work is not None, "send() gives the work before result() collects it"
        if self._process is not None:
            try:
                assert self._process.stdout is not None and self._writer is not None
                answer: tuple[Postings, PassageTexts] = pickle.load(self._process.stdout)
                self._writer.join()
                return answer
            except (OSError, EOFError, pickle.UnpicklingError) as error:
                log.debug("casebook: the search words process failed (%s); indexing here", error)
                self.cancel()
        documents, indexed, glossary, _ = self.work
        self._texts = passage_texts(documents)
        return index_words(word_sources(documents[:indexed]), glossary=glossary), self._texts[0]

    def finish(self) -> None:
        """Every passage text is written once this returns. An OSError (the site folder cannot
        be written) is the caller's to report."""
        assert self.work is not None
        process, self._process = self._process, None
        if process is not None:
            written = process.wait() == 0
            _stop(process)
            if written:
                return
            log.debug("casebook: the search words process could not write the passages; writing them here")
            self._texts = passage_texts(self.work[0])
        if self._texts is not None:
            write_passage_texts(self.work[3], *self._texts)
            self._texts = None

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
        work: Work = pickle.load(sys.stdin.buffer)
    except EOFError:
        sys.exit(1)  # the build ended before it sent any work
    documents, indexed, glossary, site_dir = work
    postings = index_words(word_sources(documents[:indexed]), glossary=glossary)
    texts, files = passage_texts(documents)
    # The build needs the words now; the texts only once the pages are written.
    pickle.dump((postings, texts), sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()
    try:
        write_passage_texts(site_dir, texts, files)
    except OSError:
        sys.exit(1)  # the site folder cannot be written: the build tries itself, and says why


if __name__ == "__main__":
    _main()
