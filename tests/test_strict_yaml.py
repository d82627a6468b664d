"""Values are read as an editor means them, not as YAML 1.1 guesses (contract §1)."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.strict_yaml import InvalidDate, YamlList, YamlMap, YamlProblem, load_yaml


def test_yes_no_on_off_stay_strings() -> None:
    data = load_yaml("a: No\nb: Yes\nc: On\nd: Off\ne: y\nf: n")
    assert data == {"a": "No", "b": "Yes", "c": "On", "d": "Off", "e": "y", "f": "n"}


def test_only_true_and_false_are_booleans() -> None:
    assert load_yaml("a: true\nb: False\nc: TRUE") == {"a": True, "b": False, "c": True}


def test_numbers_dates_and_nulls() -> None:
    data = load_yaml("n: 46\nf: 46.5\nd: 2025-11-28\nz: 010\nu: 1_000\nt: 1:20\nempty:\ntilde: ~")
    assert data == {
        "n": 46, "f": 46.5, "d": dt.date(2025, 11, 28),
        "z": 10, "u": "1_000", "t": "1:20", "empty": None, "tilde": None,
    }


def test_date_shaped_text_that_is_not_a_date_is_kept_for_the_checker() -> None:
    assert load_yaml("d: 2025-02-30") == {"d": InvalidDate("2025-02-30")}


def test_datetimes_stay_text() -> None:
    assert load_yaml("d: 2025-11-28T10:00:00") == {"d": "2025-11-28T10:00:00"}


def test_mappings_and_lists_remember_file_lines() -> None:
    data = load_yaml("title: x\nhubs:\n  - a\n  - b\ntrust:\n  name: T", first_line=2)
    assert isinstance(data, YamlMap)
    assert data.key_lines == {"title": 2, "hubs": 3, "trust": 6}
    assert isinstance(data["hubs"], YamlList) and data["hubs"].item_lines == [4, 5]
    assert data["trust"].line_of("name") == 7


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: 1\nb: 2\na: 3", 4, "key 'a' appears twice (first on line 2)"),
        ("a: &x 1\nb: *x", 2, "anchors and aliases"),
        ("a: [b, *x]", 2, "anchors and aliases"),
        ("a:\n\t- b", 3, "tab"),
        ("title: Why: because", 2, "put the value in quotes"),
        ("a: [b, c", 3, "is not closed"),
        ("a: !!python/object:os.system x", 2, "'!!python/object:os.system' are not allowed"),
        ("a: !custom x", 2, "'!custom' are not allowed"),
        ("a: !!binary aGk=", 2, "are not allowed"),
        ("? [a]\n: 1", 2, "a key must be a plain word"),
        ("a: " + "[" * 40 + "]" * 40, 2, "nested more than"),
        ("a: '\x07'", 2, "control character"),
        ("a: \"unterminated", 2, "never closed"),
    ],
)
def test_errors_name_the_file_line_and_say_what_to_do(text: str, line: int, words: str) -> None:
    with pytest.raises(YamlProblem) as raised:
        load_yaml(text, first_line=2)
    assert raised.value.line == line
    assert words in raised.value.message


@pytest.mark.parametrize(
    ("text", "line", "field", "message"),
    [
        ("a: 1\nb: 2\na: 3", 4, "a", "appears twice (first on line 2) — keep one of them"),
        ("trust:\n  name: A\n  name: B", 4, "trust.name", "appears twice (first on line 3) — keep one of them"),
        ("people:\n  - name: A\n  - name: B\n    name: C", 5, "people.2.name", "appears twice (first on line 4) — keep one of them"),
        ("a:\n  - - b: 1\n      b: 2", 4, "a.1.1.b", "appears twice (first on line 3) — keep one of them"),
        # Keys that would not print safely as a field: the message names them, the field is the parent's.
        ("trust:\n  'x: y': 1\n  'x: y': 2", 4, "trust", "key 'x: y' appears twice (first on line 3) — keep one of them"),
        ('"x\\ny":\n  a: 1\n  a: 2', 4, None, "key 'a' appears twice (first on line 3) — keep one of them"),
        ("' a ': 1\n' a ': 2", 3, None, "key ' a ' appears twice (first on line 2) — keep one of them"),
    ],
)
def test_a_key_written_twice_names_its_dotted_field(text: str, line: int, field: str | None, message: str) -> None:
    with pytest.raises(YamlProblem) as raised:
        load_yaml(text, first_line=2)
    assert (raised.value.line, raised.value.field, raised.value.field_message) == (line, field, message)
    assert raised.value.message.startswith("key '")  # stands on its own for data/ files, which print no key field


def test_other_problems_have_no_field() -> None:
    with pytest.raises(YamlProblem) as raised:
        load_yaml("a: &x 1\nb: *x")
    assert raised.value.field is None and raised.value.field_message == raised.value.message


def test_billion_laughs_is_refused_not_expanded() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "\n".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)
    )
    with pytest.raises(YamlProblem, match="anchors and aliases"):
        load_yaml(bomb)
