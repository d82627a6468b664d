"""One pass over a project: vocabularies and case studies in, checked library out.

Both ``casebook check`` and the build call :func:`load_library`, so they apply
the same rules to the same parse. Content is always read from the project
folder (the folder of ``mkdocs.yml``), never from where the package is installed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from macros.content.bodies import BodyRenderer, BodyToRender, render
from macros.content.body import RenderedBody
from macros.content.checks import QUESTION_TYPE, check_case_study
from macros.content.figures import Figures, load_figures
from macros.content.glossary import Glossary, load_glossary
from macros.content.images import Image, find_images
from macros.content.links import SiteMap, build_site_map
from macros.content.loading import CaseStudyFile, display_path, find_case_study_files, read_case_study
from macros.content.model import CaseStudy, Problem, Vocabularies
from macros.content.vocabularies import load_vocabularies
from macros.content.templates import scaffold_problems

CASE_STUDIES_DIR = "case_studies"
DATA_DIR = "data"
DOCS_DIR = "docs"  # mkdocs.yml's docs_dir: hand-written pages, which case studies may link to


@dataclass(frozen=True)
class Library:
    root: Path
    vocabularies: Vocabularies | None
    figures: Figures | None = None
    # data/glossary.yml (macros/content/glossary.py): empty without the file, None when it has problems.
    glossary: Glossary | None = None
    case_studies: tuple[CaseStudy, ...] = ()  # every valid file, drafts included
    # Each valid case study's body as the page shows it, by slug (macros/content/body.py).
    bodies: Mapping[str, RenderedBody] = field(default_factory=dict)
    images: tuple[Image, ...] = ()  # case_studies/images/, checked (macros/content/images.py)
    problems: tuple[Problem, ...] = ()
    files_checked: int = 0
    files_with_problems: int = 0

    @property
    def published(self) -> tuple[CaseStudy, ...]:
        return tuple(case_study for case_study in self.case_studies if not case_study.draft)


def today_utc() -> dt.date:
    """'Future' means after today's date in UTC where the check runs (contract §5)."""
    return dt.datetime.now(dt.timezone.utc).date()


def load_library(root: Path, paths: Iterable[Path] | None = None, today: dt.date | None = None) -> Library:
    """Read and check the project at ``root``; ``paths`` narrows which case studies are checked."""
    root = root.resolve()
    today = today or today_utc()
    # No case_studies/ folder (git keeps no empty folders) is simply no case studies; a link there is reported.
    content = root / CASE_STUDIES_DIR
    default = [content] if content.is_dir() or content.is_symlink() else []
    targets = list(paths) if paths is not None else default
    files, found_problems = find_case_study_files(targets, root)
    with BodyRenderer(expected=len(files)) as renderer:  # another core's Python starts now, if it is worth it
        vocabularies, problems = load_vocabularies(root / DATA_DIR, root)
        problems.extend(found_problems)
        figures, figure_problems = load_figures(root / DATA_DIR, root)
        problems.extend(figure_problems)
        glossary, glossary_problems = load_glossary(root / DATA_DIR, root)
        problems.extend(glossary_problems)
        abbreviations = glossary.abbreviations() if glossary is not None else {}
        checked, slugs, images, site = _read_and_check(files, root, vocabularies, today, problems)
        rendered_bodies = renderer.render_all([_to_render(split) for split, _ in checked], site, abbreviations)

    case_studies: list[CaseStudy] = []
    bodies: dict[str, RenderedBody] = {}
    for (split, case_study), rendered in zip(checked, rendered_bodies):
        problems.extend(Problem(split.display_path, found.line, "body", found.message) for found in rendered.problems)
        # A template's prompt left in (`casebook new` writes them for the editor to replace).
        scaffold = scaffold_problems(split.body, split.body_line)
        problems.extend(Problem(split.display_path, line, "body", message) for line, message in scaffold)
        if case_study is not None and not rendered.problems and not scaffold:
            case_studies.append(replace(case_study, word_count=rendered.word_count))
            bodies[case_study.slug] = rendered

    problems.extend(_duplicate_slugs(slugs))
    if paths is not None:
        # Checking some files: their slugs must still be unique in the whole library.
        library_files, _ = find_case_study_files(default, root)
        problems.extend(_clashes_with_library(slugs, library_files, root))
    ordered = tuple(sorted(set(problems), key=lambda p: (p.path, p.line, p.field, p.message)))
    return Library(
        root=root,
        vocabularies=vocabularies,
        figures=figures,
        glossary=glossary,
        case_studies=tuple(case_studies),
        bodies=bodies,
        images=tuple(images),
        problems=ordered,
        files_checked=len(files),
        files_with_problems=len({problem.path for problem in ordered}),
    )


