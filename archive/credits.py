"""Credit lines ("Source : L'Essor", "(AMAP)", "Avec AFP"): find them, map them to outlets, strip them."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from archive.neardup import fold

AGENCIES = {"afp": "AFP", "reuters": "Reuters", "ap": "AP", "apa": "APA", "aps": "APS", "anp": "ANP",
            "xinhua": "Xinhua", "map": "MAP", "amap": "AMAP", "aa": "AA", "pana": "PANA"}
BUILTIN_NAMES = {"amap": ["AMAP", "Agence malienne de presse", "Agence malienne de presse et de publicité"],
                 "essor": ["L'Essor", "Journal l'Essor", "Quotidien l'Essor"],
                 "studiotamani": ["Studio Tamani", "Tamani"]}
_ARTICLE = re.compile(r"^(?:l'|le |la |les |journal |quotidien |hebdomadaire |www\.)+")
_TLD = re.compile(r"\.(?:ml|com|net|org|info|fr)$")
_SOURCE = re.compile(r"^sources?\s*:\s*(?P<name>.+)$", re.I)
_AVEC = re.compile(r"^avec\s+(?P<name>.+?)\.?$", re.I)
_PAREN = re.compile(r"^\((?P<name>[^()]{2,40})\)\.?$")
_BYLINE = re.compile(r"^(?:par|by)\s+(?P<who>.+)$", re.I)
_HEADER = re.compile(r"^publi[ée] le\b.*\|\s*(?P<name>[^|]+)$", re.I)
# These run on every article's last lines, whatever their length: none may retry from inside a run
# of whitespace (`(?<!\s)`), and a name line's words must be split by whitespace. The former
# `(?:[A-Z][\w.-]*\.?\s*){1,4}$` tried every way of cutting one long capitalised word in four: a
# last line of 200 capitals took 2.4 s, of 1,000 hours (tests/test_regex_bounds.py).
_TAG_END = re.compile(r"(?<!\s)\s*\((?P<name>[A-Za-z][\w .'-]{1,24})\)\s*\.?$")
_DATELINE = re.compile(r"^[A-ZÀ-Ý][\w'’ -]{1,30},?\s+(?:le\s+)?(?:\d{1,2}(?:er)?\s+[\w.]+(?:\s+\d{4})?\s*)?"
                       r"\((?P<name>[^()]{2,24})\)\s*[-–—:]\s*")
_TEASER_END = re.compile(r"(?<!\s)\s*(?:\(…\)|\(\.\.\.\)|\[…\]|\[\.\.\.\]|lire la suite\s*(?:\.\.\.|…)?)\s*$", re.I)
_BOILER = re.compile(r"^(?:lire (?:la suite|aussi)|voir aussi|partager|partagez|articles? similaires|"
                     r"bo[iî]te de commentaires|voir toutes les publications|auteur/autrice|abonnez-vous|"
                     r"suivez-nous|commentaires?\b|\(…\)|\[…\]|…$|\.\.\.$)", re.I)
_NAME_LINE = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,3}\s*$")
_ISSUE = re.compile(r"(?<!\s)\s+(?:du|n°|no)\s*(?:(?:lun|mar|mercre|jeu|vendre|same)di\s+|dimanche\s+)?\d.*$", re.I)
_NAME_TAIL = re.compile(r"(?<!\s)\s*,\s*\d.*$|(?<!\s)\s+(?:du|n°|no|-|–)\s*\d.*$|(?<![\s.,;:!])[\s.,;:!]+$", re.I)


def compact(name: str) -> str:
    """Comparable form of an outlet name: folded, no article, no TLD, letters and digits only."""
    n = _TLD.sub("", _ARTICLE.sub("", fold(name).strip().strip("«»\"“” ")))
    return re.sub(r"[^a-z0-9]", "", n)


def clean_name(raw: str) -> str:
    """A credit as written, without quotes, issue numbers or dates ("L'Essor du 12 juin" -> "L'Essor")."""
    name = raw.strip().strip("«»\"“” ")
    name = _ISSUE.sub("", name)
    return _NAME_TAIL.sub("", name).strip().strip("«»\"“” ")


def site_names(sites: Mapping[str, object]) -> dict[str, list[str]]:
    """Names by which each registry site is credited: key, display name (and its parts), host labels."""
    out: dict[str, list[str]] = {}
    for key, site in sites.items():
        name = str(getattr(site, "name", "") or key)
        names = [key, name, *re.split(r"\s+[-–]\s+|\s*\(", name)]
        for host in getattr(site, "hosts", ()) or ():
            labels = host.split(":")[0].split(".")
            names.append(labels[-2] if len(labels) >= 2 else labels[0])
        out[key] = names + BUILTIN_NAMES.get(key, [])
    return out


def registry_names() -> dict[str, list[str]]:
    """Credit names of the bundled site registry (empty if it cannot be read)."""
    try:
        from crawler.sites import load_sites

        return site_names(load_sites())
    except Exception:  # a broken registry must not stop the archive from saving articles
        return {}


def site_display_names() -> dict[str, str]:
    """Display names of the bundled registry's sites by key ("maliweb" -> "Maliweb"); {} if unreadable."""
    try:
        from crawler.sites import load_sites

        return {key: site.name for key, site in load_sites().items()}
    except Exception:  # names are cosmetic: fall back to keys
        return {}


