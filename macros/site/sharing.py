"""What a page carries for being shared, subscribed to and printed.

``head_tags`` gives the feed links and the Open Graph and Twitter meta that a
link preview reads (overrides/main.html prints them in the head); Material
itself writes the canonical link and MkDocs the sitemap, both from
``site_url``. ``mark_links_for_print`` gives every link in a case study's
body its absolute URL, which the print stylesheet writes after the link on
paper (on hand-written pages it writes the address of links to other sites).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape, unescape
from urllib.parse import urljoin

SOCIAL_IMAGE = "assets/images/social.png"  # 1200 × 630, the size link previews use
SOCIAL_IMAGE_ALT = "The Maths Hubs partnership casebook: how trusts and schools work with their Maths Hub"

_LINK = re.compile(r'<a\s[^>]*?\bhref="([^"]*)"[^>]*>')
_SKIP_CLASSES = ("headerlink", "md-content__button", "footnote-ref", "footnote-backref")


def head_tags(
    *,
    title: str,
    description: str,
    site_name: str,
    site_url: str | None,
    canonical_url: str | None,
    article: bool,
    feeds: Iterable[tuple[str, str]],
) -> str:
    """Tags for a page's head. Values are plain text and escaped here; ``feeds`` are (href, title) pairs."""
    tags = [
        f'<link rel="alternate" type="application/atom+xml" title="{escape(name)}" href="{escape(href)}">'
        for href, name in feeds
    ]
    if site_url and canonical_url:
        image = urljoin(site_url if site_url.endswith("/") else site_url + "/", SOCIAL_IMAGE)
        properties = [
            ("og:type", "article" if article else "website"),
            ("og:site_name", site_name),
            ("og:title", title),
            ("og:description", description),
            ("og:url", canonical_url),
            ("og:locale", "en_GB"),
            ("og:image", image),
            ("og:image:width", "1200"),
            ("og:image:height", "630"),
            ("og:image:alt", SOCIAL_IMAGE_ALT),
        ]
        tags += [f'<meta property="{name}" content="{escape(value)}">' for name, value in properties]
        names = [
            ("twitter:card", "summary_large_image"),
            ("twitter:title", title),
            ("twitter:description", description),
            ("twitter:image", image),
            ("twitter:image:alt", SOCIAL_IMAGE_ALT),
        ]
        tags += [f'<meta name="{name}" content="{escape(value)}">' for name, value in names]
    return "\n".join(tags)


def mark_links_for_print(html: str, page_url: str | None) -> str:
    """Add ``data-print-url`` (the link's absolute URL) to each link that leads off the page.

    ``page_url`` is the page's absolute URL; without one, relative links are
    left unmarked (a relative path means nothing on paper).
    """

    def mark(match: re.Match[str]) -> str:
        tag, href = match.group(0), unescape(match.group(1))
        if not href or href.startswith("#") or "data-print-url" in tag or any(c in tag for c in _SKIP_CLASSES):
            return tag
        if href.startswith("mailto:"):
            shown = href.removeprefix("mailto:")
        elif href.startswith(("https:", "http:")):
            shown = href
        elif page_url:
            shown = urljoin(page_url, href)
        else:
            return tag
        return f'{tag[:-1]} data-print-url="{escape(shown)}">'

    return _LINK.sub(mark, html)
