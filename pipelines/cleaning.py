"""Post-process extracted article text: drop title/byline/date/share/widget lines and related tails."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

from pipelines.dates import parse_date_text

HEAD_LINES = 6        # bylines, dates, counters and widgets only count near the top...
TAIL_LINES = 3        # ...or at the very end
_FAR_FUTURE = datetime(2100, 1, 1, tzinfo=timezone.utc)  # any date counts when spotting a date line

_UPPER = "A-ZÀ-ÖØ-ÞŒ"
_NAME = (rf"[{_UPPER}][\w'’.\-]*\.?(?:\s+(?:(?:de|du|des|le|la|ben|ould|ag|dit|el|al)\s+|d['’])?"
         rf"[{_UPPER}][\w'’.\-]*){{0,4}}")
_BYLINE = re.compile(rf"^(?:Par|PAR|By|BY|Auteur\s*:|Author\s*:)\s*:?\s+({_NAME})\s*(?:[-–|,/]\s*|\s+le\s+)?(.*)$")
_NEWSROOM = re.compile(r"^(?:Par|PAR|By)\s+(?:la|notre|the)\s+r[ée]daction\b.{0,40}$", re.I)
_DATE_PREFIX = re.compile(r"^(?:publi[ée]e?|publi[ée]e? le|mis(?:e)? (?:à|a) jour|modifi[ée]|date|le|posted( on)?|"
                          r"published( on)?|updated( on)?|last updated)\b", re.I)
_ABAMAKO = re.compile(r"^Publi[ée]e? le\s+[^|]{6,60}\|\s*(.{2,80})$", re.I)
_WEATHER = re.compile(r"^-?\d{1,2}(?:[.,]\d+)?\s*°?\s*[CF]\b.{0,90}$")
_COUNTER = re.compile(r"^\d{1,5}$|^\d+\s+(?:commentaires?|comments?|r[ée]actions?|vues|views)$|"
                      r"^(?:bo[iî]te de )?commentaires? facebook$|^facebook comments?(?: plugin)?$|"
                      r"^getting your trinity audio player ready\W*$|"
                      r"^(?:laisser|laissez|ajouter|poster) un commentaire$|^leave a (?:comment|reply)$", re.I)
_SHARE_WORDS = frozenset("partager partagez partage share this on sur via facebook twitter x whatsapp linkedin "
                         "telegram email e-mail mail imprimer print tweet pinterest messenger reddit copier copy "
                         "le lien link article cet".split())
# The link alternative commits to the line's first URL (an atomic group): a line of 10,000 links
# without ".mp3" used to be tried from every one of them (quadratic, 7 s for 200 KB).
_AUDIO = re.compile(r"^t[ée]l[ée]charger\b.{0,80}$|^(?=\S*$)(?>\S*?https?://)\S+?\.mp3|\.mp3\s*$|"
                    r"^(?:ci-dessous,?\s+)?[ée]coutez\b.{0,140}:$", re.I)
_FOLLOW_US = re.compile(r"^(?:suivez[- ]nous|abonnez[- ]vous|rejoignez[- ]nous|rejoignez notre|follow us|"
                        r"t[ée]l[ée]chargez (?:notre|l['’]) ?application)\b.{0,100}$|"
                        r"^(?:©|\(c\)\s|cr[ée]dit photo\b|photo\s*:).{0,100}$", re.I)
# A line that is only an ad's label or a button: "PUBLICITÉ", "- Publicité -", "Contenus sponsorisés",
# "Continuer la lecture", "Lire la suite".
_LABEL_LINE = re.compile(r"^[\W_]*(?:publicit[ée]s?|pub|advertisements?|sponsoris[ée]e?s?|contenus? sponsoris[ée]s?|"
                         r"continuer (?:[àa] lire|la lecture)|lire la suite|read more)[\W_]*$", re.I)
# A cookie-consent banner's sentence, at the top or the end of the text (one without a telltale class).
_COOKIE_NOTICE = re.compile(r"^.{0,200}\b(?:nous utilisons (?:des|les) cookies|"
                            r"(?:ce|notre) site (?:web |internet )?utilise (?:des|les) cookies|"
                            r"we use cookies|this (?:web)?site uses cookies|"
                            r"en (?:poursuivant|continuant) (?:votre |la )?navigation|"
                            r"acceptez l['’]utilisation (?:des|de) cookies|accepter les cookies)\b.{0,400}$", re.I)
_RIGHTS = re.compile(r"^.{0,150}(?:tous droits r[ée]serv[ée]s|all rights reserved).{0,80}$", re.I)
_READ_ALSO = re.compile(r"^(?:(?:[àa]\s+)?lire|voir) (?:aussi|[ée]galement)\b.{0,200}$", re.I)
_TAIL_HEADING = re.compile(
    r"^(?:articles? similaires|sur le m[êe]me (?:sujet|th[èe]me)|dans la m[êe]me rubrique|vous aimerez aussi|"
    r"vous pourriez aussi aimer|[àa] lire (?:aussi|[ée]galement)|lire aussi|articles? li[ée]s|"
    r"nos derniers articles|les plus lus|related (?:posts|articles|stories)|you may also like)\s*:?$", re.I)
# What PHP and WordPress print into a page when they fail: "Warning: Cannot modify header information
# … in /home/…/pluggable.php on line 1435", PHP 7's "Fatal error: Uncaught Error: … in /…/x.php:3" and
# the stack trace after it, "WordPress database error: […]" and the query after it. Server debris,
# never the article's words, wherever it lands.
_PHP_ERROR = re.compile(r"^(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards|Parse error|"
                        r"(?:Catchable |Recoverable )?Fatal error)\s*:\s")
_PHP_ERROR_END = re.compile(r" in \S[^\n]{0,500}(?: on line \d+|\.(?:php|inc):\d+)\.?$")  # where it happened
_PHP_TRACE = re.compile(r"^(?:Stack trace:|#\d+ (?:(?:/|[A-Za-z]:\\)\S{0,500}\(\d+\): .{0,3000}|\{main\}|"
                        r"\[internal function\]: .{0,3000}))$")
_PHP_THROWN = re.compile(r"^thrown in \S.{0,500}? on line \d+$")  # a stack trace's last line
_WP_DB_ERROR = re.compile(r"^WordPress (?:database error|erreur de la base de donn[ée]es)\b", re.I)
_SQL_LINE = re.compile(r"^(?:SELECT|INSERT|UPDATE|DELETE|SHOW|REPLACE)\s.{0,5000}?\b(?:FROM|INTO|SET|TABLES)\b")
_DOUBLED_APOSTROPHE = re.compile(r"(?<=\w)''(?=\w)")
_TERMINAL = tuple(".!?:;…»\"”')]")
_ALNUM = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text plus what the removed lines told us."""

    text: str
    author: str | None = None       # from a "Par X" byline
    source: str | None = None       # from an aBamako "Publié le … | source" header


