"""Exception classes of the archive layer, turned into clear CLI messages at the edge."""
from __future__ import annotations


class MalinewsError(Exception):
    """Base class of every error malinews reports to a user."""

    exit_code = 1


class ConfigError(MalinewsError):
    """A configuration file or option is wrong; the message names file, key and fix."""

    exit_code = 2


class ArchiveLockedError(MalinewsError):
    """Another `malinews crawl` holds the archive's write lock."""

    exit_code = 1


class SearchSyntaxError(MalinewsError):
    """A search query is not valid SQLite FTS5 syntax."""

    exit_code = 2


class ArchiveMissingError(MalinewsError):
    """The archive file named by --db does not exist or is not a malinews archive."""

    exit_code = 2


class ArchiveInvalidError(MalinewsError):
    """The file named by --db is not a SQLite database, is damaged, or holds another program's tables."""

    exit_code = 2
