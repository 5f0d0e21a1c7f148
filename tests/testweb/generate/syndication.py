"""The syndication web: five sites (two outlets that write, two aggregators, one weekly that does both)
republishing each other's stories with the edits aggregators make, plus near misses that must stay apart.

build(HARD) writes tests/testweb/sites/{quotidien,tamani,revue,portail,hebdo}/ (files, expected.json,
SITE.md) and tests/testweb/syndication.json (the expected stories: every copy's URL and the original).
"""
import hashlib, json, re
from pathlib import Path
from common import write, dt
import synsites
from syn_texts import S as CHAIN_TEXTS
from syn_nearmiss import S as NEAR_TEXTS

TEXTS = {**CHAIN_TEXTS, **NEAR_TEXTS}
SITES = ["quotidien", "tamani", "revue", "portail", "hebdo"]


def c(site, published, **edits):
    """One copy of a story on `site`, published at `published` (Bamako time), with `edits` applied:
    title (a new title), prefix (before the title), src (copy another copy's text, not the first
    publisher's), replace [(old, new)], lead (a rewritten first sentence), drop [paragraph index],
    add [(index, paragraph)], truncate (words kept, then " (…)"), prepend / append [lines]."""
    return dict(site=site, published=published + ":00+00:00", **edits)


# story -> (expected original site, its copies after the first publication). Near-miss groups below.
COPIES = {
    "kabala": ("quotidien", [
        c("revue", "2025-06-02T15:40", prefix="Mali : ", append=["Mariam COULIBALY", "Source : L'Essor"]),
        c("portail", "2025-06-03T08:15", prepend=["L'Essor"], replace=[("raccordées", "racordées"), ("subventionnés", "subventionés")]),
        c("hebdo", "2025-06-03T17:00", drop=[5]),                                       # credit removed, a paragraph trimmed
    ]),
    "meteo": ("quotidien", [
        c("revue", "2025-06-05T11:00", append=["Oumar DIAKITÉ", "Source : L'Essor"], add=[(6, (
            "Pour rappel, l'hivernage dernier avait été marqué par des pluies exceptionnelles, qui avaient provoqué "
            "l'effondrement de nombreuses habitations et retardé de plusieurs semaines la rentrée scolaire dans "
            "certaines localités du pays."))]),
        c("portail", "2025-06-05T16:30", title="Saison des pluies : Mali-Météo prévoit un hivernage normal à excédentaire",
          lead="Mali-Météo a présenté ce mercredi, au cours d'une conférence de presse à Bamako, ses prévisions pour la saison des pluies qui s'annonce.",
          append=["Source : L'Essor"]),
        c("hebdo", "2025-06-06T09:00", src="revue", append=["Source : MaliRelais"]),   # a copy of a copy
    ]),
    "siama": ("quotidien", [                           # the aggregator's copy is older than L'Essor's own web page
        c("revue", "2025-06-07T09:30", prefix="Mali : ", append=["Source : L'Essor"]),
        c("portail", "2025-06-08T10:00", drop=[4], append=["Aminata DEMBÉLÉ", "L'Essor"]),
    ]),
    "karite": ("revue", [                              # AMAP is not on this web: the earliest copy is the original
        c("quotidien", "2025-06-09T10:00"),
        c("portail", "2025-06-10T09:00", title="Kita : une usine de beurre de karité pour 4 200 productrices",
          replace=[("Kita, 7 juin (AMAP) – Une", "Une")], drop=[5], append=["(AMAP)"]),
    ]),
    "bourgou": ("tamani", [
        c("revue", "2025-06-11T09:00", prefix="Mali : ", append=["Source : Studio Tamani"]),
        c("portail", "2025-06-11T12:00", replace=[("transhumance", "transhumence"), ("intercommunautaires", "inter-communautaires")],
          append=["Studio Tamani"]),
        c("hebdo", "2025-06-11T18:00", drop=[4], append=["Avec Studio Tamani"]),
    ]),
    "solaire": ("tamani", [
        c("revue", "2025-06-12T16:00", lead=("Quarante jeunes de la Cité des 333 saints ont achevé ce mercredi une formation "
                                             "en installation et en maintenance de systèmes solaires photovoltaïques."),
          append=["Source : Studio Tamani"]),
        c("portail", "2025-06-13T08:00", prefix="Mali : ", prepend=["Studio Tamani"]),
    ]),
    "mil": ("tamani", [                                # the original's typos fixed by two copies
        c("revue", "2025-06-14T13:00", replace=[("commerçans", "commerçants"), ("hebdomadaires", "hebdomadaire"),
                                                ("approvisionement", "approvisionnement")], append=["Source : Studio Tamani"]),
        c("hebdo", "2025-06-15T09:00", replace=[("commerçans", "commerçants"), ("hebdomadaires", "hebdomadaire"),
                                                ("approvisionement", "approvisionnement")],
          add=[(3, "Dans la région de Ségou voisine, les prix des céréales sèches ont également progressé sur la même "
                   "période, selon le système d'information sur les marchés agricoles, qui relève toutefois une légère "
                   "détente sur le marché de Niono.")], append=["Avec Studio Tamani"]),
        c("portail", "2025-06-15T11:00", prefix="Mali : "),
    ]),
    "forage": ("tamani", [
        c("revue", "2025-06-17T14:00", add=[(3, "Lire aussi : Mopti : les éleveurs peinent à accéder aux bourgoutières")],
          append=["Source : Studio Tamani"]),
        c("portail", "2025-06-18T08:00", truncate=215, append=["Studio Tamani"]),     # a teaser
        c("hebdo", "2025-06-18T12:00", drop=[5], append=["Avec Studio Tamani"]),
    ]),
    "dibida": ("hebdo", [
        c("revue", "2025-06-16T19:00", prefix="Mali : ", append=["Moussa KEÏTA", "Source : Le Flambeau"]),
        c("portail", "2025-06-17T08:00", lead=("Journée morte ce lundi au marché Dibida de Bamako, où les commerçants ont gardé "
                                               "leurs boutiques fermées pour protester contre la hausse des taxes municipales."),
          append=["Le Flambeau"]),
    ]),
    "or": ("hebdo", [                                  # an AFP dispatch: the earliest copy is the original
        c("revue", "2025-06-18T15:00", title="Mali : les recettes minières en forte hausse au premier trimestre grâce à l'or"),
        c("portail", "2025-06-19T09:30", drop=[5, 6]),                                 # « Avec AFP » removed
    ]),
    "djoliba": ("portail", [                           # Le Challenger is not on this web
        c("revue", "2025-06-19T11:00", prefix="Mali : ", replace=[("dauphin", "dophin"), ("consécration", "consécrations")]),
        c("hebdo", "2025-06-19T17:00", drop=[6], add=[(6, (
            "Le Djoliba retrouvera son public dimanche pour la remise officielle du trophée, en présence des responsables "
            "de la Ligue de football du district de Bamako et de nombreux anciens joueurs du club."))]),
    ]),
    "comanav": ("quotidien", [
        c("revue", "2025-06-19T12:00", drop=[3], append=["Sidiki DOUMBIA", "Source : L'Essor"]),
        c("portail", "2025-06-20T08:00", prefix="Mali : ", prepend=["L'Essor"]),
        c("hebdo", "2025-06-27T10:00", replace=[("chantier naval", "chantier navale"), ("préoccupation", "préocupation")],
          append=["Source : L'Essor"]),
    ]),
    # -- near misses: each its own story (some with copies of their own)
    "conseil-0604": ("revue", [
        c("quotidien", "2025-06-05T07:30", drop=[-1]),
        c("portail", "2025-06-05T09:00", prefix="Mali : ", drop=[6, -1]),
    ]),
    "conseil-0611": ("quotidien", [
        c("revue", "2025-06-12T08:00", append=["Source : L'Essor"]),
        c("portail", "2025-06-12T10:00", prefix="Mali : ", drop=[6]),
    ]),
    "fama-0609": ("tamani", [
        c("revue", "2025-06-09T21:00", prefix="Mali : ", append=["Source : DIRPA"]),
        c("portail", "2025-06-10T08:00"),
    ]),
    "fama-0616": ("tamani", [c("portail", "2025-06-17T08:00", prefix="Mali : ")]),
    "fama-0616-mopti": ("quotidien", []),
    "reboisement-essor": ("quotidien", [c("revue", "2025-06-22T13:00", append=["Hawa SANGARÉ", "Source : L'Essor"])]),
    "reboisement-tamani": ("tamani", [c("portail", "2025-06-22T09:00", append=["Studio Tamani"])]),
    "reboisement-flambeau": ("hebdo", []),
    "breve-inondations": ("tamani", [c("hebdo", "2025-06-10T16:00", append=["Avec Studio Tamani"])]),
    "breve-vaccination": ("tamani", [c("portail", "2025-06-13T15:00", append=["Studio Tamani"])]),
    "breve-kits": ("tamani", []),
}
NEAR_MISSES = {  # groups whose stories must all differ
    "conseil des ministres, two weeks": ["conseil-0604", "conseil-0611"],
    "army bulletins, one template (two the same day)": ["fama-0609", "fama-0616", "fama-0616-mopti"],
    "one event, three outlets' own reports": ["reboisement-essor", "reboisement-tamani", "reboisement-flambeau"],
    "brèves with the same opening words": ["breve-inondations", "breve-vaccination", "breve-kits"],
}
_FIRST = re.compile(r"^(.+?[.!?])\s+(?=[«A-ZÀ-Ý])")