def fix_apostrophes(text: str) -> str:
    """Undo the doubled apostrophes of old SQL-escaped pages (`d''un` → `d'un`)."""
    return _DOUBLED_APOSTROPHE.sub("'", text) if "''" in text else text


def _norm(text: str) -> str:
    return _ALNUM.sub("", text.casefold())


def _is_title(line: str, title_norm: str) -> bool:
    line_norm = _norm(line)
    if not line_norm or not title_norm:
        return False
    return line_norm == title_norm or (line_norm.startswith(title_norm) and len(line_norm) - len(title_norm) < 25)


def _is_share(line: str) -> bool:
    words = [w for w in re.split(r"[\s:|,·•/()]+", line.casefold()) if w]
    return 0 < len(words) <= 10 and all(w in _SHARE_WORDS for w in words) and words[0] not in ("le", "on", "this")


def _is_date_line(line: str) -> bool:
    if len(line) > 90 or not parse_date_text(line, _FAR_FUTURE, relative=False):
        return False
    if _DATE_PREFIX.match(line):
        return True
    residue = re.sub(r"\d+|[^\w\s]", " ", line).split()
    return len(residue) <= 4


def byline_author(line: str) -> str | None:
    """The name in a byline line ("Par Oumar SANKARE", "Par X - 22 juin 2025"), else None."""
    match = _BYLINE.match(line)
    if not match:
        return None
    name, rest = match.group(1).strip(" .-"), match.group(2).strip()
    if rest and not parse_date_text(rest, _FAR_FUTURE, relative=True):
        return None
    return name if 1 <= len(name.split()) <= 6 else None


