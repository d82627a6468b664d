"""data/glossary.yml: checked like the vocabularies, shown on every case-study page as
<abbr>, and listed on the Glossary page."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, TODAY, case_study_text, problems, run_build, write

from macros.content.glossary import Glossary, GlossaryTerm, load_glossary, short_forms_in
from macros.content.library import load_library


def glossary_file(project: Path, text: str) -> Path:
    path = project / "data" / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return path


def loaded(project: Path) -> tuple[Glossary | None, list[str]]:
    glossary, found = load_glossary(project / "data", project)
    return glossary, [str(problem) for problem in found]


# --- the file -----------------------------------------------------------------------------


def test_the_bundled_glossary_is_valid_and_explains_every_term() -> None:
    glossary, found = load_glossary(ROOT / "data", ROOT)
    assert found == [] and glossary is not None
    abbreviations = [term.abbreviation for term in glossary]
    for expected in ("TA", "KS1", "KS2", "KS3", "SKTM", "LLME", "SEND", "NCETM"):
        assert expected in abbreviations
    assert abbreviations == sorted(abbreviations, key=str.casefold), "keep data/glossary.yml in alphabetical order"
    for term in glossary:
        assert term.description, f"{term.abbreviation} needs a description for the Glossary page"


def test_the_bundled_terms_are_used_by_the_bundled_case_studies() -> None:
    library = load_library(ROOT)
    assert library.problems == () and library.glossary is not None
    texts = [f"{cs.title}\n{cs.summary}\n{cs.body}" for cs in library.published]
    for term in library.glossary:
        assert any(term.appears_in(text) for text in texts), f"no case study uses {term.abbreviation}"


def test_forms_pair_each_written_short_form_with_its_long_form(project: Path) -> None:
    glossary_file(project, (
        "- abbreviation: TA\n  stands_for: teaching assistant\n  plural: TAs\n"
        "- abbreviation: SLE\n  stands_for: specialist leader of education\n  plural: SLEs\n"
        "  plural_stands_for: specialist leaders of education\n"
        "- abbreviation: KS1\n  stands_for: Key Stage 1\n  description: >-\n    Years 1 and\n    2.\n"
    ))
    glossary, found = loaded(project)
    assert found == [] and glossary is not None
    ta, sle, ks1 = glossary.terms  # in the file's order
    assert ta == GlossaryTerm("TA", "teaching assistant", "TAs", "teaching assistants", None, 1)
    assert ta.forms == (("TA", "teaching assistant"), ("TAs", "teaching assistants"))
    assert sle.forms == (("SLE", "specialist leader of education"), ("SLEs", "specialist leaders of education"))
    assert ks1.forms == (("KS1", "Key Stage 1"),) and ks1.plural_stands_for is None
    assert ks1.description == "Years 1 and 2." and ks1.line == 8
    assert glossary.abbreviations() == {
        "TA": "teaching assistant", "TAs": "teaching assistants", "SLE": "specialist leader of education",
        "SLEs": "specialist leaders of education", "KS1": "Key Stage 1",
    }


def test_a_term_is_found_by_either_form_as_the_search_finds_it() -> None:
    term = GlossaryTerm("KS3", "Key Stage 3")
    assert term.appears_in("access to KS3.") and term.appears_in("the key\nstage 3 curriculum")
    assert not term.appears_in("ks3") and not term.appears_in("KS30") and not term.appears_in("Key Stage 30")


def test_the_terms_a_text_uses_are_its_short_forms_as_words_or_long_forms_in_any_case() -> None:
    glossary = Glossary((GlossaryTerm("TA", "teaching assistant", plural="TAs", plural_stands_for="teaching assistants"),
                         GlossaryTerm("KS3", "Key Stage 3"), GlossaryTerm("SEND", "special educational needs")))
    assert glossary.terms_in("Two TAs and (KS3).") == {"TA", "KS3"}
    # Inside or at the end of a longer word is not the abbreviation; one text can use all three.
    assert glossary.terms_in("TAX, XTA, STA_, KS30, SENDING, XKS3") == set()
    assert glossary.terms_in("XTA TA") == {"TA"}
    assert glossary.terms_in("the special educational needs of KS3 TAs") == {"TA", "KS3", "SEND"}
    # What may be marked on a page: every short form used as a word, found in one search.
    shorts = tuple(glossary.abbreviations())
    assert short_forms_in("TAs, a TA and KS3.", shorts) == {"TAs", "TA", "KS3"}
    assert short_forms_in("TAX KS30 ta", shorts) == set()
    assert short_forms_in("anything", ()) == set()


def test_every_problem_is_reported_at_its_line(project: Path) -> None:
    glossary_file(project, (
        "- abbreviation: TA\n"                            # 1
        "  stands_for: teaching assistant\n"
        "  plural: TAs\n"
        "- abbreviation: T.A.\n"                          # 4
        "  stands_for: a thing\n"
        "- abbreviation: KS1\n"                           # 6
        "  stand_for: Key Stage 1\n"
        "- abbreviation: tas\n"                           # 8
        "  stands_for: something else\n"
        "- abbreviation: SEND\n"                          # 10
        "  stands_for: ''\n"
        "  description: A <b>bold</b> claim.\n"
        "- abbreviation: 42\n"                            # 13
        "  stands_for: the answer\n"
        "- abbreviation: EYFS\n"                          # 15
        "  stands_for: early years\n"
        "  plural_stands_for: early years stages\n"
        "- just a line of text\n"                         # 18
        "- abbreviation: TA\n"                            # 19
        "  stands_for: TA\n"
        "  plural: TA\n"
        "- abbreviation: ABCDEFGHIJKLM\n"                 # 22
        "  stands_for: far too long an abbreviation\n"
    ))
    glossary, found = loaded(project)
    assert glossary is None
    assert found == [
        "data/glossary.yml:4: abbreviation: 'T.A.' cannot be an abbreviation in the glossary — write it with letters "
        "and digits only, starting with a letter, at most 12 characters (such as KS1 or TAs)",
        "data/glossary.yml:6: stands_for: is required — add 'stands_for: …', what KS1 stands for",
        "data/glossary.yml:7: stand_for: unknown key 'stand_for' — did you mean 'stands_for'?",
        "data/glossary.yml:8: abbreviation: 'tas' is already in the glossary as 'TAs' (line 3) — keep one of them: "
        "the search does not tell capitals from small letters",
        "data/glossary.yml:11: stands_for: is empty — write what SEND stands for after the colon, or remove the line",
        "data/glossary.yml:12: description: contains HTML ('<b…') — write plain text; a '<' directly followed by a "
        "letter, '/', '!' or '?' counts as HTML, so add a space after '<' if you mean 'less than'",
        "data/glossary.yml:13: abbreviation: must be text, not the number 42",
        "data/glossary.yml:17: plural_stands_for: goes with 'plural' — add 'plural: …' (the plural as case studies "
        "write it) or remove this line",
        "data/glossary.yml:18: 8: each entry must be a mapping with 'abbreviation' and 'stands_for'",
        "data/glossary.yml:19: abbreviation: 'TA' is already in the glossary (line 1) — keep one entry for each abbreviation",
        "data/glossary.yml:20: stands_for: is the abbreviation itself — write what TA stands for",
        "data/glossary.yml:21: plural: is the abbreviation itself — write the plural as case studies do (such as TAs), "
        "or remove it",
        "data/glossary.yml:22: abbreviation: 'ABCDEFGHIJKLM' cannot be an abbreviation in the glossary — write it with "
        "letters and digits only, starting with a letter, at most 12 characters (such as KS1 or TAs)",
    ]


def test_a_glossary_that_is_not_a_list(project: Path) -> None:
    glossary_file(project, "# the glossary\nabbreviation: TA\nstands_for: teaching assistant\n")
    assert loaded(project) == (None, [
        "data/glossary.yml:2: file: must be a YAML list of entries, each starting '- abbreviation: …' "
        "with a 'stands_for: …' line"
    ])


def test_yaml_the_strict_reader_refuses(project: Path) -> None:
    glossary_file(project, "- abbreviation: TA\n  stands_for: teaching assistant\n  abbreviation: TB\n")
    assert loaded(project) == (None, [
        "data/glossary.yml:3: file: key 'abbreviation' appears twice (first on line 1) — keep one of them"
    ])
    glossary_file(project, "- abbreviation: &a TA\n  stands_for: *a\n")
    assert loaded(project)[1] == [
        "data/glossary.yml:1: file: YAML anchors and aliases ('&name', '*name') are not allowed — write the value out"
    ]


def test_no_file_an_empty_file_or_an_empty_list_is_an_empty_glossary(project: Path) -> None:
    (project / "data" / "glossary.yml").unlink()
    assert loaded(project) == (Glossary(()), [])
    for text in ("", "# no terms yet\n", "[]\n"):
        glossary_file(project, text)
        assert loaded(project) == (Glossary(()), [])


# --- the check and the build ----------------------------------------------------------------


def test_a_broken_glossary_fails_the_check_like_a_broken_vocabulary(project: Path) -> None:
    write(project, "story.md", case_study_text())
    glossary_file(project, "- abbreviation: TA\n  stands_for: teaching assistant\n  plurals: TAs\n")
    assert problems(project) == ["data/glossary.yml:3: plurals: unknown key 'plurals' — did you mean 'plural'?"]
    assert load_library(project, today=TODAY).glossary is None
    result = subprocess.run([sys.executable, "-m", "macros.editing.cli", "check", "--config-file", str(project / "mkdocs.yml")],
                            capture_output=True, text=True, cwd=project, timeout=120)
    assert result.returncode == 1
    assert "data/glossary.yml:3: plurals: unknown key 'plurals' — did you mean 'plural'?" in result.stdout
    build = run_build(project)
    assert build.returncode != 0 and "Traceback" not in build.stderr
    assert "data/glossary.yml:3: plurals:" in build.stderr


ABBREVIATIONS = "- abbreviation: TA\n  stands_for: teaching assistant\n  plural: TAs\n"


def test_case_study_pages_explain_the_glossarys_abbreviations_and_nothing_leaks_between_them(project: Path) -> None:
    glossary_file(project, ABBREVIATIONS)
    # Rendered in file order: a's own definitions must not reach b.
    write(project, "a-own-words.md", case_study_text(
        "Our TA, here a technical adviser, met the XYZ group.\n\n"
        "*[TA]: technical adviser\n*[XYZ]: a group of its own\n"))
    write(project, "b-glossary.md", case_study_text(
        "## What the TAs did\n\nEach TA and the XYZ group met; `TA` in code stays code.\n"))
    result = run_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    a = (project / "site" / "case-studies" / "a-own-words" / "index.html").read_text()
    b = (project / "site" / "case-studies" / "b-glossary" / "index.html").read_text()
    assert '<abbr title="technical adviser">TA</abbr>' in a
    assert '<abbr title="a group of its own">XYZ</abbr>' in a
    assert '<abbr title="teaching assistant">TA</abbr>' in b
    assert '<abbr title="teaching assistants">TAs</abbr>' in b
    assert "XYZ group" in b and "technical adviser" not in b and "a group of its own" not in b
    assert "<code>TA</code>" in b
    # The heading keeps its anchor and a plain table of contents.
    assert 'id="what-the-tas-did"' in b
    assert re.search(r'<a href="#what-the-tas-did" class="md-nav__link">\s*<span class="md-ellipsis">\s*What the TAs did\s*</span>', b)


def test_a_bodys_own_definition_with_markup_is_reported_and_stays_text(project: Path) -> None:
    glossary_file(project, ABBREVIATIONS)
    write(project, "story.md", case_study_text("Our TA.\n\n*[TA]: <script>alert(1)</script>\n"))
    assert problems(project) == [
        "case_studies/story.md:11: body: raw HTML is not allowed ('<script') in what '*[TA]:' stands for — "
        "write plain text; to show a '<' sign, put a space after it"
    ]


def test_the_glossary_page_lists_every_term_with_its_case_studies(project: Path) -> None:
    glossary_file(project, ABBREVIATIONS + (
        "- abbreviation: KS3\n  stands_for: Key Stage 3\n  description: Years 7 to 9 & < 10 \"Y\".\n"
        "- abbreviation: EEF\n  stands_for: Education Endowment Foundation\n"
    ))
    write(project, "one.md", case_study_text("Two TAs led it.\n"))
    write(project, "two.md", case_study_text("The Key Stage 3 team and a TA.\n"))
    write(project, "draft.md", case_study_text("A TA, in KS3.\n", draft="true"))
    result = run_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "glossary" / "index.html").read_text()
    rows = re.findall(r"<tr id=\"term-[^\"]+\">.*?</tr>", page)
    assert [re.search(r'id="term-([^"]+)"', row).group(1) for row in rows] == ["eef", "ks3", "ta"]  # type: ignore[union-attr]
    eef, ks3, ta = rows
    assert ('<th scope="row"><abbr title="teaching assistant">TA</abbr>, <abbr title="teaching assistants">TAs</abbr></th>'
            "<td>teaching assistant</td><td></td>") in ta
    assert '<a href="../case-studies/?q=TA">2 case studies</a>' in ta  # drafts do not count
    assert "<td>Years 7 to 9 &amp; &lt; 10 &quot;Y&quot;.</td>" in ks3
    assert '<a href="../case-studies/?q=KS3">1 case study</a>' in ks3  # by its long form
    assert "<td>none yet</td>" in eef
    home = (project / "site" / "index.html").read_text()
    assert re.search(r'<a href="glossary/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Glossary\s*</span>', home), \
        "the Glossary page is in the navigation"