def _apply(paras, spec):
    """A copy's paragraphs: the edits of `spec` applied, in a fixed order."""
    out = list(paras)
    for old, new in spec.get("replace", []):
        assert any(old in p for p in out), (old, spec)
        out = [p.replace(old, new) for p in out]
    if "lead" in spec:
        m = _FIRST.match(out[0])
        out[0] = spec["lead"] + " " + out[0][m.end():] if m else spec["lead"]
    n = len(out)
    for i in sorted({i % n for i in spec.get("drop", [])}, reverse=True):
        del out[i]
    for i, text in spec.get("add", []):
        out.insert(i, text)
    if "truncate" in spec:
        kept, left = [], spec["truncate"]
        for p in out:
            words = p.split()
            if len(words) >= left:
                kept.append(" ".join(words[:left]).rstrip(",;:") + " (…)")
                break
            kept.append(p)
            left -= len(words)
        out = kept
    return spec.get("prepend", []) + out + spec.get("append", [])


def describe(spec, base_site):
    """The edits of a copy, in words (for SITE.md)."""
    out = [f"copy of {base_site}'s copy"] if "src" in spec else []
    if "title" in spec:
        out.append("new title")
    if "prefix" in spec:
        out.append(f"title prefix « {spec['prefix'].strip()} »")
    if spec.get("replace"):
        out.append("words changed: " + ", ".join(f"{o} → {n or '∅'}" for o, n in spec["replace"]))
    if "lead" in spec:
        out.append("first sentence rewritten")
    if spec.get("drop"):
        out.append("paragraph(s) " + ", ".join(str(i) for i in spec["drop"]) + " removed")
    if spec.get("add"):
        out.append("paragraph added")
    if "truncate" in spec:
        out.append(f"teaser: first {spec['truncate']} words + (…)")
    out += [f"« {x} » first" for x in spec.get("prepend", [])] + [f"« {x} » last" for x in spec.get("append", [])]
    return "; ".join(out) or "verbatim"


