"""The id lists (macros/content/checks/vocabularies.py and ids.py): phases, hubs,
partnership_models, programmes. Line numbers follow conftest.BASE_FIELDS: phases 6,
hubs 7, extra keys from 8.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from test_checks import FIVE_QUESTIONS, only_problem  # the one-file project every check test writes


def test_unknown_id_suggests_the_closest(project: Path) -> None:
    assert only_problem(project, hubs="[jurrasic]", phases="[secondry]") == [
        "case_studies/story.md:6: phases: unknown phase 'secondry' — did you mean 'secondary'?",
        "case_studies/story.md:7: hubs: unknown hub 'jurrasic' — did you mean 'jurassic'?",
    ]


def test_unknown_id_written_as_a_name_suggests_its_id(project: Path) -> None:
    assert only_problem(project, hubs="North Mids Maths Hub") == [
        "case_studies/story.md:7: hubs: unknown hub 'North Mids Maths Hub' — did you mean 'north-mids'?"
    ]


def test_unknown_id_without_a_close_match_points_to_the_list(project: Path) -> None:
    assert only_problem(project, hubs="[atlantis]", programmes="[knitting]") == [
        "case_studies/story.md:7: hubs: unknown hub 'atlantis' — see data/hubs.yml for the ids",
        "case_studies/story.md:8: programmes: unknown programme 'knitting' — use one of: teaching-for-mastery, "
        "mastering-number, sktm, targeted-support, mastery-specialist, years-5-8-continuity, "
        "securing-foundations-year-7, multiplicative-reasoning-ks3, maths-science-coherence, l2-qualification, "
        "research-and-innovation, llme-development",
    ]


def test_a_list_of_one_may_be_a_bare_string(project: Path) -> None:
    assert only_problem(project, hubs="jurassic", phases="primary", programmes="sktm") == []


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"phases": "primary, secondary"},
         ["6: phases: write several phases as a list in square brackets: phases: [primary, secondary]"]),
        ({"phases": "primary secondary"},
         ["6: phases: write several phases as a list in square brackets: phases: [primary, secondary]"]),
        # Names and near-misses are recognised, corrected, in the order written.
        ({"phases": "Secondary, primry"},
         ["6: phases: write several phases as a list in square brackets: phases: [secondary, primary]"]),
        ({"hubs": "Jurassic Maths Hub, Mobius"},
         ["7: hubs: write several hubs as a list in square brackets: hubs: [jurassic, mobius]"]),
        ({"partnership_models": "hub-work-groups, trust-led-trust-groups"},
         ["8: partnership_models: write several partnership models as a list in square brackets: "
          "partnership_models: [hub-work-groups, trust-led-trust-groups]"]),
        # A part that is no id is named; the list still shows the ones that are.
        ({"programmes": "sktm, knitting, Mastering Number"},
         ["8: programmes: unknown programme 'knitting' — use one of: teaching-for-mastery, mastering-number, sktm, "
          "targeted-support, mastery-specialist, years-5-8-continuity, securing-foundations-year-7, "
          "multiplicative-reasoning-ks3, maths-science-coherence, l2-qualification, research-and-innovation, "
          "llme-development",
          "8: programmes: write several programmes as a list in square brackets: programmes: [sktm, mastering-number]"]),
        ({"hubs": "jurassic, atlantis"},
         ["7: hubs: unknown hub 'atlantis' — see data/hubs.yml for the ids",
          "7: hubs: write several hubs as a list in square brackets: hubs: [jurassic]"]),
        # In a list too: an item that is several ids.
        ({"phases": "\n  - early-years\n  - primary, secondary"},
         ["6: phases: write several phases as a list in square brackets: phases: [early-years, primary, secondary]"]),
        ({"hubs": "[jurassic mobius]"}, ["7: hubs: write several hubs as a list in square brackets: hubs: [jurassic, mobius]"]),
        # One name of several words stays one name; so does an id written with spaces.
        ({"hubs": "North Mids Maths Hub"}, ["7: hubs: unknown hub 'North Mids Maths Hub' — did you mean 'north-mids'?"]),
        ({"phases": "early years"}, ["6: phases: unknown phase 'early years' — did you mean 'early-years'?"]),
    ],
)
def test_several_ids_in_one_string_are_shown_as_a_list(project: Path, fields: dict[str, str], expected: list[str]) -> None:
    assert only_problem(project, **fields) == [f"case_studies/story.md:{problem}" for problem in expected]
    # The list it suggests is valid.
    for problem in expected:
        if ": write several " in problem:
            key, suggested = problem.split(" square brackets: ", 1)[1].split(": ", 1)
            assert only_problem(project, **{key: suggested}) == []


def test_id_lists_reject_duplicates(project: Path) -> None:
    assert only_problem(project, hubs="[jurassic, mobius, jurassic]") == [
        "case_studies/story.md:7: hubs: lists 'jurassic' twice — remove one"
    ]


def test_id_lists_reject_non_text_items(project: Path) -> None:
    assert only_problem(project, phases="[primary, 7]") == [
        "case_studies/story.md:6: phases: the number 7 is not a phase id — write ids such as 'early-years'"
    ]


def test_id_list_must_be_a_list(project: Path) -> None:
    assert only_problem(project, hubs="\n  name: jurassic") == [
        "case_studies/story.md:7: hubs: must be a list of hub ids, not a set of 'key: value' lines"
    ]


@pytest.mark.parametrize("type_id", ["trust-model", "find-out-in-five"])
def test_partnership_models_are_required_for_trust_models_and_find_out_in_five(project: Path, type_id: str) -> None:
    body = FIVE_QUESTIONS if type_id == "find-out-in-five" else None
    assert only_problem(project, type=type_id, body=body) == [
        f"case_studies/story.md:1: partnership_models: is required for a '{type_id}' case study — add "
        f"'partnership_models: hub-work-groups' (one or more partnership model ids)"
    ]


def test_partnership_models_are_optional_for_other_types(project: Path) -> None:
    assert only_problem(project, partnership_models="[hub-led-trust-groups]") == []
    assert only_problem(project) == []


def test_empty_partnership_models_for_a_trust_model(project: Path) -> None:
    assert only_problem(project, type="trust-model", partnership_models="[]") == [
        "case_studies/story.md:8: partnership_models: is empty — list at least one partnership model for a "
        "'trust-model' case study, e.g. 'partnership_models: hub-work-groups'"
    ]


# --- reading an id (macros/content/checks/ids.py), without a file ------------------------------------


def test_an_id_is_read_by_id_by_name_then_by_spelling() -> None:
    from macros.content.checks.ids import exact_id, several_ids, suggest_id
    from macros.content.vocabularies import load_vocabularies

    vocabularies, _ = load_vocabularies(ROOT / "data", ROOT)
    assert vocabularies is not None
    hubs = vocabularies.hubs
    assert exact_id("Jurassic", hubs) == "jurassic"
    assert exact_id("North Mids Maths Hub", hubs) == "north-mids"  # by name, with or without 'Maths Hub'
    assert exact_id("jurrasic", hubs) is None
    assert suggest_id("jurrasic", hubs) == "jurassic"
    assert suggest_id("atlantis", hubs) is None
    assert several_ids("jurassic", hubs) is None
    assert several_ids("North Mids Maths Hub", hubs) is None  # one name of several words
    assert several_ids("jurassic mobius, atlantis", hubs) == ["jurassic", "mobius", "atlantis"]