class CreditMatcher:
    """Maps a credited name to a site key: outlets present in the archive first, then the registry.

    `names` are the registry's (key -> names); `present` keys are sites with articles in the
    archive, each known by its key, its registry names and any names learned from its pages.
    """

    def __init__(self, names: Mapping[str, Iterable[str]], present: Iterable[str] = ()) -> None:
        self._names = {key: list(values) for key, values in names.items()}
        self._registry: dict[str, str] = {}
        for key in sorted(self._names):
            for name in self._names[key]:
                self._registry.setdefault(compact(name), key)
        self._registry.pop("", None)
        self._present: dict[str, str] = {}
        self._add_present(present)

    def _add_present(self, keys: Iterable[str], names: Iterable[str] = ()) -> None:
        for key in sorted(keys):
            for name in [key, *self._names.get(key, ()), *names]:
                if compact(name):
                    self._present.setdefault(compact(name), key)

    def with_keys(self, keys: Iterable[str], names: Iterable[str] = ()) -> CreditMatcher:
        """A matcher that also knows these present site keys (and, for one key, extra `names`)."""
        clone = CreditMatcher({})
        clone._names, clone._registry, clone._present = self._names, self._registry, dict(self._present)
        clone._add_present(keys, names)
        return clone

    def resolve(self, credit: str | None) -> str | None:
        """The site key credited by `credit`, or None when no known outlet matches."""
        if not credit:
            return None
        c = compact(credit)
        return self._present.get(c) or self._registry.get(c)

    def credited_source(self, credit: str | None) -> str | None:
        """What to store in `articles.credited_source`: a site key, an agency, or the name as written."""
        if not credit:
            return None
        return self.resolve(credit) or AGENCIES.get(compact(credit)) or credit

    def is_outlet(self, name: str) -> bool:
        """True for a known outlet or news agency."""
        return self.resolve(name) is not None or compact(name) in AGENCIES


@dataclass(frozen=True)
class Credit:
    """A credit found in a body: the name as written and how it was found."""

    name: str
    how: str  # source-line | avec-line | agency-tag | byline | bare-name | header | dateline


