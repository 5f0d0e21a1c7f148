"""htmldate's free-text date parser, limited to the languages of the Malian press (`install()`,
called by pipelines.extract).

When a page's own markup gives no acceptable publication date, malinews falls back on trafilatura's
metadata pass, whose htmldate search (`extensive_search`) hands candidate strings to dateparser with
`languages=None`: dateparser then tests every string against all of its 205 locales. That cost
12 ms a string and up to 180 ms a page: a site without dates in its markup, or with dates a day
ahead of the crawl's clock, made every page ~20× dearer to extract (the 20,000-article benchmark,
whose last articles were dated after the crawl, ran at half speed). With the languages these outlets
write in, the parser takes 0.4 ms a string and gives the same dates: `extract_checked` output is
identical on all 1,228 recorded page/clock pairs (tests/test_date_languages.py).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import htmldate.extractors

# French, English, Bambara, Fulfulde and Arabic: what Malian outlets publish in.
LANGUAGES = ("fr", "en", "bm", "ff", "ar")
# The settings htmldate gives its parser (htmldate 1.11, extractors.get_external_parser), copied to ours.
SETTING_KEYS = ("NORMALIZE", "PARSERS", "PREFER_DATES_FROM", "PREFER_LOCALE_DATE_ORDER", "RETURN_AS_TIMEZONE_AWARE",
                "STRICT_PARSING")
_ORIGINAL = htmldate.extractors.get_external_parser


@lru_cache(maxsize=1)
def limited_parser() -> Any:
    """A `DateDataParser` with htmldate's own settings, for LANGUAGES only; htmldate's own parser if
    a release of it already limits the languages. Built on first use: like htmldate, malinews
    imports dateparser only for a page that needs it."""
    from dateparser import DateDataParser

    original = _ORIGINAL()
    if original.languages is not None or original.locales is not None:
        return original
    return DateDataParser(languages=list(LANGUAGES),
                          settings={key: getattr(original._settings, key) for key in SETTING_KEYS})


def install() -> None:
    """Make htmldate's free-text date search use `limited_parser` (idempotent)."""
    htmldate.extractors.get_external_parser = limited_parser
