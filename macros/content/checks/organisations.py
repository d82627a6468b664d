"""The trust and the school a case study is about (contract §1: ``trust``, ``school``)."""

from __future__ import annotations

import re

from macros.content.model import School, Trust
from macros.content.strict_yaml import YamlMap

from .checker import Checker
from .plain_text import text, text_list
from .primitives import describe, nested_mapping, whole_number

TRUST_FIELDS = ("name", "schools", "counties")
SCHOOL_FIELDS = ("name", "location", "age_range", "pupils", "fsm_percent", "setting")

_AGE_RANGE = re.compile(r"^\s*(\d{1,2})\s*[-–]\s*(\d{1,2})\s*$")


def trust(checker: Checker, fm: YamlMap) -> Trust | None:
    found = nested_mapping(checker, fm, "trust", TRUST_FIELDS)
    if found is None:
        return None
    name = text(checker, found, "name", "trust.name", required=True, one_line=True, missing_line=fm.line_of("trust"))
    schools = whole_number(checker, found, "schools", "trust.schools")
    counties = text_list(checker, found, "counties", "trust.counties")
    return Trust(name=name, schools=schools, counties=counties) if name else None


def school(checker: Checker, fm: YamlMap) -> School | None:
    found = nested_mapping(checker, fm, "school", SCHOOL_FIELDS)
    if found is None:
        return None
    name = text(checker, found, "name", "school.name", required=True, one_line=True, missing_line=fm.line_of("school"))
    location = text(checker, found, "location", "school.location", one_line=True)
    age_range = _age_range(checker, found)
    pupils = whole_number(checker, found, "pupils", "school.pupils")
    fsm_percent = _percent(checker, found)
    setting = text(checker, found, "setting", "school.setting")
    if not name:
        return None
    return School(name, location, age_range, pupils, fsm_percent, setting)


def _age_range(checker: Checker, school: YamlMap) -> str | None:
    value = school.get("age_range")
    if value is None:
        return None
    match = _AGE_RANGE.match(value) if isinstance(value, str) else None
    if match is None or int(match.group(1)) >= int(match.group(2)):
        checker.add(
            school.line_of("age_range"), "school.age_range",
            f"must be the youngest and oldest ages, such as \"4-11\", not {describe(value)}",
        )
        return None
    return f"{int(match.group(1))}-{int(match.group(2))}"


def _percent(checker: Checker, school: YamlMap) -> float | None:
    value = school.get("fsm_percent")
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 100:
        return value
    hint = " — write the number without '%'" if isinstance(value, str) and "%" in value else ""
    checker.add(school.line_of("fsm_percent"), "school.fsm_percent", f"must be a number from 0 to 100, not {describe(value)}{hint}")
    return None
