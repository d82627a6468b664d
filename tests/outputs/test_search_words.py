"""How the index reduces text to words (macros/outputs/search_words.py). The browser's
side (overrides/assets/javascripts/lib/words.mjs) reads the same word list in tests/js/, so both agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.outputs.search_words import GlossaryWords, WordReader, joined_numbers, normalise, stem, tokens

STEMS = [
    tuple(line.split("\t"))
    for line in (Path(__file__).resolve().parents[1] / "data" / "stems.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]

GLOSSARY = GlossaryWords.from_forms([
    ("TA", [("TA", "teaching assistant"), ("TAs", "teaching assistants")]),
    ("KS2", [("KS2", "Key Stage 2")]),
    ("SEND", [("SEND", "special educational needs and disabilities")]),
])


@pytest.mark.parametrize(("word", "expected"), STEMS)
def test_every_word_of_the_shared_list_has_its_stem(word: str, expected: str) -> None:
    assert stem(word) == expected
    assert word.startswith(stem(word))  # so a stem's words share the words file of its first letters


def test_forms_of_a_word_meet_and_short_words_keep_their_endings() -> None:
    assert stem("resits") == stem("resit") == stem("resitting")
    assert stem("estimating") == stem("estimate") == stem("estimation")
    assert stem("assistants") == stem("assistant")
    assert stem("posting") != stem("post")
    assert stem("ks2") == "ks2" and stem("2024") == "2024"


def test_text_is_normalised_and_split_as_the_browser_splits_it() -> None:
    assert tokens(normalise("Café ÉLAN, post-16!")) == ["cafe", "elan", "post", "16"]
    assert joined_numbers(normalise("Year 7 and Key Stage 2; 2024")) == ["year7", "stage2"]


def test_a_text_with_a_long_form_also_has_the_acronyms_word() -> None:
    reader = WordReader(GLOSSARY)
    assert "ta" in reader.words("Two Teaching Assistants ran it")
    assert "ta" in reader.words("the TAs")
    assert "ks2" in reader.words("pupils in Key Stage 2")
    assert "send" in reader.words("pupils with special educational needs and disabilities")
    assert "send" not in reader.words("special needs")  # only the whole long form
    assert "ta" not in reader.words("teaching the assistant")  # the words next to each other, as in a query


def test_the_glossary_as_the_browser_reads_it() -> None:
    assert GLOSSARY.as_json()[0] == ["ta", ["ta", "tas"], ["teaching assistant", "teaching assistants"]]
