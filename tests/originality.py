"""Originality guard for the seed library: no run of eight words from a source.

The sources themselves stay out of the repository; only hashes of their
eight-word runs ("shingles") are committed, in tests/data/source-shingles.txt.
Regenerate that file when a source is added:

    .venv/bin/python tests/originality.py ../shared/sources/*.txt > tests/data/source-shingles.txt
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

SHINGLE_WORDS = 8
SHINGLES_FILE = Path(__file__).parent / "data" / "source-shingles.txt"


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text).lower()
    text = text.replace("’", "'").replace("‘", "'")
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text)


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    return set(shingles(text, size))


def shingles(text: str, size: int = SHINGLE_WORDS, facts: Iterable[str] = ()) -> dict[str, str]:
    """Hash -> the words, for every run of ``size`` words.

    Runs that cross a declared fact (a name, a role, an official title) are
    skipped: facts are meant to be kept word for word.
    """
    tokens = words(text)
    blocked = [False] * len(tokens)
    for fact in facts:
        fact_tokens = words(fact)
        if not fact_tokens:
            continue
        width = len(fact_tokens)
        for i in range(len(tokens) - width + 1):
            if tokens[i : i + width] == fact_tokens:
                for j in range(i, i + width):
                    blocked[j] = True
    found = {}
    for i in range(len(tokens) - size + 1):
        if any(blocked[i : i + size]):
            continue
        run = " ".join(tokens[i : i + size])
        found[hashlib.sha1(run.encode()).hexdigest()[:16]] = run
    return found


def fingerprint(paths: Iterable[Path]) -> set[str]:
    found: set[str] = set()
    for path in paths:
        found |= shingle_hashes(path.read_text(encoding="utf-8"))
    return found


def load_fingerprints() -> set[str]:
    return set(SHINGLES_FILE.read_text().split())


def declared_facts(case_study: Any) -> list[str]:
    """Names, roles and titles a case study declares: these may match a source word for word."""
    facts = [case_study.source.title or ""] if case_study.source else []
    for person in case_study.people:
        facts.append(person.name)
        facts.extend(part.strip() for part in (person.role or "").split(","))
    if case_study.trust:
        facts.append(case_study.trust.name)
    if case_study.school:
        facts += [case_study.school.name, case_study.school.location or "", case_study.school.setting or ""]
    return [fact for fact in facts if fact]


def copied_runs(case_study: Any, vocabulary_names: Iterable[str], fingerprints: set[str]) -> list[str]:
    """Eight-word runs of a case study's title, summary and body that also occur in a source."""
    facts = [*declared_facts(case_study), *vocabulary_names, *OFFICIAL_TITLES]
    text = "\n".join((case_study.title, case_study.summary, case_study.body))
    return sorted({run for digest, run in shingles(text, facts=facts).items() if digest in fingerprints})


# Official names that a case study may repeat exactly.
OFFICIAL_TITLES = (
    "Specialist Knowledge for Teaching Mathematics",
    "Secondary Non-specialist Teachers",
    "Post-16 GCSE and FSQ Mastery Specialist Programme",
    "Post-16 GCSE/FSQ Mastery Specialist Programme",
    "Supporting Students to Achieve a L2 Qualification in Maths",
    "Developing Mathematical Coherence for Learners Across Maths and Science",
    "Developing Fluency with Multiplicative Reasoning at KS3",
    "Secondary MAT Maths Leaders Community",
    "Five Big Ideas in Teaching for Mastery",
    "local leaders of mathematics education",
    "Find Out in Five",
    "National Centre for Excellence in the Teaching of Mathematics",
    # The sources' own titles, as cited in "Sources" sections.
    "Building maths leadership through trust and Maths Hub collaboration",
    "United Learning: a model for trusts working with Maths Hubs",
    "Maths hubs: blending subject specialism and system leadership",
    "Maths Hubs Programme Annual Report 2024/25",
    "Trusts working with Maths Hubs",
)


def main(arguments: list[str]) -> int:
    if arguments[:1] != ["--check"]:
        print("\n".join(sorted(fingerprint(Path(arg) for arg in arguments))))
        return 0
    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root))
    from macros.library import load_library

    library = load_library(root, paths=[Path(arg) for arg in arguments[1:]] or None)
    for problem in library.problems:
        print(problem)
    assert library.vocabularies is not None
    names = [entry.name for key in ("types", "phases", "partnership_models", "hubs", "programmes")
             for entry in library.vocabularies[key]]
    fingerprints = load_fingerprints()
    found = 0
    for case_study in library.case_studies:
        for run in copied_runs(case_study, names, fingerprints):
            print(f"{case_study.display_path}: copied from a source: '{run}'")
            found += 1
    return 1 if found or library.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
