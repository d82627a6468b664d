"""What every rule is given: the file being checked, the vocabularies, today, and
the list its problems go into, in the order the rules find them."""

from __future__ import annotations

import datetime as dt

from macros.content.loading import CaseStudyFile
from macros.content.model import Problem, Vocabularies


class Checker:
    def __init__(self, file: CaseStudyFile, vocabularies: Vocabularies, today: dt.date) -> None:
        self.file = file
        self.vocabularies = vocabularies
        self.today = today
        self.problems: list[Problem] = []

    def add(self, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.file.display_path, line, field, message))
