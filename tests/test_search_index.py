"""The site's search index: words as the browser normalises them, small
versioned files, postings that say which documents and whether in the title."""

from __future__ import annotations

import json

import pytest

from macros import search_index
from macros.search_index import (
    STOPWORDS, SearchDocument, build_search_files, index_words, markdown_text, normalise, word_sources, words,
)


def doc(n: int, title: str = "", text: str = "", summary: str = "") -> SearchDocument:
    return SearchDocument(f"case-studies/doc-{n}/", title or f"Document {n}", summary, text)


def decode(deltas: list[int]) -> list[tuple[int, bool]]:
    """(document id, in its title) from a word's delta-encoded postings."""
    value, found = 0, []
    for delta in deltas:
        value += delta
        found.append((value >> 1, bool(value & 1)))
    return found


def postings(files: search_index.SearchFiles, word: str) -> list[tuple[int, bool]]:
    """Look a word up as the browser does: the file whose key is the longest prefix of it."""
    key = max((k for k in files.word_keys if word.startswith(k)), key=len)
    return decode(json.loads(files.files[key])[word])


def test_words_are_lower_case_without_accents_and_without_stopwords() -> None:
    assert normalise("Café ÉLAN") == "cafe elan"
    assert words("The Café at Élan School, and its 2024 plan") == {"cafe", "elan", "school", "2024", "plan"}
    assert not words("a I of the") & STOPWORDS


def test_link_targets_are_not_words() -> None:
    assert words("See [the report](https://example.org/secret-path) here") == {"see", "report", "here"}
    assert "hidden" not in words("Text\n\n[ref]: https://example.org/hidden\n")


def test_one_letter_words_are_left_out() -> None:
    assert words("x y z maths") == {"maths"}


def test_postings_give_each_document_and_whether_the_word_is_in_its_title() -> None:
    files = build_search_files([doc(0, "Ratio tables", "ratio again"), doc(1, text="about ratio"), doc(2, text="nothing")])
    assert postings(files, "ratio") == [(0, True), (1, False)]
    assert postings(files, "tables") == [(0, True)]
    assert postings(files, "nothing") == [(2, False)]


def test_documents_come_a_hundred_to_a_file_with_url_title_and_summary() -> None:
    documents = [doc(n, summary=f"Summary {n}") for n in range(250)]
    files = build_search_files(documents)
    assert files.documents == 250
    assert [key for key in files.files if key.startswith("docs-")] == ["docs-0", "docs-1", "docs-2"]
    assert json.loads(files.files["docs-2"])[49] == ["case-studies/doc-249/", "Document 249", "Summary 249"]


def test_a_letter_with_too_many_words_is_split_by_the_next_letter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "WORDS_FILE_SIZE", 200)
    vocabulary = ["st", "stop", "stopping", "start", "sum", "summer", "sx", "table"] + [f"s{n:03d}word" for n in range(40)]
    files = build_search_files([doc(0, text=" ".join(vocabulary))])
    assert "t" in files.word_keys and "s" not in files.word_keys
    assert {"st", "su", "s00", "s01"} <= set(files.word_keys)  # "s0…" was still too big: split again
    # Every word is in exactly one file: the one whose key is the longest prefix of it.
    for word in vocabulary:
        holders = [key for key in files.word_keys if word in json.loads(files.files[key])]
        assert holders == [max((k for k in files.word_keys if word.startswith(k)), key=len)], word
    assert all(len(files.files[key]) <= 200 or len(key) == search_index.LONGEST_KEY for key in files.word_keys)


def test_the_version_changes_with_the_content_and_only_then() -> None:
    first = build_search_files([doc(0, text="number sense")])
    assert build_search_files([doc(0, text="number sense")]).version == first.version
    assert build_search_files([doc(0, text="number facts")]).version != first.version
    assert first.path("n") == f"case-studies/search/{first.version}/n.json"


def test_words_indexed_ahead_give_the_same_files() -> None:
    documents = [doc(n, f"Title {n}", f"shared words and word{n}") for n in range(30)]
    ahead = index_words(word_sources(documents[:20]))
    assert build_search_files(documents, (20, ahead)).files == build_search_files(documents).files


def test_markdown_text_leaves_out_macros_code_markup_and_link_targets() -> None:
    text = markdown_text(
        "---\ntitle: x\n---\n# Heading\n\n{{ field_table() }} Some **bold** [link](https://x.org/y)\n\n```\ncode\n```\n"
    )
    assert text == "Heading Some bold link"
