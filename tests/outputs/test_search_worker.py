"""The search words and passage texts done in a second process give what doing them here
gives, and the work falls back to here whenever the second process cannot help."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from macros.outputs import search_worker
from macros.outputs.search_index import SearchDocument, index_words, word_sources
from macros.outputs.search_worker import WORTH_A_PROCESS, BackgroundWords


def documents(count: int) -> list[SearchDocument]:
    return [
        SearchDocument(f"case-studies/s{n}/", f"Title {n} café", f"Summary {n}",
                       text=f"Body text number{n % 17} shared words", facts=f"Hub {n % 3}")
        for n in range(count)
    ]


def started(docs: list[SearchDocument], indexed: int, site: Path) -> BackgroundWords:
    background = BackgroundWords(expected=len(docs))
    background.send(docs, indexed, site)
    return background


def done_here(docs: list[SearchDocument], indexed: int) -> dict[str, list[int]]:
    return index_words(word_sources(docs[:indexed]))


def passage(site: Path, folder: str, number: int) -> str:
    text: str = json.loads((site / folder / f"{number}.json").read_text(encoding="utf-8"))
    return text


needs_two_cores = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the second process is only used with two cores")


@needs_two_cores
def test_a_large_library_is_indexed_and_its_passages_written_in_another_process(tmp_path: Path) -> None:
    docs = documents(WORTH_A_PROCESS + 50)
    background = started(docs, 200, tmp_path)
    assert background._process is not None
    postings, texts = background.result()  # as soon as the words are known
    assert postings == done_here(docs, 200)  # only the first 200: the build indexes the rest
    assert texts.count == len(docs)  # but every passage text
    background.finish()  # once the texts are written
    assert passage(tmp_path, texts.folder, 349) == "Hub 1 Body text number9 shared words"


def test_a_small_library_is_done_here(tmp_path: Path) -> None:
    background = started(documents(10), 10, tmp_path)
    assert background._process is None
    postings, texts = background.result()
    assert postings == done_here(documents(10), 10)
    background.finish()
    assert passage(tmp_path, texts.folder, 3) == "Hub 0 Body text number3 shared words"


@needs_two_cores
def test_if_the_other_process_cannot_start_the_work_is_done_here(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    docs = documents(WORTH_A_PROCESS)
    background = started(docs, len(docs), tmp_path)
    assert background._process is None
    postings, texts = background.result()
    assert postings == done_here(docs, len(docs))
    background.finish()
    assert passage(tmp_path, texts.folder, 0) == "Hub 0 Body text number0 shared words"


@needs_two_cores
def test_if_the_other_process_fails_the_work_is_done_here(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(search_worker, "__name__", "no.such.module")  # the child cannot start its work
    docs = documents(WORTH_A_PROCESS)
    background = started(docs, len(docs), tmp_path)
    assert background._process is not None
    postings, texts = background.result()
    assert postings == done_here(docs, len(docs))
    background.finish()
    assert passage(tmp_path, texts.folder, 0) == "Hub 0 Body text number0 shared words"


@needs_two_cores
def test_a_site_folder_that_cannot_be_written_is_the_callers_to_report(tmp_path: Path) -> None:
    blocked = tmp_path / "site"
    blocked.write_text("a file where the site folder should be")
    background = started(documents(WORTH_A_PROCESS), 10, blocked)
    assert background._process is not None
    postings, texts = background.result()  # the words come first
    assert postings == done_here(documents(WORTH_A_PROCESS), 10)
    with pytest.raises(OSError):
        background.finish()  # the other process failed quietly; done here, it fails again, and says so


@needs_two_cores
def test_a_stopped_build_ends_the_other_process(tmp_path: Path) -> None:
    background = started(documents(WORTH_A_PROCESS), 10, tmp_path)
    process = background._process
    assert process is not None and process.running
    background.cancel()
    assert not process.running


@needs_two_cores
def test_the_other_process_starts_before_its_work_is_known_and_ends_if_none_comes() -> None:
    background = BackgroundWords(expected=WORTH_A_PROCESS)
    process = background._process
    assert process is not None and process.running  # importing, then waiting for its work
    background.cancel()  # the build found problems: nothing is sent
    assert not process.running


def test_a_process_given_no_work_ends_quietly() -> None:
    ended = subprocess.run([sys.executable, "-m", search_worker.__name__], input=b"", capture_output=True, check=False)
    assert (ended.returncode, ended.stdout, ended.stderr) == (1, b"", b"")  # no traceback for an editor to read


def test_few_expected_case_studies_start_no_process() -> None:
    assert BackgroundWords(expected=WORTH_A_PROCESS - 1)._process is None
