"""The index: listing order, facets and related case studies."""

from __future__ import annotations


from conftest import VOCABULARIES, study

from macros.content.index import RELATED_POOL, build_index

def test_newest_first_then_by_slug_and_no_drafts() -> None:
    index = build_index(
        [study("b", "2025-01-01"), study("a", "2025-01-01"), study("c", "2025-02-01"), study("d", "2026-01-01", draft=True)],
        VOCABULARIES,
    )
    assert [cs.slug for cs in index.case_studies] == ["c", "a", "b"]


def test_facets() -> None:
    index = build_index(
        [study("a", hubs=("jurassic", "mobius"), programmes=("sktm",)), study("b", hubs=("mobius",), type="research")],
        VOCABULARIES,
    )
    assert [cs.slug for cs in index.with_facet("hub", "mobius")] == ["a", "b"]
    assert index.count("programme", "sktm") == 1
    assert index.count("hub", "angles") == 0
    assert [cs.slug for cs in index.with_facet("type", "research")] == ["b"]


def test_matching_ors_within_a_facet_and_ands_across() -> None:
    index = build_index(
        [
            study("a", hubs=("jurassic",), phases=("primary",)),
            study("b", hubs=("mobius",), phases=("secondary",)),
            study("c", hubs=("mobius",), phases=("primary",)),
        ],
        VOCABULARIES,
    )
    assert [cs.slug for cs in index.matching({"hub": ["jurassic", "mobius"]})] == ["a", "b", "c"]
    assert [cs.slug for cs in index.matching({"hub": ["jurassic", "mobius"], "phase": ["primary"]})] == ["a", "c"]
    assert index.matching({"hub": ["angles"]}) == ()


def test_related_ranks_by_what_is_shared_then_newest() -> None:
    me = study("me", hubs=("jurassic",), programmes=("sktm",), phases=("primary",))
    index = build_index(
        [
            me,
            study("same-hub-and-programme", hubs=("jurassic",), programmes=("sktm",), phases=("secondary",)),
            study("same-hub-old", "2020-01-01", hubs=("jurassic",)),
            study("same-hub-new", "2025-06-01", hubs=("jurassic",), phases=("secondary",)),
            study("same-programme", hubs=("mobius",), programmes=("sktm",)),
            study("phase-only", hubs=("angles",)),
            study("nothing", hubs=("angles",), phases=("post-16",)),
        ],
        VOCABULARIES,
    )
    # hub 4 + programme 2 = 6; hub 4 (+ a shared phase breaks the tie); programme 2; phase only last.
    assert [cs.slug for cs in index.related(me)] == [
        "same-hub-and-programme", "same-hub-old", "same-hub-new", "same-programme", "phase-only",
    ]
    assert [cs.slug for cs in index.related(me, limit=2)] == ["same-hub-and-programme", "same-hub-old"]


def test_related_never_includes_itself_or_unrelated_case_studies() -> None:
    me = study("me", hubs=("jurassic",), phases=("primary",))
    index = build_index([me, study("other", hubs=("angles",), phases=("post-16",))], VOCABULARIES)
    assert index.related(me) == ()


def test_related_work_per_case_study_is_bounded() -> None:
    studies = [study(f"s{n:04d}", f"2020-01-{1 + n % 28:02d}") for n in range(RELATED_POOL * 3)]
    index = build_index(studies, VOCABULARIES)
    related = index.related(studies[-1])
    assert len(related) == 5
    newest_pool = {cs.slug for cs in index.with_facet("hub", "jurassic")[:RELATED_POOL]}
    assert {cs.slug for cs in related} <= newest_pool
