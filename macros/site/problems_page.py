"""While `mkdocs serve` runs, a library with problems is shown in the browser, not only in the terminal.

``mkdocs build`` stops on any problem (macros/content/reporting.py, ``format_build_failure``). The preview
would then stop answering and the browser spin until the mistake is fixed, with the only message in
a terminal an editor may never look at. So, while serving, the plugin builds a site of one page
instead (:func:`problems_page`), which is also the site's 404 page (:func:`with_problems`): every
address the browser asks for, the page it was on included, shows the problems, in the words the
terminal prints, and reloads by itself when a file is saved (:func:`reloading_error_pages`).

Every problem may quote what an editor wrote, so every one is escaped here. Plain Python: the
plugin (macros/plugin.py) is the only module that imports MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from html import escape
from typing import Any

from macros.content.library import Library
from macros.content.model import Problem
from macros.site.pages import GeneratedPage
from macros.content.reporting import format_text, summary_line

TITLE = "Problems to fix"
DESCRIPTION = "The casebook's files have problems to fix before it can be shown."
EXPLANATION = (
    "Your case studies have problems, so the casebook cannot show them yet. "
    "Fix each line below and save; this page reloads by itself."
)
HOW_TO_READ = (
    "Each line names the file and the line to open, then the field and what is wrong with it. "
    "<code>casebook check</code> prints the same list in a terminal."
)

# For the header search box (overrides/partials/search.html): no index, so a search finds nothing.
NO_SEARCH = {"base": "case-studies/search/none/", "word_keys": ""}


def problems_html(problems: Sequence[Problem], summary: str) -> str:
    """The page's content: a heading, what to do, the summary line and one item a problem.

    Trusted text is written here; each problem is escaped, so a message quoting ``<script>``,
    ``</code>`` or ``&`` is shown as written."""
    items = "\n".join(f"<li><code>{escape(str(problem))}</code></li>" for problem in problems)
    return (
        f'<div class="cb-problems">\n<h1 id="problems-to-fix">{escape(TITLE)}</h1>\n'
        f'<div class="admonition failure">\n<p class="admonition-title">The casebook cannot be shown yet</p>\n'
        f"<p>{escape(EXPLANATION)}</p>\n</div>\n"
        f"<p><strong>{escape(summary)}</strong></p>\n"
        f'<ol class="cb-problems__list">\n{items}\n</ol>\n'
        f"<p>{HOW_TO_READ}</p>\n</div>"
    )


def library_problems(library: Library, extra: Sequence[Problem] = ()) -> tuple[tuple[Problem, ...], str]:
    """A library's problems and its summary line ("3 problems in 2 files …"), with problems the build
    found beyond the checks (``extra``, such as a case study that would replace a hand-written page)."""
    if extra:
        problems = tuple(sorted({*library.problems, *extra}, key=lambda p: (p.path, p.line, p.field, p.message)))
        library = replace(library, problems=problems, files_with_problems=len({p.path for p in problems}))
    return library.problems, summary_line(library)


def terminal_message(problems: Sequence[Problem], summary: str) -> str:
    """What `mkdocs serve` prints when it shows the problems page: the lines `mkdocs build` prints."""
    return (
        "The case studies have problems, so the browser shows them instead of the site.\n"
        + format_text(problems)
        + summary
        + "\nFix each line above and save: the site comes back by itself."
    )


def problems_page(html: str) -> GeneratedPage:
    """The home page of the problems site (``index.md``), with ``html`` as its whole content."""
    return GeneratedPage(
        src_uri="index.md",
        title=TITLE,
        description=DESCRIPTION,
        in_nav=True,
        before=lambda root: html,
        hide=("navigation", "toc"),
    )


_ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">).*?(</article>)', re.S)
_TITLE = re.compile(r"<title>.*?</title>", re.S)


def with_problems(page_404: str, html: str, site_name: str) -> str:
    """Material's 404 page (rendered with absolute addresses, so it works at any depth) showing
    ``html`` in place of "404 - Not found", and titled as the problems page."""
    shown, found = _ARTICLE.subn(lambda match: match.group(1) + html + match.group(2), page_404, count=1)
    if not found:
        raise ValueError("Material's 404 page has no <article class=\"md-content__inner md-typeset\">")
    return _TITLE.sub(lambda match: f"<title>{escape(TITLE)} - {escape(site_name)}</title>", shown, count=1)


ErrorHandler = Callable[[int], bytes | None]


def reloading_error_pages(server: Any, handler: ErrorHandler) -> ErrorHandler:
    """``handler`` (the dev server's, which serves ``404.html`` for a missing address) with MkDocs'
    live-reload script added to the 404 page, as the server adds it to every page it finds.

    MkDocs sends its error pages as they are, so a browser showing one would never reload; with
    the problems site every address but the home page is a 404, the page the editor was on among
    them. ``casebook.js`` reads the script's two numbers and polls (the Content-Security-Policy
    refuses the script itself). This uses two private names of MkDocs' (and ProperDocs')
    ``LiveReloadServer``; without them the 404 page is served as before and only reloads by hand."""
    inject = getattr(server, "_inject_js_into_html", None)

    def error_page(code: int) -> bytes | None:
        content = handler(code)
        epoch = getattr(server, "_visible_epoch", None)
        if code != 404 or content is None or inject is None or not isinstance(epoch, int):
            return content
        injected = inject(content, epoch)
        return injected if isinstance(injected, bytes) else content

    return error_page
