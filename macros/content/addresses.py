"""Where the site puts what it publishes (the contract's §3 and §4): one place for every
address that a page links, a check follows, or an output is written to."""

from __future__ import annotations

from macros.content.model import LISTED_VOCABULARIES

JSON_PATH = "case-studies.json"
CSV_PATH = "case-studies.csv"
SITE_FEED_PATH = "feed.xml"
SITEMAP_PATH = "sitemap.xml"  # MkDocs writes it
FINDER_URL = "case-studies/"
COMPARE_URL = "case-studies/compare/"
# Files at the site root a hand-written page may link to.
GENERATED_FILES = (JSON_PATH, CSV_PATH, SITE_FEED_PATH, SITEMAP_PATH)


def listing_path(vocabulary_key: str, entry_id: str) -> str:
    """Site-relative URL of one entry's listing page, e.g. ``phases/primary/``."""
    return f"{LISTED_VOCABULARIES[vocabulary_key]}/{entry_id}/"


def feed_path(vocabulary_key: str, entry_id: str) -> str:
    """Site-relative path of one entry's feed: its listing page's folder + ``feed.xml``."""
    return listing_path(vocabulary_key, entry_id) + SITE_FEED_PATH
