"""Shared helpers for the test-web generator."""
import html, json, os, re, unicodedata
from datetime import datetime
from pathlib import Path

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

def e(s):
    # attribute-safe inside double quotes; apostrophes stay raw as on most real sites
    return html.escape(s, quote=False).replace('"', "&quot;")

def dt(iso):
    return datetime.fromisoformat(iso if "T" in iso else iso + "T00:00:00+00:00")

def fr_date(iso, weekday=False, cap=False):
    d = dt(iso)
    s = f"{d.day} {MONTHS[d.month-1]} {d.year}"
    if weekday:
        s = f"{DAYS[d.weekday()]} {s}"
    return s[0].upper() + s[1:] if cap else s

def rfc822(iso):
    d = dt(iso)
    return d.strftime("%a, %d %b %Y %H:%M:%S +0000")

def write(path: Path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")

def excerpt(a, n=32):
    words = a["paras"][0].split()
    return " ".join(words[:n]) + " […]"

def paras_html(paras, indent="    "):
    return "\n".join(f"{indent}<p>{e(p)}</p>" for p in paras)