def site_md(site, arts):
    rows = "\n".join(f"| `{a['path']}` | {a['published'][:16].replace('T', ' ')} | {a['story']} | {a['edits']} |"
                      for a in sorted(arts, key=lambda a: a["published"]))
    return (f"{synsites.SITE_INTRO[site]}\n\n| path | published (UTC) | story | text |\n|---|---|---|---|\n{rows}\n\n"
            "Generated by `tests/testweb/generate/syndication.py` (do not edit by hand). The expected stories of all five "
            "syndication sites are `tests/testweb/syndication.json`; `tests/test_syndication_web.py` checks them.\n")


def slugify(s, words=9):
    import unicodedata
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return "-".join(re.sub(r"[^a-z0-9]+", " ", s).split()[:words])


def _path(site, key, title, published, n):
    slug = slugify(re.sub(r"^Mali : ", "", title))
    d = dt(published)
    if site == "quotidien":  # L'Essor-like: PHP uniqid() suffix, whose first 8 hex digits are the Unix time
        return f"/posts/{slug}-{int(d.timestamp()):08x}{int(hashlib.sha1(key.encode()).hexdigest()[:5], 16):05x}"
    if site == "tamani":
        return f"/{'flash-info' if TEXTS[key].get('breve') else 'actualites'}/{7400 + n}-{slug}/"
    if site == "revue":
        return f"/{slugify(TEXTS[key]['section'], 1)}/{slug}-{3102000 + 37 * n}.html"
    if site == "portail":
        return f"/h/{302100 + 13 * n}.html"
    return f"/actualite/{d:%Y/%m/%d}/{slug}.html"


