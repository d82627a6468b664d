"""The bundled library: every story in the sources is a published, valid case study,
written in our own words, and every phase, model, hub and programme has one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from originality import OFFICIAL_TITLES, copied_runs, load_fingerprints, shingles

from macros.index import build_index
from macros.library import Library, load_library

ROOT = Path(__file__).resolve().parents[1]

# Each story the sources tell, with the type the content model gives it.
STORIES = {
    "dsat-jurassic-mobius": "find-out-in-five",
    "united-learning-partnership-with-many-hubs": "trust-model",
    "rocklands-mastering-number-special-school": "school-story",
    "city-of-london-primary-academy-islington": "q-and-a",
    "fylingdales-mixed-age-teaching-for-mastery": "school-story",
    "central-early-years-sktm": "q-and-a",
    "macmillan-academy-sustained-hub-engagement": "school-story",
    "cockburn-years-5-8-continuity": "school-story",
    "dukes-multiplicative-reasoning-ks3": "school-story",
    "diss-maths-science-coherence": "school-story",
    "east-midlands-west-teaching-assistants-sktm": "q-and-a",
    "kent-and-medway-non-specialist-sktm": "perspective",
    "king-edward-vi-college-post-16-mastery-specialist": "q-and-a",
    "andover-college-level-2-maths": "school-story",
    "jurassic-core-maths-sktm": "q-and-a",
    "stoke-climsland-targeted-support": "school-story",
    "cambridge-llme-journey-to-trust-maths-lead": "profile",
    "woodmansterne-secondary-mastery-specialist": "profile",
    "st-marys-haslingden-primary-llme": "q-and-a",
    "securing-foundations-year-7-evaluation": "research",
    "west-yorkshire-problem-solving-research": "research",
    "north-west-three-llme-collaboration": "research",
    "south-yorkshire-franchise-model": "perspective",
}


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(ROOT)


def vocabulary_names(library: Library) -> list[str]:
    assert library.vocabularies is not None
    keys = ("types", "phases", "partnership_models", "hubs", "programmes")
    return [entry.name for key in keys for entry in library.vocabularies[key]]


def test_the_library_is_valid(library: Library) -> None:
    assert [str(problem) for problem in library.problems] == []


def test_every_story_is_a_published_case_study_of_the_right_type(library: Library) -> None:
    published = {cs.slug: cs.type for cs in library.published}
    assert published == STORIES


@pytest.mark.parametrize("slug", sorted(STORIES))
def test_no_case_study_copies_a_run_of_eight_words_from_a_source(library: Library, slug: str) -> None:
    case_study = next(cs for cs in library.case_studies if cs.slug == slug)
    assert copied_runs(case_study, vocabulary_names(library), load_fingerprints()) == []


@pytest.mark.parametrize("page", sorted(path.name for path in (ROOT / "docs").glob("*.md")))
def test_no_page_copies_a_run_of_eight_words_from_a_source(library: Library, page: str) -> None:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    found = shingles(text, facts=[*vocabulary_names(library), *OFFICIAL_TITLES])
    assert sorted(run for digest, run in found.items() if digest in load_fingerprints()) == []


@pytest.mark.parametrize("slug", sorted(STORIES))
def test_what_people_said_is_reported_not_quoted(library: Library, slug: str) -> None:
    body = next(cs for cs in library.case_studies if cs.slug == slug).body
    assert not re.search(r"^\s*>", body, re.MULTILINE), "no block quotes"
    assert not re.search("[“”]", body), "no curly quotation marks"
    # Straight quotes may name a thing ("gap tasks"), never carry a sentence.
    for quoted in re.findall(r'"([^"]*)"', body):
        assert len(quoted.split()) <= 3, f"quoted speech: {quoted!r}"


@pytest.mark.parametrize("slug", sorted(STORIES))
def test_every_case_study_cites_its_source(library: Library, slug: str) -> None:
    case_study = next(cs for cs in library.case_studies if cs.slug == slug)
    assert case_study.source is not None
    assert case_study.source.title and case_study.source.publisher and case_study.source.date


def test_every_phase_model_hub_and_programme_has_a_case_study(library: Library) -> None:
    assert library.vocabularies is not None
    index = build_index(library.case_studies, library.vocabularies)
    for facet, key in (("phase", "phases"), ("model", "partnership_models"), ("hub", "hubs"), ("programme", "programmes")):
        empty = [entry.id for entry in library.vocabularies[key] if index.count(facet, entry.id) == 0]
        assert empty == [], f"{key} without a case study: {empty}"


def test_people_schools_and_trusts_are_filled_where_the_sources_give_them(library: Library) -> None:
    by_slug = {cs.slug: cs for cs in library.case_studies}
    rocklands = by_slug["rocklands-mastering-number-special-school"].school
    assert rocklands is not None
    assert (rocklands.pupils, rocklands.fsm_percent, rocklands.age_range) == (140, 46, "2-11")
    assert by_slug["fylingdales-mixed-age-teaching-for-mastery"].school.setting == (  # type: ignore[union-attr]
        "three mixed-age classes (R/Y1/Y2, Y3/4, Y5/6)"
    )
    dsat = by_slug["dsat-jurassic-mobius"].trust
    assert dsat is not None and (dsat.name, dsat.schools, dsat.counties) == (
        "Diocese of Salisbury Academy Trust", 28, ("Dorset", "Wiltshire"),
    )
    assert all(by_slug[slug].people for slug in STORIES if slug != "securing-foundations-year-7-evaluation")


def test_guides_link_to_the_case_studies_they_mention(tmp_path: Path) -> None:
    from conftest import run_build

    assert run_build(ROOT, "--strict", "--site-dir", str(tmp_path / "site")).returncode == 0
    html = (tmp_path / "site" / "working-with-your-maths-hub" / "index.html").read_text()
    assert '<a class="cb-case-study-link" href="../case-studies/dsat-jurassic-mobius/">Diocese of Salisbury Academy Trust</a>' in html
    assert 'href="../case-studies/united-learning-partnership-with-many-hubs/">United Learning</a>' in html
