"""Indexing the search words in a second process gives what indexing here gives,
and falls back to indexing here whenever the second process cannot help."""

from __future__ import annotations

import os
import sys

import pytest

from macros import search_worker
from macros.search_index import index_words
from macros.search_worker import WORTH_A_PROCESS, BackgroundWords


def sources(count: int) -> list[tuple[str, str, str]]:
    return [(f"Title {n} café", f"Summary {n}", f"Body text number{n % 17} shared words") for n in range(count)]


needs_two_cores = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the second process is only used with two cores")


@needs_two_cores
def test_a_large_library_is_indexed_in_another_process_with_the_same_result() -> None:
    documents = sources(WORTH_A_PROCESS + 50)
    background = BackgroundWords(documents)
    assert background._process is not None
    assert background.result() == index_words(documents)


def test_a_small_library_is_indexed_here() -> None:
    background = BackgroundWords(sources(10))
    assert background._process is None
    assert background.result() == index_words(sources(10))


@needs_two_cores
def test_if_the_other_process_cannot_start_the_words_are_indexed_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    documents = sources(WORTH_A_PROCESS)
    background = BackgroundWords(documents)
    assert background._process is None
    assert background.result() == index_words(documents)


@needs_two_cores
def test_if_the_other_process_fails_the_words_are_indexed_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_worker, "__name__", "no.such.module")  # the child cannot start its work
    documents = sources(WORTH_A_PROCESS)
    background = BackgroundWords(documents)
    assert background._process is not None
    assert background.result() == index_words(documents)


@needs_two_cores
def test_a_stopped_build_ends_the_other_process() -> None:
    background = BackgroundWords(sources(WORTH_A_PROCESS))
    process = background._process
    assert process is not None
    background.cancel()
    assert process.returncode is not None