def articles():
    """Every page of the syndication web: dicts with site, story, path, title, author, published, section, paras."""
    out = []
    for key, (original, copies) in COPIES.items():
        t = TEXTS[key]
        first = dict(site=t["site"], story=key, title=t["title"], author=t["author"], published=t["published"],
                     section=t["section"], paras=list(t["paras"]), breve=t.get("breve", False), lines=set(),
                     edits="first publication" + (f" (ends « {t['paras'][-1]} »)" if len(t["paras"][-1].split()) < 6 else ""))
        made = {t["site"]: first}
        out.append(first)
        for spec in copies:
            base = made[spec.get("src", t["site"])]
            src = [p for p in base["paras"] if p not in base["lines"]] if "src" in spec else base["paras"]
            paras = _apply(src, spec)
            title = spec.get("title") or spec.get("prefix", "") + t["title"]
            art = dict(site=spec["site"], story=key, title=title, author=None, published=spec["published"], section=t["section"],
                       paras=paras, breve=first["breve"], lines=set(spec.get("prepend", []) + spec.get("append", [])),
                       edits=describe(spec, base["site"]))
            made[spec["site"]] = art
            out.append(art)
    for site in SITES:  # ids and paths in publication order per site
        mine = sorted((a for a in out if a["site"] == site), key=lambda a: a["published"])
        for n, a in enumerate(mine):
            a["path"] = _path(site, a["story"], a["title"], a["published"], n)
    return out


def _snippet(p, start, n):
    w = p.split()
    start = min(start, max(len(w) - n, 0))
    return " ".join(w[start:start + n]).rstrip(".,;:")


def expected_record(a):
    body = [p for p in a["paras"] if p not in a["lines"] and len(p.split()) > 12]
    contains = [_snippet(body[min(1, len(body) - 1)], 3, 9), _snippet(body[-1], 0, 8)]
    rec = {"key": a["story"], "url": "{BASE}" + a["path"], "title": a["title"], "author": a["author"],
           "published": a["published"], "text_contains": contains,
           "text_excludes": synsites.CHROME[a["site"]] + synsites.comments_of(a)}
    words = sum(len(p.split()) for p in a["paras"])
    if words < 230:  # brèves and bulletins are short by nature
        rec["min_words"] = max(30, int(words * 0.8))
    return rec


def build(hard: Path):
    arts = articles()
    for site in SITES:
        mine = [a for a in arts if a["site"] == site]
        synsites.build_site(site, hard / site, mine)
        write(hard / site / "SITE.md", site_md(site, mine))
        pages = synsites.NOT_ARTICLES[site]
        write(hard / site / "expected.json", json.dumps({
            "articles": [expected_record(a) for a in sorted(mine, key=lambda a: a["published"])],
            "not_articles": ["{BASE}" + p for p in pages],
            "disallowed": synsites.DISALLOWED[site],
            "v2": {"new": [], "changed": [], "changed_text_contains": {}},
        }, ensure_ascii=False, indent=2) + "\n")
    stories = []
    for key, (original, copies) in COPIES.items():
        members = [a for a in arts if a["story"] == key]
        group = next((g for g, keys in NEAR_MISSES.items() if key in keys), None)
        stories.append({"story": key, "original": original, "near_miss_group": group,
                        "copies": [{"site": a["site"], "path": a["path"], "published": a["published"], "title": a["title"]}
                                   for a in sorted(members, key=lambda a: a["published"])]})
    write(hard.parent / "syndication.json", json.dumps({
        "about": "Expected stories of the syndication sites of the loopback test web (generated by "
                 "tests/testweb/generate/syndication.py): each story's copies (site + path under that site's base URL) "
                 "and the site of its expected original; near-miss groups must each be several stories.",
        "sites": SITES, "near_miss_groups": NEAR_MISSES, "stories": stories,
    }, ensure_ascii=False, indent=2) + "\n")
