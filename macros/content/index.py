"""The published case studies, ordered and grouped the ways the site shows them."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from macros.content.model import FACETS, CaseStudy, Vocabularies

# How much sharing one id of each facet counts towards "related". Phases are
# shared so widely that they only break ties.
RELATED_WEIGHTS = {"hub": 4, "model": 3, "programme": 2}
# Related case studies are picked from the newest few in each shared bucket, so the
# work per case study is bounded and the build stays linear as the library grows.
RELATED_POOL = 60


def newest_first(case_study: CaseStudy) -> tuple[int, str]:
    """Newest first, then by slug: the order of every listing and of the JSON (contract §4)."""
    return (-case_study.date.toordinal(), case_study.slug)


@dataclass(frozen=True)
class CaseStudyIndex:
    vocabularies: Vocabularies
    case_studies: tuple[CaseStudy, ...]  # published only, newest first
    _buckets: Mapping[tuple[str, str], tuple[CaseStudy, ...]] = field(repr=False)
    # The same buckets as positions in case_studies (so also newest first), for "related".
    _positions: Mapping[tuple[str, str], tuple[int, ...]] = field(repr=False)
    _position_of: Mapping[str, int] = field(repr=False)  # slug -> position
    _phase_masks: tuple[int, ...] = field(repr=False)  # by position: one bit per phase, for cheap overlaps

    def __len__(self) -> int:
        return len(self.case_studies)

    def with_facet(self, facet: str, entry_id: str) -> tuple[CaseStudy, ...]:
        """Case studies tagged with one id, e.g. ``with_facet("hub", "jurassic")``, newest first."""
        return self._buckets.get((facet, entry_id), ())

    def count(self, facet: str, entry_id: str) -> int:
        return len(self.with_facet(facet, entry_id))

    def matching(self, filters: Mapping[str, Iterable[str]]) -> tuple[CaseStudy, ...]:
        """OR within a facet, AND across facets, as the finder does (contract §3)."""
        selected = {facet: set(ids) for facet, ids in filters.items() if ids}
        return tuple(
            case_study
            for case_study in self.case_studies
            if all(selected[facet] & set(case_study.facet_ids(facet)) for facet in selected)
        )

    def related(self, case_study: CaseStudy, limit: int = 5) -> tuple[CaseStudy, ...]:
        """Up to ``limit`` others sharing hubs, models, programmes or phases; deterministic.

        Ranked by shared hubs, models and programmes (weighted), then shared phases,
        then newest, then slug.
        """
        me = self._position_of[case_study.slug]
        scores: dict[int, int] = {}
        for facet, weight in RELATED_WEIGHTS.items():
            for entry_id in case_study.facet_ids(facet):
                for other in self._positions[(facet, entry_id)][:RELATED_POOL]:
                    scores[other] = scores.get(other, 0) + weight
        scores.pop(me, None)
        if len(scores) < limit:
            for entry_id in case_study.phases:
                for other in self._positions.get(("phase", entry_id), ())[:RELATED_POOL]:
                    if other != me:
                        scores.setdefault(other, 0)
        mine = self._phase_masks[me]
        masks = self._phase_masks
        # Positions are newest first, then by slug: the last tie-break.
        best = heapq.nsmallest(limit, [(-score, -(mine & masks[o]).bit_count(), o) for o, score in scores.items()])
        return tuple(self.case_studies[position] for _, _, position in best)


def build_index(case_studies: Iterable[CaseStudy], vocabularies: Vocabularies) -> CaseStudyIndex:
    published = tuple(sorted((cs for cs in case_studies if not cs.draft), key=newest_first))
    buckets: dict[tuple[str, str], list[CaseStudy]] = defaultdict(list)
    for case_study in published:
        for facet in FACETS:
            for entry_id in case_study.facet_ids(facet):
                buckets[(facet, entry_id)].append(case_study)
    bits = {phase: 1 << position for position, phase in enumerate(vocabularies.phases.ids)}
    position_of = {case_study.slug: position for position, case_study in enumerate(published)}
    return CaseStudyIndex(
        vocabularies=vocabularies,
        case_studies=published,
        _buckets={key: tuple(value) for key, value in buckets.items()},
        _positions={key: tuple(position_of[cs.slug] for cs in value) for key, value in buckets.items()},
        _position_of=position_of,
        _phase_masks=tuple(sum(bits[phase] for phase in set(cs.phases)) for cs in published),
    )
