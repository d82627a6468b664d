"""Originality guard for the seed library: no copied runs of words from a source.

Two checks, both against hashed runs of a source's words ("shingles"):

- **Eight words** (``SHINGLE_WORDS``): a case study's title, summary and body
  share no run of eight words with a source, except runs that cross a declared
  fact (a name, a role, an official title), which may be kept word for word.
- **Twelve words, nothing excepted** (``STRICT_SHINGLE_WORDS``): no case study
  and no hand-written page shares a run of twelve words with a source, names,
  roles and official titles included. For a case study this covers all of its
  front matter text (title, summary, people's names and roles, trust, school,
  the source's publisher) as well as its body; see ``case_study_text``.

The sources themselves stay out of the repository; only hashes of their
eight- and twelve-word runs are committed, in tests/data/source-shingles.txt
(one file for both sizes: a run of eight words and one of twelve are never the
same string, so their hashes cannot be confused). Regenerate that file when a
source is added or a shingle size changes:

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
STRICT_SHINGLE_WORDS = 12
SHINGLE_SIZES = (SHINGLE_WORDS, STRICT_SHINGLE_WORDS)
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


def fingerprint(paths: Iterable[Path], sizes: Iterable[int] = SHINGLE_SIZES) -> set[str]:
    found: set[str] = set()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for size in sizes:
            found |= shingle_hashes(text, size)
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


def case_study_text(case_study: Any) -> str:
    """Everything a case study says in words: its front matter text, then its body.

    Names, roles, the trust, the school and the source's publisher are part of
    the case study, so the strict check reads them too. The fields are joined
    in the order a reader meets them, so a run that carries on from a name into
    its role counts as well.

    Exempt, on purpose: ``source.title`` and ``source.url``. They are the
    citation, the source's own title given so a reader can find it, and must
    match it exactly; they are left out here. A source title repeated in the
    body is not exempt.
    """
    parts = [case_study.title, case_study.summary]
    for person in case_study.people:
        parts += [person.name, person.role or ""]
    if case_study.trust:
        parts += [case_study.trust.name, *case_study.trust.counties]
    if case_study.school:
        school = case_study.school
        parts += [school.name, school.location or "", school.age_range or "", school.setting or ""]
    if case_study.source:
        parts.append(case_study.source.publisher or "")
    parts.append(case_study.body)
    return "\n".join(part for part in parts if part)


def strictly_copied_runs(text: str, fingerprints: set[str]) -> list[str]:
    """Twelve-word runs of ``text`` that also occur in a source; no fact is excepted."""
    return sorted({run for digest, run in shingles(text, STRICT_SHINGLE_WORDS).items() if digest in fingerprints})


# Official names that a case study may repeat exactly (in the eight-word check only).
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
    from macros.content.library import load_library

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
        for run in strictly_copied_runs(case_study_text(case_study), fingerprints):
            print(f"{case_study.display_path}: {STRICT_SHINGLE_WORDS} words copied from a source: '{run}'")
            found += 1
    if not arguments[1:]:
        for page in sorted((root / "docs").glob("*.md")):
            text = page.read_text(encoding="utf-8")
            runs = {run for digest, run in shingles(text, facts=[*names, *OFFICIAL_TITLES]).items() if digest in fingerprints}
            runs |= set(strictly_copied_runs(text, fingerprints))
            for run in sorted(runs):
                print(f"docs/{page.name}: copied from a source: '{run}'")
                found += 1
    return 1 if found or library.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