_AUTHOR_PREFIX = re.compile(r"^(?:par|by|r[ée]dig[ée]e? par|[ée]crit(?:e)? par|sign[ée]e?|auteure?|author)"
                            r"\s*:?\s+", re.I)
# A role or a newsroom, not a person: "De notre correspondant à Gao", "Envoyé spécial à Kidal", "la Rédaction".
_ROLE = re.compile(r"^(?:de\s+)?(?:(?:notre|nos|son|sa|l['’]|la|le|les|un|une)\s*)?(?:correspondant|envoy[ée]|journaliste|"
                   r"stagiaire|reporter|r[ée]dact(?:eur|rice)|r[ée]daction|service)", re.I)
# "Awa Diarra et Oumar Traoré": two names (each capitalised), not one.
_NAME_AND = re.compile(rf"\s+(?:et|&|and)\s+(?=[{_UPPER}])")
_END_DOT = re.compile(r"(?<=\w\w)\.+$")  # a sentence's full stop, not an initial's ("Amadou O.")
_NOT_A_NAME = frozenset({"le", "la", "les", "l'", "du", "de", "des", "et", "à", "a", "on", "the", "and"})
# What follows the comma of "Par X, publié le jeudi 3 avril 2025": the start of a date, not a name.
_WEEKDAY = r"(?:lun|mar|mercre|jeu|vendre|same)di|dimanche"
_DATE_WORDS = re.compile(r"(?:publi[ée]e?|mis(?:e)? à jour|modifi[ée]e?|actualis[ée]e?|posted|published|updated|"
                         rf"il y a|{_WEEKDAY}|le(?=\s+(?:\d|1er|premier|{_WEEKDAY})))\b", re.I)


def tidy_author(raw: str) -> str:
    """An extractor's byline as a list of names: "Par X; Le" → "X" (a byline "Par X, le 12 juin"
    split at its comma leaves a lone article or preposition behind as a second "author"),
    "Par X; Publié le jeudi" → "X" (the date the byline went on with), "Rédigé par X et Y" → "X; Y",
    "De notre correspondant à Gao; X" → "X" (a role is no name, nor "la Rédaction")."""
    raw = _AUTHOR_PREFIX.sub("", raw.strip())
    parts = [_END_DOT.sub("", q.strip(" ,-")) for p in raw.split(";")
             for q in _NAME_AND.split(_AUTHOR_PREFIX.sub("", p.strip()))]
    names = [p for p in parts if p and p.casefold() not in _NOT_A_NAME and not p[:1].isdigit()
             and not _DATE_WORDS.match(p) and not _ROLE.match(p)]
    return "; ".join(names)


# HTML tags that reached the text as characters: a CMS that escaped its own markup twice
# ("&lt;p&gt;…" in the page) or a body kept in a <textarea>. The whitespace before a break is taken
# from the start of its run only: tried from every space of a long run, it cost quadratic time.
# Page structure spelt out too: an unclosed <textarea>, <xmp> or <plaintext> before the article turns
# the rest of the page into characters, "</form><article>" and "</footer></body></html>" included.
_BLOCK_TAGS = r"p|div|h[1-6]|li|blockquote|article|section|header|footer|nav|aside|main|form|table|tr|td|th"
_LITERAL_BREAK = re.compile(rf"(?:(?<!\s)\s++)?(?:</?(?:{_BLOCK_TAGS})(?:\s[^<>]{{0,300}})?>|<br\s*/?>)\s*", re.I)
_LITERAL_TAG = re.compile(rf"</?(?:{_BLOCK_TAGS}|br|span|strong|em|b|i|u|a|ul|ol|figure|img|body|html|head|tbody)"
                          r"(?:\s[^<>]{0,300})?/?>", re.I)


