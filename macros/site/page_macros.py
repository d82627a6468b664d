"""Macros for hand-written pages in ``docs/`` (mkdocs-macros calls ``define_env``).

They draw on the index the casebook plugin built for this build, and return
HTML made by the same renderers as the generated pages: one card everywhere.
Macro output is never rendered again as a template, so case-study text stays text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

from macros.site import charts, field_guide, render
from macros.content.figures import Chart, Figures
from macros.content.glossary import Glossary, GlossaryTerm
from macros.content.index import CaseStudyIndex
from macros.content.model import FACETS, LISTED_VOCABULARIES, CaseStudy

PLUGIN_NAME = "casebook"


class MacroError(RuntimeError):
    pass


def _as_ids(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def define_env(env: Any) -> None:
    def index() -> CaseStudyIndex:
        plugin = env.conf.plugins.get(PLUGIN_NAME)
        found = getattr(plugin, "index", None)
        if found is None:
            raise MacroError("the 'casebook' plugin must be listed under 'plugins:' in mkdocs.yml")
        assert isinstance(found, CaseStudyIndex)
        return found

    def figures() -> Figures:
        found = getattr(env.conf.plugins.get(PLUGIN_NAME), "figures", None)
        if not isinstance(found, Figures):
            raise MacroError("the 'casebook' plugin must be listed under 'plugins:' in mkdocs.yml")
        return found

    def glossary() -> Glossary:
        found = getattr(env.conf.plugins.get(PLUGIN_NAME), "glossary", None)
        if not isinstance(found, Glossary):
            raise MacroError("the 'casebook' plugin must be listed under 'plugins:' in mkdocs.yml")
        return found

    def root() -> str:
        return render.root_for(env.page.url)

    def select(filters: Mapping[str, str | Iterable[str] | None]) -> tuple[Any, ...]:
        unknown = set(filters) - set(FACETS)
        if unknown:
            raise MacroError(f"unknown filter {sorted(unknown)}; use {', '.join(FACETS)}")
        built = index()
        for facet, ids in filters.items():
            vocabulary = built.vocabularies[FACETS[facet][1]]
            for entry_id in _as_ids(ids):
                if entry_id not in vocabulary:
                    raise MacroError(f"unknown {vocabulary.singular} '{entry_id}' in a macro call")
        return built.matching({facet: _as_ids(ids) for facet, ids in filters.items()})

    @env.macro  # type: ignore[untyped-decorator]
    def case_studies(limit: int | None = None, heading_level: int = 3, **filters: str | list[str]) -> str:
        """Cards for the case studies matching the filters (phase, hub, model, programme, type), newest first."""
        chosen = select(filters)
        return render.render_cards(chosen[:limit] if limit else chosen, index().vocabularies, root(), heading_level=heading_level)

    @env.macro  # type: ignore[untyped-decorator]
    def case_study_count(**filters: str | list[str]) -> int:
        """How many published case studies match the filters."""
        return len(select(filters))

    @env.macro  # type: ignore[untyped-decorator]
    def vocabulary_index(key: str) -> str:
        """Every entry of one vocabulary ('hubs', 'phases', 'partnership_models', 'programmes') with its count."""
        if key not in LISTED_VOCABULARIES:
            raise MacroError(f"vocabulary_index takes one of {', '.join(LISTED_VOCABULARIES)}, not '{key}'")
        built = index()
        return render.render_vocabulary_index(built.vocabularies[key], built, root())

    @env.macro  # type: ignore[untyped-decorator]
    def entry_chips(key: str, short: bool = False) -> str:
        """Links to every hub, phase, model or programme with its count, as compact chips."""
        if key not in LISTED_VOCABULARIES:
            raise MacroError(f"entry_chips takes one of {', '.join(LISTED_VOCABULARIES)}, not '{key}'")
        built = index()
        return render.render_entry_chips(built.vocabularies[key], built, root(), short=short)

    @env.macro  # type: ignore[untyped-decorator]
    def partnership_models_grid() -> str:
        """The four partnership models as a 2×2 table, each cell linking to its model page with its count."""
        return render.render_model_grid(index(), root())

    @env.macro  # type: ignore[untyped-decorator]
    def case_study_link(slug: str, text: str | None = None) -> str:
        """A link to one case study by slug; plain text when this library does not publish it."""
        found = next((cs for cs in index().case_studies if cs.slug == slug), None)
        label = text or (found.title if found else slug)
        if found is None:
            return render.e(label)
        return f'<a class="cb-case-study-link" href="{render.e(render.case_study_url(found, root()))}">{render.e(label)}</a>'

    @env.macro  # type: ignore[untyped-decorator]
    def entry_link(key: str, entry_id: str) -> str:
        """A link to one hub, phase, model or programme page, by id."""
        built = index()
        vocabulary = built.vocabularies[key]
        if entry_id not in vocabulary:
            raise MacroError(f"unknown {vocabulary.singular} '{entry_id}' in entry_link")
        url = render.entry_url(key, entry_id, root())
        return f'<a href="{render.e(url)}">{render.e(vocabulary.name(entry_id))}</a>'

    def chart_section(chart: Chart) -> str:
        # A Markdown heading (with a fixed id) puts the chart in the table of contents.
        heading_id = charts.chart_heading_id(chart)
        title = re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", chart.title)
        return f"## {title} {{: #{heading_id} }}\n\n{charts.render_chart(chart, heading_id)}\n"

    @env.macro  # type: ignore[untyped-decorator]
    def figures_chart(chart_id: str) -> str:
        """One chart from data/figures.yml, under its own heading, with its numbers in a table."""
        chart = figures().chart(chart_id)
        if chart is None:
            raise MacroError(f"no chart '{chart_id}' in data/figures.yml")
        return chart_section(chart)

    @env.macro  # type: ignore[untyped-decorator]
    def all_figures_charts() -> str:
        """Every chart in data/figures.yml, in order, each under its own heading."""
        return "\n".join(chart_section(chart) for chart in figures().charts)

    @env.macro  # type: ignore[untyped-decorator]
    def glossary_table() -> str:
        """Every abbreviation in data/glossary.yml: what it stands for and means, and the case studies using it."""
        return render_glossary_table(glossary(), index().case_studies, root())

    @env.macro  # type: ignore[untyped-decorator]
    def field_table() -> str:
        """Every front-matter field, whether it is needed and what to write."""
        return field_guide.render_field_table()

    @env.macro  # type: ignore[untyped-decorator]
    def allowed_values(key: str) -> str:
        """The ids one vocabulary accepts ('types', 'phases', 'hubs', 'partnership_models', 'programmes')."""
        built = index()
        if key not in ("types", *LISTED_VOCABULARIES):
            raise MacroError(f"allowed_values takes a vocabulary from data/, not '{key}'")
        return field_guide.render_allowed_values(built.vocabularies[key])

    @env.macro  # type: ignore[untyped-decorator]
    def issue_form_link(text: str) -> str:
        """A link to the case-study issue form when the repository is known, else the words alone."""
        repo_url = env.conf.get("repo_url")
        if not repo_url:  # a build without REPO_URL (the deploy workflow sets it) knows no repository to link
            return f"{render.e(text)} (in the repository: <strong>Issues</strong>, <strong>New issue</strong>, then <strong>Share a case study</strong>)"
        return f'<a href="{render.e(repo_url.rstrip("/") + "/issues/new?template=case-study.yml")}">{render.e(text)}</a>'


def render_glossary_table(glossary: Glossary, case_studies: Iterable[CaseStudy], root: str) -> str:
    """The glossary as a table, by abbreviation: each term with its count of published case studies,
    linked to the finder's search for it (which finds its long form too)."""
    # One pass over each case study for all the terms: a library's worth of text is read once.
    uses: Counter[str] = Counter()
    for case_study in case_studies:
        uses.update(glossary.terms_in(f"{case_study.title}\n{case_study.summary}\n{case_study.body}"))
    rows = "\n".join(_glossary_row(term, uses[term.abbreviation], root)
                     for term in sorted(glossary, key=lambda term: term.abbreviation.casefold()))
    caption = "Abbreviations and what they stand for"
    return (
        # Scrolls sideways on a narrow screen: focusable and named, so a keyboard can scroll it.
        f'<div class="cb-table" tabindex="0" role="region" aria-label="{render.e(caption)}"><table class="cb-glossary">\n'
        f"<caption>{render.e(caption)}</caption>\n"
        '<thead><tr><th scope="col">Abbreviation</th><th scope="col">Stands for</th>'
        '<th scope="col">What it means</th><th scope="col">Used in</th></tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody></table></div>"
    )


def _glossary_row(term: GlossaryTerm, count: int, root: str) -> str:
    shorts = ", ".join(f'<abbr title="{render.e(long)}">{render.e(short)}</abbr>' for short, long in term.forms)
    if count:
        label = f"{count} case stud{'y' if count == 1 else 'ies'}"
        search = f"{root}case-studies/?q={quote(term.abbreviation, safe='')}"
        used = f'<a href="{render.e(search)}">{label}</a>'
    else:
        used = "none yet"
    return (
        f'<tr id="{render.e(f"term-{term.abbreviation.lower()}")}"><th scope="row">{shorts}</th>'
        f"<td>{render.e(term.stands_for)}</td><td>{render.e(term.description or '')}</td><td>{used}</td></tr>"
    )
