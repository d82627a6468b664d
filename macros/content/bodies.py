"""Every case study's body rendered in the case-study profile, half of them on another core.

Rendering the bodies is the longest step of a build: about 1.8 s of a 5 s build at
1,000 case studies. Each body is rendered alone, from its text, the site's map and
the glossary, so the second half can be rendered by another Python while this one
renders the first. The other Python starts as soon as the files are found, to be
ready when the front matter has been checked and the site's map is known. The
result is the same list, in the same order, however it was made; with few case
studies, one core, or any trouble with the other process, every body is rendered
here (macros/content/worker_process.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType

from macros.content.body import RenderedBody, render_body
from macros.content.links import SiteMap
from macros.content.worker_process import WorkerProcess, serve, start_worker

# Below this many bodies a second Python costs more time than it saves (it takes about
# 0.2 s to start and import the renderer, a body about 2 ms to render).
WORTH_A_PROCESS = 200


@dataclass(frozen=True)
class BodyToRender:
    """What render_body needs of one case-study file."""

    body: str
    first_line: int
    page_url: str
    questions: bool  # the Find Out in Five heading rule applies


Work = tuple[list[BodyToRender], SiteMap | None, dict[str, str]]  # bodies, the site's map, the glossary's abbreviations


def render(item: BodyToRender, site: SiteMap | None, abbreviations: Mapping[str, str]) -> RenderedBody:
    return render_body(item.body, item.first_line, page_url=item.page_url, site=site,
                       questions=item.questions, abbreviations=abbreviations)


class BodyRenderer:
    """Renders a library's bodies; made before the files are read, with how many there are,
    so the other process starts and imports meanwhile. Use it in a ``with`` block: the other
    process never outlives the block, whatever happens in it."""

    def __init__(self, expected: int) -> None:
        self._process: WorkerProcess | None = start_worker(__name__, expected, WORTH_A_PROCESS)

    def __enter__(self) -> BodyRenderer:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.stop()

    def render_all(
        self, items: Sequence[BodyToRender], site: SiteMap | None, abbreviations: Mapping[str, str] | None = None
    ) -> list[RenderedBody]:
        """Every item's body, in order. Called once; the other process ends with it."""
        abbreviations = dict(abbreviations or {})
        process = self._process
        half = len(items) // 2 if process is not None else len(items)
        try:
            if process is not None:
                process.send((list(items[half:]), site, abbreviations))
            here = [render(item, site, abbreviations) for item in items[:half]]
            there: object = process.answer() if process is not None else None
        finally:
            self.stop()  # answered, or interrupted (Ctrl-C while serving): either way it is done
        if not _answers(there, len(items) - half):
            there = [render(item, site, abbreviations) for item in items[half:]]
        assert isinstance(there, list)
        return here + there

    def stop(self) -> None:
        if self._process is not None:
            self._process.stop()  # which does nothing the second time


def _answers(answer: object, count: int) -> bool:
    return isinstance(answer, list) and len(answer) == count and all(isinstance(body, RenderedBody) for body in answer)


def _render(work: Work, reply: Callable[[object], None]) -> bool:
    items, site, abbreviations = work
    reply([render(item, site, abbreviations) for item in items])
    return True


if __name__ == "__main__":
    serve(_render)
