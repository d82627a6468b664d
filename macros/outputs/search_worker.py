"""The case studies' search words and passage texts, in a second process.

Splitting thousands of case studies into words, and writing a passage text for
each, are among the longest steps of the casebook's own work (macros/content/bodies.py
does the longest, rendering the bodies, on two cores too). They need only the case
studies, so they can run on another core while MkDocs renders the pages on this
one. The other process answers with the words and where the texts go as soon as it
has them, then writes the texts while the pages are written. With one core, few
case studies, or any trouble with the second process, the same work is done here
instead, with the same result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from macros.content.worker_process import WorkerProcess, serve, start_worker
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
        self._process: WorkerProcess | None = start_worker(__name__, expected, WORTH_A_PROCESS)
        self._texts: tuple[PassageTexts, list[str]] | None = None  # written here, when the other process cannot

    def send(
        self, documents: Sequence[SearchDocument], indexed: int, site_dir: Path, glossary: GlossaryWords = NO_GLOSSARY
    ) -> None:
        self.work = (list(documents), indexed, glossary, site_dir)
        if self._process is not None:
            self._process.send(self.work)

    def result(self) -> tuple[Postings, PassageTexts]:
        """The postings, and where the passage texts go (they may still be being written)."""
        assert self.work is not None, "send() gives the work before result() collects it"
        if self._process is not None:
            answer = self._process.answer()
            if isinstance(answer, tuple):
                postings, texts = answer
                return postings, texts
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
            if process.wait():
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
            process.stop()


def _index(work: Work, reply: Callable[[object], None]) -> bool:
    documents, indexed, glossary, site_dir = work
    postings = index_words(word_sources(documents[:indexed]), glossary=glossary)
    texts, files = passage_texts(documents)
    # The build needs the words now; the texts only once the pages are written.
    reply((postings, texts))
    try:
        write_passage_texts(site_dir, texts, files)
    except OSError:
        return False  # the site folder cannot be written: the build tries itself, and says why
    return True


if __name__ == "__main__":
    serve(_index)
