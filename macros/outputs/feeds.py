"""Atom feeds (RFC 4287) of the newest case studies: the whole site's, and one for
every hub, phase, partnership model and programme.

Where a feed is: the site's at ``/feed.xml``; an entry's beside its listing page,
``<listing folder>/feed.xml`` (``/hubs/jurassic/feed.xml``, ``/phases/primary/feed.xml``,
``/partnership-models/<id>/feed.xml``, ``/programmes/<id>/feed.xml``): the rule is
``addresses.feed_path``, built as the listing pages' addresses are, so a feed and its
page cannot drift apart. Every entry
of those vocabularies has a feed, an empty one until its first case study, so a
reader can subscribe before the first story.

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

from macros.content.addresses import SITE_FEED_PATH, feed_path, listing_path
from macros.content.index import CaseStudyIndex
from macros.content.model import FACET_OF_VOCABULARY, LISTED_VOCABULARIES, CaseStudy, Vocabularies, VocabularyEntry

FEED_LENGTH = 20  # entries per feed: a reader checks often, so the newest twenty are plenty
ATOM_TYPE = "application/atom+xml"
CATEGORIES = tuple(LISTED_VOCABULARIES)  # each entry's categories: every vocabulary that has feeds of its own
# Characters XML 1.0 does not allow anywhere, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# What one entry's feed follows, as words after "new case studies" (plain text; the
# name is filled in, and whoever prints it escapes it). One phrase for the feed's
# title and the page's link, so a reader sees the same thing in both.
FEED_SUBJECTS: dict[str, str] = {
    "hubs": "from {name}",
    "phases": "in the {name} phase",
    "partnership_models": "of the partnership model “{name}”",
    "programmes": "on {name}",
}


def feed_subject(vocabulary_key: str, entry: VocabularyEntry) -> str:
    """``"in the Primary phase"``: what an entry's feed follows, as plain text."""
    return FEED_SUBJECTS[vocabulary_key].format(name=entry.name)


@dataclass(frozen=True)
class Feed:
    path: str  # site-relative, e.g. "hubs/jurassic/feed.xml" (see feed_path)
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
    """The site's feed, then one per entry of each listed vocabulary, in data/'s order
    (an entry with no case studies yet gets an empty feed)."""
    feeds = [
        Feed(
            SITE_FEED_PATH,
            f"{site_name}: new case studies",
            "The newest case studies of trusts and schools working with their Maths Hub.",
            "case-studies/",
            index.case_studies[:FEED_LENGTH],
        )
    ]
    for key in LISTED_VOCABULARIES:
        facet = FACET_OF_VOCABULARY[key]
        for entry in index.vocabularies[key]:
            subject = feed_subject(key, entry)
            feeds.append(
                Feed(
                    feed_path(key, entry.id),
                    f"{site_name}: new case studies {subject}",
                    f"The newest case studies {subject}.",
                    listing_path(key, entry.id),
                    index.with_facet(facet, entry.id)[:FEED_LENGTH],
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

