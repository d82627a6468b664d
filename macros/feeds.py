"""Atom feeds (RFC 4287) of the newest case studies: the whole site's and one per hub.

Dates come from each case study's front matter, never from git (a shallow CI
clone would date everything today), so a rebuild gives the same feed. Links
and ids are absolute, from ``site_url``; an entry's id is its page's URL,
which is stable because slugs are.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from .index import CaseStudyIndex
from .model import LISTED_VOCABULARIES, CaseStudy, Vocabularies

SITE_FEED_PATH = "feed.xml"
FEED_LENGTH = 20  # entries per feed: a reader checks often, so the newest twenty are plenty
ATOM_TYPE = "application/atom+xml"
CATEGORIES = ("hubs", "phases", "partnership_models")  # each entry's, from these vocabularies
# Characters XML 1.0 does not allow anywhere, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def hub_feed_path(hub_id: str) -> str:
    return f"hubs/{hub_id}/{SITE_FEED_PATH}"


@dataclass(frozen=True)
class Feed:
    path: str  # site-relative, e.g. "hubs/jurassic/feed.xml"
    title: str
    subtitle: str
    page_url: str  # site-relative URL of the page the feed follows
    case_studies: Sequence[CaseStudy]


def x(value: object) -> str:
    """Text or attribute value for XML: escaped, without characters XML cannot hold."""
    return escape(_NOT_XML.sub("", str(value)), quote=True)


def timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def site_feeds(index: CaseStudyIndex, site_name: str) -> list[Feed]:
    """The site's feed, then one per hub in the vocabulary's order (a hub with none yet gets an empty feed)."""
    feeds = [
        Feed(
            SITE_FEED_PATH,
            f"{site_name}: new case studies",
            "The newest case studies of trusts and schools working with their Maths Hub.",
            "case-studies/",
            index.case_studies[:FEED_LENGTH],
        )
    ]
    for hub in index.vocabularies.hubs:
        feeds.append(
            Feed(
                hub_feed_path(hub.id),
                f"{site_name}: {hub.name}",
                f"The newest case studies of trusts and schools working with {hub.name}.",
                f"hubs/{hub.id}/",
                index.with_facet("hub", hub.id)[:FEED_LENGTH],
            )
        )
    return feeds


def render_feed(feed: Feed, vocabularies: Vocabularies, site_url: str, author: str, fallback: dt.date) -> str:
    """The feed as Atom XML. ``fallback`` dates a feed with no entries (the site's newest case study)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    updated = max((case_study.date for case_study in feed.case_studies), default=fallback)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
        f"  <id>{x(base + feed.path)}</id>",
        f"  <title>{x(feed.title)}</title>",
        f"  <subtitle>{x(feed.subtitle)}</subtitle>",
        f'  <link rel="self" type="{ATOM_TYPE}" href="{x(base + feed.path)}"/>',
        f'  <link rel="alternate" type="text/html" href="{x(base + feed.page_url)}"/>',
        f"  <updated>{timestamp(updated)}</updated>",
        f"  <author><name>{x(author)}</name></author>",
    ]
    for case_study in feed.case_studies:
        lines += _entry(case_study, vocabularies, base)
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _entry(case_study: CaseStudy, vocabularies: Vocabularies, base: str) -> list[str]:
    url = base + case_study.url
    lines = [
        "  <entry>",
        f"    <id>{x(url)}</id>",
        f"    <title>{x(case_study.title)}</title>",
        f'    <link rel="alternate" type="text/html" href="{x(url)}"/>',
        f"    <published>{timestamp(case_study.date)}</published>",
        f"    <updated>{timestamp(case_study.date)}</updated>",
        f"    <summary>{x(case_study.summary)}</summary>",
    ]
    for key in CATEGORIES:
        for entry_id in getattr(case_study, key):
            lines.append(
                f'    <category term="{x(entry_id)}" scheme="{x(base + LISTED_VOCABULARIES[key] + "/")}" '
                f'label="{x(vocabularies[key].name(entry_id))}"/>'
            )
    lines.append("  </entry>")
    return lines

