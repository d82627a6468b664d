"""Values are read as an editor means them, not as YAML 1.1 guesses (contract §1)."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.content.strict_yaml import InvalidDate, YamlList, YamlMap, YamlProblem, load_yaml


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
        ("title: Why: because", 2, "put the whole value in single quotes, writing any ' inside it twice: title: 'Why: because'"),
        ("title: x\n  type: y: z", 3, "a value contains ': ' or a line is indented too far"),  # no one line fixes it
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


COLON_HOW = (
    "the value holds a ': ' (colon and space), which YAML reads as a new field — put the whole value in single "
    "quotes, writing any ' inside it twice:"
)


@pytest.mark.parametrize(
    ("text", "line", "field", "message"),
    [
        ("title: Why: because", 2, "title", f"{COLON_HOW} title: 'Why: because'"),
        ("trust:\n  name: A: B\n  schools: 3", 3, "trust.name", f"{COLON_HOW}   name: 'A: B'"),
        ("people:\n- name: A\n- name: B\n  role: Head: maths", 5, "people.2.role", f"{COLON_HOW}   role: 'Head: maths'"),
        ("people:\n  - name: A\n    role: x\n  - role: y\n    name: It's: B", 6, "people.2.name",
         f"{COLON_HOW}     name: 'It''s: B'"),
        # A data/ file is a list: its item numbers lead the field.
        ("- id: a\n  name: A\n- id: b\n  name: Our: hub", 5, "2.name", f"{COLON_HOW}   name: 'Our: hub'"),
    ],
)
def test_a_colon_in_a_value_names_the_dotted_key_and_the_line_that_works(
    text: str, line: int, field: str, message: str
) -> None:
    with pytest.raises(YamlProblem) as raised:
        load_yaml(text, first_line=2)
    # Contract §5: a syntax problem is in the field 'front matter' (no field of its own); the message names the key.
    assert (raised.value.line, raised.value.field) == (line, None)
    assert raised.value.message == f"{field}: {message}"


def test_a_key_whose_nesting_is_unclear_gets_the_line_but_no_field() -> None:
    with pytest.raises(YamlProblem) as raised:
        load_yaml("'a b':\n  name: A: B", first_line=2)
    assert (raised.value.line, raised.value.field) == (3, None)
    assert raised.value.message == f"YAML syntax error: {COLON_HOW}   name: 'A: B'"


def test_a_rewrite_is_offered_only_where_it_gets_yaml_past_the_error() -> None:
    # The quote on line 2 does close, on line 3: closing it on line 2 would not help line 5.
    with pytest.raises(YamlProblem) as raised:
        load_yaml('title: "two\n  lines"\ntype: x\n  date: y', first_line=2)
    assert raised.value.line == 5 and raised.value.field is None
    assert "a line is indented too far" in raised.value.message
    # Nor is one offered for a [list] or a {mapping}, which are not text.
    with pytest.raises(YamlProblem) as raised:
        load_yaml("hubs: [jurassic, mobius: x", first_line=2)
    assert raised.value.field is None and "' inside it twice" not in raised.value.message


@pytest.mark.parametrize(
    ("value", "meant"),
    [
        ("It's \"our\" story: a year", "It's \"our\" story: a year"),
        ('"It\'s "our" story: a year"', "It's \"our\" story: a year"),
        ("'It's our story'", "It's our story"),
        ("'It's our story", "It's our story"),
        ("'Sam''s story' of a year", "'Sam''s story' of a year"),
        ("'Our' story", "'Our' story"),
        ('"Maths" and "more"', '"Maths" and "more"'),
        ('"Our story: a year', "Our story: a year"),
        ('"Our story: a year”', "Our story: a year"),
        ("'It’s ours’", "It’s ours"),
        ('"“Our” story" a year', '"“Our” story" a year'),
        ("“Our” story: a year", "“Our” story: a year"),
        ('"a \\"quoted\\" "word" here"', 'a "quoted" "word" here'),
    ],
)
def test_every_suggested_line_reads_back_as_the_value_meant(value: str, meant: str) -> None:
    with pytest.raises(YamlProblem) as raised:
        load_yaml(f"title: {value}\ntype: x")
    suggested = raised.value.field_message.split(" twice: ", 1)[1]
    assert load_yaml(f"{suggested}\ntype: x") == {"title": meant, "type": "x"}
