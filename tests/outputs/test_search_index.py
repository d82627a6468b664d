"""The site's search index: words as the browser reads them, small versioned
files, postings that say which documents use a word and where (title, facts
and summary, or body), one small file per result and per passage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from macros.outputs import search_index
from macros.outputs.search_index import (
    BODY, FACTS, TITLE, SearchDocument, build_search_files, case_study_text, index_words, markdown_text,
    passage_text, passage_texts, word_sources, words, write_passage_texts,
)
from macros.outputs.search_words import STOPWORDS, GlossaryWords


def doc(n: int, title: str = "", text: str = "", summary: str = "", facts: str = "") -> SearchDocument:
    return SearchDocument(f"case-studies/doc-{n}/", title or f"Document {n}", summary, text, facts)


def decode(deltas: list[int]) -> list[tuple[int, int]]:
    """(document id, field) from a word's delta-encoded postings."""
    value, found = 0, []
    for delta in deltas:
        value += delta
        found.append((value >> 2, value & 3))
    return found


def postings(files: search_index.SearchFiles, word: str) -> list[tuple[int, int]]:
    """Look a word up as the browser does: the file whose key is the longest prefix of it."""
    key = max((k for k in files.word_keys if word.startswith(k)), key=len)
    return decode(json.loads(files.files[key])[word])


def test_words_are_lower_case_without_accents_and_without_stopwords() -> None:
    assert words("The Café at Élan School, and its 2024 plan") == {"cafe", "elan", "school", "2024", "plan"}
    assert not words("a I of the") & STOPWORDS


def test_link_targets_are_not_words() -> None:
    assert words("See [the report](https://example.org/secret-path) here") == {"see", "report", "here"}
    assert "hidden" not in words("Text\n\n[ref]: https://example.org/hidden\n")


def test_one_letter_words_are_left_out_but_a_number_after_a_word_counts() -> None:
    assert words("x y z maths") == {"maths"}
    assert words("Year 7 pupils") == {"year", "year7", "pupils"}


def test_postings_give_each_document_and_where_the_word_is() -> None:
    files = build_search_files([
        doc(0, "Ratio tables", "ratio again", summary="About ratio."),
        doc(1, text="about ratio", facts="Jurassic Maths Hub"),
        doc(2, text="nothing", summary="A ratio summary"),
    ])
    assert postings(files, "ratio") == [(0, TITLE), (1, BODY), (2, FACTS)]
    assert postings(files, "jurassic") == [(1, FACTS)]
    assert postings(files, "tables") == [(0, TITLE)]
    assert postings(files, "nothing") == [(2, BODY)]


def test_words_are_kept_as_written_so_the_browser_can_stem_them() -> None:
    files = build_search_files([doc(0, text="Students resitting their resits")])
    assert postings(files, "resitting") == [(0, BODY)] and postings(files, "resits") == [(0, BODY)]


def test_an_acronym_and_its_long_form_are_one_word() -> None:
    glossary = GlossaryWords.from_forms([
        ("TA", [("TA", "teaching assistant"), ("TAs", "teaching assistants")]),
        ("KS2", [("KS2", "Key Stage 2")]),
    ])
    files = build_search_files(
        [doc(0, text="Our teaching assistants led it."), doc(1, text="The TAs met."), doc(2, text="Teaching at Key Stage 2.")],
        glossary=glossary,
    )
    assert postings(files, "ta") == [(0, BODY), (1, BODY)]
    assert postings(files, "ks2") == [(2, BODY)]
    assert json.loads(files.files["search"])["glossary"] == [
        ["ta", ["ta", "tas"], ["teaching assistant", "teaching assistants"]], ["ks2", ["ks2"], ["key stage 2"]],
    ]


def test_documents_come_ten_to_a_file_and_each_has_its_text_for_passages() -> None:
    documents = [doc(n, summary=f"Summary {n}", text=f"Body {n}." if n % 2 else "") for n in range(250)]
    files = build_search_files(documents)
    assert files.documents == 250
    assert len([key for key in files.files if key.startswith("docs-")]) == 25
    assert json.loads(files.files["docs-24"])[9] == ["case-studies/doc-249/", "Document 249", "Summary 249"]
    assert json.loads(files.files["text-249"]) == "Body 249."
    assert "text-248" not in files.files  # nothing to draw a passage from


def test_the_case_studies_texts_have_a_folder_named_by_what_is_in_it(tmp_path: Path) -> None:
    documents = [doc(n, text=f"Body {n}.") for n in range(3)]
    texts, files = passage_texts(documents[:2])
    assert texts.folder.startswith("case-studies/search/texts-") and texts.folder.endswith("/")
    assert texts.count == 2
    assert passage_texts(documents[:2])[0].folder == texts.folder
    other = passage_texts([doc(0, text="Other.")])[0]
    assert other.folder != texts.folder
    write_passage_texts(tmp_path, texts, files)
    assert json.loads((tmp_path / texts.folder / "1.json").read_text()) == "Body 1."
    # The search files say where they are, and hold only the other documents' texts.
    search = build_search_files(documents, texts=texts)
    assert json.loads(search.files["search"])["texts"] == {"base": "../" + texts.folder.split("/")[-2] + "/", "count": 2}
    assert [key for key in search.files if key.startswith("text-")] == ["text-2"]
    assert build_search_files(documents, texts=other).version != search.version


def test_a_passage_is_drawn_from_the_facts_then_the_body_in_plain_text() -> None:
    assert passage_text(doc(0, text="One\n\ntwo  three", facts="Primary · Jurassic")) == "Primary · Jurassic One two three"
    long = passage_text(doc(0, text="word " * 10_000))
    assert len(long) <= search_index.TEXT_LENGTH and long.endswith("word")


def test_a_case_studys_markdown_becomes_plain_text() -> None:
    text = case_study_text(
        "## 1. What *was* the **goal**?\n\n- A [link](https://x.org/a) to the_report\n> quoted\n\n"
        "| a | b |\n|---|:-:|\n| 1 | 2 |\n\n!!! note \"Title\"\n    Body `code` post-16\n\n[ref]: https://example.org\n"
    )
    assert " ".join(text.split()) == '1. What was the goal ? A link to the_report quoted a b 1 2 "Title" Body code post-16'


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
    assert first.base + "n.json" == f"case-studies/search/{first.version}/n.json"


def test_words_indexed_ahead_give_the_same_files() -> None:
    documents = [doc(n, f"Title {n}", f"shared words and word{n}", facts="Key Stage 2") for n in range(30)]
    glossary = GlossaryWords.from_forms([("KS2", [("KS2", "Key Stage 2")])])
    ahead = index_words(word_sources(documents[:20]), glossary=glossary)
    rest = index_words(word_sources(documents[20:]), first=20, glossary=glossary)
    assert build_search_files(documents, (ahead, rest), glossary).files == build_search_files(documents, glossary=glossary).files


def test_markdown_text_leaves_out_macros_code_markup_and_link_targets() -> None:
    text = markdown_text(
        "---\ntitle: x\n---\n# Heading\n\n{{ field_table() }} Some **bold** [link](https://x.org/y)\n\n```\ncode\n```\n"
        "\n```text\ncase_studies/x.md:7: hubs: unknown hub 'jurrasic' — did you mean 'jurassic'?\n```\nAfter.\n"
    )
    assert text == "Heading Some bold link After."