def scan(text: str, matcher: CreditMatcher) -> tuple[Credit | None, str]:
    """Find the credit of a body and return it with the body stripped of credit, byline and teaser lines."""
    lines = [ln.strip() for ln in (text or "").split("\n") if ln.strip()]
    lines = [ln for ln in lines if not ln.lower().startswith(("lire aussi", "voir aussi"))]
    tail: list[Credit] = []
    while lines and len(lines[-1].split()) <= 12 and len(tail) < 4:
        found = _tail_line(lines[-1], matcher)
        if found is None:
            break
        if found.name:
            tail.append(found)
        lines.pop()
    if not any(c.how in ("source-line", "avec-line") for c in tail):
        tail += _credit_above_leftovers(lines, matcher)
    head: list[Credit] = []
    while lines and len(lines[0].split()) <= 14:
        found = _head_line(lines[0], matcher)
        if found is None:
            break
        if found.name:
            head.append(found)
        lines.pop(0)
    if lines:
        m = _DATELINE.match(lines[0])
        if m and matcher.is_outlet(m["name"]):
            head.append(Credit(clean_name(m["name"]), "dateline"))
            lines[0] = lines[0][m.end():]
        lines[-1] = _TEASER_END.sub("", lines[-1])
        m = _TAG_END.search(lines[-1])
        if m and matcher.is_outlet(m["name"]):
            tail.append(Credit(clean_name(m["name"]), "agency-tag"))
            lines[-1] = lines[-1][:m.start()]
    credits = [c for c in tail if c.how in ("source-line", "avec-line")] + tail + head
    return (credits[0] if credits else None), "\n".join(ln for ln in lines if ln)


def _credit_above_leftovers(lines: list[str], matcher: CreditMatcher, reach: int = 3) -> list[Credit]:
    """A "Source : X" / "Avec X" line followed only by a few short unrecognised lines (a sidebar
    sentence or a widget label the extractor kept): take the credit, drop it and what follows."""
    for k in range(2, min(reach, len(lines) - 1) + 1):
        if len(lines[-k + 1].split()) > 12:
            return []
        m = _SOURCE.match(lines[-k]) or _AVEC.match(lines[-k])
        name = clean_name(m["name"]) if m else ""
        if m and len(name.split()) <= 6 and (m.re is _SOURCE or matcher.is_outlet(name)):
            del lines[-k:]
            return [Credit(name, "source-line" if m.re is _SOURCE else "avec-line")]
    return []


def _tail_line(line: str, matcher: CreditMatcher) -> Credit | None:
    """Classify a short last line: a Credit (name may be empty for plain bylines/boilerplate) or None."""
    for pattern, how in ((_SOURCE, "source-line"), (_AVEC, "avec-line"), (_PAREN, "agency-tag")):
        m = pattern.match(line)
        if m and (how == "source-line" or matcher.is_outlet(clean_name(m["name"]))):
            name = clean_name(m["name"])
            return Credit(name, how) if len(name.split()) <= 6 else Credit("", "noise")
    m = _BYLINE.match(line)
    if m and len(line.split()) <= 9:
        parts = re.split(r"\s*[,/|–—-]\s+|\s+[-–—]\s*", m["who"])
        outlet = next((p for p in reversed(parts[1:]) if matcher.is_outlet(clean_name(p))), None)
        return Credit(clean_name(outlet), "byline") if outlet else Credit("", "byline")
    if _BOILER.match(line) or _TEASER_END.fullmatch(line):
        return Credit("", "boilerplate")
    if matcher.is_outlet(clean_name(line)):
        return Credit(clean_name(line), "bare-name")
    if _NAME_LINE.match(line) and 2 <= len(line.split()) <= 4 and not line.endswith((".", "!", "?")):
        return Credit("", "signature")
    return None


def _head_line(line: str, matcher: CreditMatcher) -> Credit | None:
    """Classify a short first line (aBamako header, Malijet source card, byline) or None."""
    m = _HEADER.match(line)
    if m:
        return Credit(clean_name(m["name"]), "header")
    if len(line.split()) > 6:
        return None
    if matcher.is_outlet(clean_name(line)):
        return Credit(clean_name(line), "bare-name")
    if _BYLINE.match(line):
        return Credit("", "byline")
    return None
