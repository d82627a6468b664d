"""The comparison at /case-studies/compare/, and the "Add to comparison" roots on other pages.

The comparison page is built with no case study in it: which ones it shows is in
its address (``?slugs=a,b,c``), read by the script (components/compare/), which
fetches /case-studies.json and draws the table. As built, the page says that
comparing needs JavaScript and links the finder, so it works without script.

On the finder and on each case study's page, an empty root (rendered ``hidden``)
tells the script where the comparison is (components/compare-pick/); the script
makes the buttons and the tray, so without JavaScript there is nothing to press,
and the finder's cards carry no extra bytes.
"""

from __future__ import annotations

from macros.content.addresses import COMPARE_URL, FINDER_URL, JSON_PATH
from macros.content.model import CaseStudy
from macros.site.render import e, title_heading

COMPARE_TITLE = "Compare case studies"
COMPARE_DESCRIPTION = (
    "Up to four case studies side by side: their type, date, trust or school, phases, Maths Hubs, "
    "partnership models, programmes, people, summary and how each begins."
)
MOST_COMPARED = 4  # as the script's lib/compare-set.mjs: MAX


def render_compare(root: str) -> str:
    """The comparison page's own content: the explanation without script, and the script's root."""
    finder = f'<a href="{e(root)}{FINDER_URL}">case study finder</a>'
    return (
        f"{title_heading(COMPARE_TITLE)}\n"
        f"<p>{e(COMPARE_DESCRIPTION)}</p>\n"
        f'<div class="cb-compare" data-module="cb-compare" data-json="{e(root)}{JSON_PATH}" data-root="{e(root)}">\n'
        '<div class="cb-compare__static">\n'
        "<p>Comparing case studies side by side needs JavaScript, which is turned off or has not loaded "
        f"in this browser. Every case study is listed in the {finder}, and each one's page starts with "
        "its facts at a glance.</p>\n</div>\n"
        '<div class="cb-compare__app" hidden>\n'
        '<p class="cb-compare__status" role="status"></p>\n'
        '<div class="cb-compare__notes"></div>\n'
        '<div class="cb-compare__empty" hidden>\n'
        f"<p>No case studies are chosen yet. In the {finder}, or on any case study's page, press "
        f"“Add to comparison” on up to {MOST_COMPARED} of them, then “Compare them”.</p>\n</div>\n"
        '<div class="cb-compare__actions">\n'
        '<button type="button" class="cb-compare__print">Print a briefing</button>\n'
        f'<a href="{e(root)}{FINDER_URL}">Choose more in the finder</a>\n</div>\n'
        '<div class="cb-compare__view"></div>\n'
        "</div>\n</div>"
    )


def render_picker(root: str, case_study: CaseStudy | None = None) -> str:
    """The root of "Add to comparison": for one case study on its own page, or (None) the finder's cards."""
    which = (
        f' data-slug="{e(case_study.slug)}" data-title="{e(case_study.title)}"'
        if case_study is not None else ' data-cards=".cb-finder__results"'
    )
    return (
        f'<div class="cb-pick" data-module="cb-compare-pick" data-compare="{e(root)}{COMPARE_URL}"{which} hidden></div>'
    )