def strip_literal_markup(text: str) -> str:
    """Text without HTML tags written out as characters (only when there are several: an article
    quoting one tag keeps it); block ends become paragraph breaks."""
    if "<" not in text or len(_LITERAL_TAG.findall(text, 0, 20_000)) < 3:
        return text
    return _LITERAL_TAG.sub("", _LITERAL_BREAK.sub("\n", text))


def without_server_errors(lines: list[str]) -> list[str]:
    """The lines but the PHP errors and WordPress database errors a failing server printed among them,
    with the stack trace following a PHP error and the SQL query following a database error."""
    if not any(" on line " in line or ".php:" in line or line.startswith("WordPress") for line in lines):
        return lines
    kept: list[str] = []
    after: re.Pattern[str] | None = None  # what may follow the error just dropped
    for line in lines:
        if after is _PHP_TRACE and _PHP_THROWN.match(line):
            after = None
            continue
        if after is not None and after.match(line):
            after = _PHP_TRACE if after is _PHP_TRACE else None
            continue
        if _PHP_ERROR.match(line) and _PHP_ERROR_END.search(line, max(0, len(line) - 600)):
            after = _PHP_TRACE
        elif _WP_DB_ERROR.match(line):
            after = _SQL_LINE
        else:
            after = None
            kept.append(line)
    return kept


def clean_text(text: str, title: str = "") -> Cleaned:
    """Remove non-article lines from trafilatura text and rejoin hard-wrapped paragraph lines.

    "Source : X" credit lines are kept: they name the original outlet of syndicated copies.
    """
    lines = [" ".join(raw.split()) for raw in fix_apostrophes(strip_literal_markup(text)).split("\n")]
    lines = without_server_errors([line for line in lines if line])
    title_norm = _norm(title)
    author: str | None = None
    source: str | None = None
    kept: list[str] = []
    in_head = True
    skip_next = False
    for index, line in enumerate(lines):
        if skip_next:
            skip_next = False
            if len(line) < 150:
                continue
        if in_head and (index >= HEAD_LINES or len(line.split()) >= 30):
            in_head = False
        at_tail = index >= len(lines) - TAIL_LINES
        if index and _TAIL_HEADING.match(line) and (
                index >= len(lines) // 2 or all(len(rest.split()) < 25 for rest in lines[index + 1:])):
            break  # a related-articles block: only teaser titles follow
        if _is_share(line) or _AUDIO.search(line) or _COUNTER.match(line) and (in_head or not line.isdigit()):
            continue
        if _FOLLOW_US.match(line) or _LABEL_LINE.match(line):
            continue
        if _READ_ALSO.match(line) or _WEATHER.match(line):
            skip_next = line.rstrip(" :").casefold().endswith(("aussi", "également", "egalement"))
            continue
        if in_head or at_tail:
            if in_head and _is_title(line, title_norm):
                continue
            if in_head and (match := _ABAMAKO.match(line)):
                source = source or match.group(1).strip()
                continue
            if (name := byline_author(line)) or _NEWSROOM.match(line):
                author = author or name
                continue
            if _is_date_line(line) or at_tail and _RIGHTS.search(line) or _COOKIE_NOTICE.match(line):
                continue
        kept.append(line)
    return Cleaned(text="\n".join(_rejoin(kept)), author=author, source=source)


def _rejoin(lines: list[str]) -> list[str]:
    """Join a line to the previous one when the break is clearly inside a sentence."""
    out: list[str] = []
    for line in lines:
        if out and line[:1].islower() and not out[-1].endswith(_TERMINAL):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out