def _read_and_check(
    files: list[Path], root: Path, vocabularies: Vocabularies | None, today: dt.date, problems: list[Problem]
) -> tuple[list[tuple[CaseStudyFile, CaseStudy | None]], dict[str, list[str]], list[Image], SiteMap | None]:
    """Each file read and its front matter checked (problems added to ``problems``), the
    case studies' pictures, and the site's map that the bodies' links are followed in."""
    checked: list[tuple[CaseStudyFile, CaseStudy | None]] = []
    slugs: dict[str, list[str]] = defaultdict(list)
    for path in files:
        split, file_problems = read_case_study(path, root)
        problems.extend(file_problems)
        slugs[path.stem].append(display_path(path, root))
        if split is None or vocabularies is None:
            continue
        case_study, check_problems = check_case_study(split, vocabularies, today)
        problems.extend(check_problems)
        checked.append((split, case_study))
    # A body's links need every case study known, so bodies are read second, from memory.
    images: list[Image] = []
    if (root / CASE_STUDIES_DIR).is_dir() and not (root / CASE_STUDIES_DIR).is_symlink():
        images, image_problems = find_images(root / CASE_STUDIES_DIR, f"{CASE_STUDIES_DIR}/images")
        problems.extend(image_problems)
    site = None
    if vocabularies is not None:
        site = build_site_map([cs for _, cs in checked if cs is not None], vocabularies, root / DOCS_DIR,
                              images=[image.site_path for image in images])
    return checked, slugs, images, site


def _to_render(file: CaseStudyFile) -> BodyToRender:
    return BodyToRender(file.body, file.body_line, f"case-studies/{file.slug}/", file.front_matter.get("type") == QUESTION_TYPE)


def render_case_study_body(
    file: CaseStudyFile, site: SiteMap | None, abbreviations: Mapping[str, str] | None = None
) -> RenderedBody:
    """A file's body in the case-study profile, checked as it is rendered; ``site`` follows its links,
    and the glossary's ``abbreviations`` are shown with what they stand for."""
    return render(_to_render(file), site, abbreviations or {})


def _duplicate_slugs(slugs: dict[str, list[str]]) -> list[Problem]:
    """Reported on every file that shares the slug (contract §5)."""
    problems = []
    for slug, paths in slugs.items():
        if len(paths) < 2:
            continue
        for path in paths:
            others = ", ".join(other for other in paths if other != path)
            problems.append(
                Problem(path, 1, "slug", f"'{slug}' is also the file name of {others} — two case studies cannot share a slug; rename one")
            )
    return problems


def _clashes_with_library(slugs: dict[str, list[str]], library_files: list[Path], root: Path) -> list[Problem]:
    problems = []
    checked = {path for paths in slugs.values() for path in paths}
    for path in library_files:
        shown = display_path(path, root)
        if shown in checked or path.stem not in slugs:
            continue
        for clashing in slugs[path.stem]:
            problems.append(
                Problem(clashing, 1, "slug", f"'{path.stem}' is also the file name of {shown} — two case studies cannot share a slug; rename one")
            )
    return problems
