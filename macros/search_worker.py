"""Indexing the case studies' words in a second process.

Splitting thousands of case studies into words is the longest step of the
casebook's own work. It needs only the case studies, so it can start as soon as
they are loaded and run on another core while MkDocs renders the pages on this
one; the search files are put together from its result once every page is
read. With one core, few case studies, or any trouble with the second process,
the words are indexed here instead, with the same result.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Sequence

from .search_index import Postings, WordSource, index_words
from .search_words import NO_GLOSSARY, GlossaryWords

log = logging.getLogger("mkdocs.plugins.casebook")

# Below this many documents a second Python costs more time than it saves.
WORTH_A_PROCESS = 300


class BackgroundWords:
    """index_words(documents, glossary=glossary), started now, collected with result()."""

    def __init__(self, documents: Sequence[WordSource], glossary: GlossaryWords = NO_GLOSSARY) -> None:
        self.documents = documents
        self.glossary = glossary
        self._process: subprocess.Popen[bytes] | None = None
        self._writer: threading.Thread | None = None
        if len(documents) < WORTH_A_PROCESS or (os.cpu_count() or 1) < 2:
            return
        try:
            # Our own module, our own data, both ways: pickle is safe here.
            self._process = subprocess.Popen(
                [sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE
            )
        except OSError as error:
            log.debug("casebook: indexing the search words in this process (%s)", error)
            return
        # Written from a thread, so the build goes on while the other process reads.
        self._writer = threading.Thread(target=self._send, daemon=True)
        self._writer.start()

    def _send(self) -> None:
        assert self._process is not None and self._process.stdin is not None
        try:
            with self._process.stdin:
                pickle.dump((list(self.documents), self.glossary), self._process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError:
            pass  # the process ended early; result() finds out and indexes here

    def result(self) -> Postings:
        process, self._process = self._process, None
        if process is not None:
            try:
                assert process.stdout is not None and self._writer is not None
                postings: Postings = pickle.load(process.stdout)
                self._writer.join()
                if process.wait() == 0:
                    return postings
            except (OSError, EOFError, pickle.UnpicklingError) as error:
                log.debug("casebook: the search words process failed (%s); indexing here", error)
            finally:
                _stop(process)
        return index_words(self.documents, glossary=self.glossary)

    def cancel(self) -> None:
        """The build stopped: end the other process rather than leave it waiting."""
        process, self._process = self._process, None
        if process is not None:
            _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
    process.wait()
    if process.stdout is not None:
        process.stdout.close()


def _main() -> None:
    documents, glossary = pickle.load(sys.stdin.buffer)
    pickle.dump(index_words(documents, glossary=glossary), sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    _main()
