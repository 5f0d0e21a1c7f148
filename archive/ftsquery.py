"""Read what people type into `malinews search` as the FTS5 query they meant.

FTS5 barewords are letters, digits and `_`: the names and words of Malian news are not.
`aujourd'hui`, `l'État`, `G5-Sahel`, `M5-RFP`, `COVID-19`, `5.000`, `Mali : attaque` or `Ansongo,
Ménaka` were syntax errors (`-` and `:` even read as column filters: "no such column: Sahel").
`plain_query` keeps the FTS5 syntax people use on purpose (quoted phrases, AND/OR/NOT, parentheses,
prefix*, `title:`/`text:` filters) and makes every other word with punctuation a phrase of its parts
(`"G5-Sahel"`: the tokens g5 and sahel, in that order, which is how the index holds them); lone
punctuation goes, an unterminated quote is closed, and `-word` is `NOT word`, as search engines read
it. A query with `NEAR(` or a `{column set}` is left as it is: that is deliberate syntax, and FTS5's
error says more than a guess. The search tries the query as written first, and this only when FTS5
refuses it.
"""
from __future__ import annotations

import re
import sqlite3
import threading

FTS_COLUMNS = ("title", "text")
_OPERATORS = frozenset(("AND", "OR", "NOT"))
# A quoted phrase (FTS5 doubles a quote inside one), a parenthesis, or a run of anything else.
_PIECE = re.compile(r'"(?:[^"]|"")*"?|[()]|[^\s"()]+')
_BAREWORD = re.compile(r"\w+\*?", re.UNICODE)
_COLUMN = re.compile(rf"^(?:{'|'.join(FTS_COLUMNS)}):(?=.)")
_HAS_WORD = re.compile(r"\w", re.UNICODE)


def _word(piece: str) -> str | None:
    """One bareword as FTS5 reads it: kept, made a phrase, or None (punctuation only)."""
    column = ""
    if (match := _COLUMN.match(piece)) is not None:
        column, piece = match.group(0), piece[match.end():]
    if piece in _OPERATORS or _BAREWORD.fullmatch(piece):
        return column + piece
    if not _HAS_WORD.search(piece):
        return None
    prefix = piece.endswith("*") and _HAS_WORD.search(piece[-2:-1] or "") is not None
    core = piece[:-1] if prefix else piece
    return f'{column}"{core}"' + ("*" if prefix else "")


def plain_query(query: str) -> str:
    """`query` with its words that FTS5 cannot read as barewords quoted as phrases (see the module
    docstring); an unterminated quote is closed, a lone operator or parenthesis left to FTS5."""
    if "NEAR(" in query or "{" in query:
        return query  # deliberate FTS5 syntax (NEAR groups, column sets): its error says more than a guess
    out: list[str] = []
    for piece in _PIECE.findall(query):
        if piece.startswith('"'):
            out.append(piece if piece.count('"') % 2 == 0 else piece + '"')  # a closed phrase has pairs
        elif piece in ("(", ")"):
            out.append(piece)
        elif piece.startswith("-") and len(piece) > 1 and _HAS_WORD.match(piece[1:2]):
            # "attaque -Kidal", as search engines read it: NOT (alone it stays an error, never the opposite)
            out += ["NOT", _word(piece[1:]) or piece[1:]]
        elif (word := _word(piece)) is not None:
            out.append(word)
    return " ".join(out)


_PROBES = threading.local()


def fts5_accepts(query: str) -> bool:
    """Whether FTS5 parses `query` against a table with the archive's columns (an empty in-memory
    one, per thread: no archive is touched, and a SQL function may call it)."""
    probe = getattr(_PROBES, "conn", None)
    if probe is None:
        probe = _PROBES.conn = sqlite3.connect(":memory:")
        probe.execute(f"CREATE VIRTUAL TABLE probe USING fts5({', '.join(FTS_COLUMNS)})")
    try:
        probe.execute("SELECT 1 FROM probe WHERE probe MATCH ?", [query]).fetchall()
    except sqlite3.Error:
        return False
    return True


def readable_query(query: str | None) -> str | None:
    """`query` as written when FTS5 reads it, else `plain_query(query)` when FTS5 reads that (else
    `query` again, for FTS5 to explain). Registered as the SQL function `fts_query` in datasette."""
    if not query or fts5_accepts(query):
        return query
    plain = plain_query(query)
    return plain if plain.strip() and fts5_accepts(plain) else query
