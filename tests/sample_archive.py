"""A small archive with known content (built through the Archive API) for serve/stats/export tests."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from archive.store import Archive

GOITA_TITLE = "Le président Assimi Goïta reçoit les chefs traditionnels"
GOITA_PARAGRAPHS = [
    "Le président de la Transition, le général Assimi Goïta, a reçu ce lundi à Koulouba les chefs traditionnels de Bamako.",
    "Les échanges ont porté sur la cohésion sociale et la préparation de l'hivernage.",
    "Les chefs ont salué « une rencontre franche » & promis leur soutien <au processus>.",
]
HOSTILE_TITLE = "Un titre <script>alert('x')</script> piégé"


def article_item(site: str, slug: str, title: str, paragraphs: list[str], *, published: str | None,
                 author: str | None = "Awa Diallo", section: str | None = "Politique",
                 tags: list[str] | None = None, fetched_at: str = "2025-06-23T08:00:00+00:00") -> dict[str, Any]:
    """One item in the `Archive.save_batch` shape, with an HTML body built from the paragraphs."""
    text = "\n".join(paragraphs)
    url = f"https://{site}.example.ml/{slug}/"
    body = "<html><head><title>{}</title></head><body><article><h1>{}</h1>{}</article></body></html>".format(
        title, title, "".join(f"<p>{p}</p>" for p in paragraphs))
    return {
        "site": site, "url": url, "requested_url": url, "final_url": url, "status": 200,
        "headers": {"Content-Type": "text/html; charset=utf-8"}, "content_type": "text/html; charset=utf-8",
        "fetched_at": fetched_at, "body": body.encode(), "discovered_via": "sitemap", "source_modified": published,
        "article": {"title": title, "author": author, "published": published, "modified": None,
                    "section": section, "tags": tags or [], "description": None, "image": None,
                    "language": "fr", "text": text, "word_count": len(text.split()),
                    "content_hash": hashlib.sha256(text.encode()).hexdigest(), "date_source": "json-ld"},
    }


def sample_items() -> list[dict[str, Any]]:
    """The sample articles: a Goïta story copied by two aggregators, filler across months and outlets."""
    items = [
        article_item("essor", "goita-chefs-traditionnels", GOITA_TITLE, GOITA_PARAGRAPHS,
                     published="2025-06-22T10:00:00+00:00", tags=["Transition", "Koulouba"]),
        article_item("maliweb", "goita-chefs", GOITA_TITLE, GOITA_PARAGRAPHS + ["Source : L'Essor"],
                     published="2025-06-22T15:00:00+00:00", author=None, section="Actualité"),
        article_item("malijet", "goita-recoit", "Mali : " + GOITA_TITLE, GOITA_PARAGRAPHS,
                     published="2025-06-23T09:00:00+00:00", author=None, section=None),
        article_item("essor", "coton-campagne", "La campagne cotonnière démarre à Koutiala",
                     ["La CMDT annonce une campagne record.", "Les producteurs attendent les intrants."],
                     published="2025-05-10", section="Économie"),
        article_item("studiotamani", "pluies-mopti", "Fortes pluies à Mopti",
                     ["Des pluies diluviennes ont touché Mopti.", "Plusieurs maisons se sont effondrées."],
                     published="2025-03-02T08:00:00+00:00", author="Moussa Koné", section="Société", tags=["Mopti"]),
        article_item("studiotamani", "examens", "Les examens du DEF reportés",
                     ["Le ministère reporte les examens du DEF.", "Les syndicats d'enseignants sont en grève."],
                     published="2025-01-15T12:00:00+00:00", author="Moussa Koné", section="Éducation"),
        article_item("maliweb", "piege", HOSTILE_TITLE,
                     ["<img src=x onerror=alert(1)> n'est pas du HTML ici.", "Deuxième paragraphe."],
                     published="2024-11-30T07:00:00+00:00", section="Société"),
        article_item("malijet", "sans-date", "Un article sans date",
                     ["Le texte ne donne aucune date.", "Ni l'URL."], published=None, author=None, section=None),
    ]
    return items


def build_sample_archive(path: str | Path) -> dict[str, int]:
    """Create the sample archive at `path`; return {url slug: article id}. Also records one edit and a crawl run."""
    archive = Archive.open(path)
    try:
        items = sample_items()
        results = archive.save_batch(items)
        ids = {item["url"].rstrip("/").rsplit("/", 1)[1]: r.article_id for item, r in zip(items, results)}
        # an edit: the coton article's text changed at the next crawl
        edited = article_item("essor", "coton-campagne", "La campagne cotonnière démarre à Koutiala",
                              ["La CMDT annonce une campagne historique.", "Les producteurs attendent les intrants."],
                              published="2025-05-10", section="Économie", fetched_at="2025-06-24T08:00:00+00:00")
        archive.save_batch([edited])
        # a deletion: a later crawl found one article's page gone (the archive keeps the article)
        deleted = next(item for item in items if item["url"].rstrip("/").endswith("/goita-recoit"))
        archive.save_batch([{"site": deleted["site"], "url": deleted["url"], "gone": "http_404",
                             "fetched_at": "2025-06-26T08:00:00+00:00"}])
        # one story, three copies (the stories engineer's dedupe does this for real crawls)
        story = archive.db.execute("SELECT story_id FROM articles WHERE id = ?", [ids["goita-chefs-traditionnels"]]).fetchone()[0]
        with archive.db.atomic():
            for slug in ("goita-chefs", "goita-recoit"):
                archive.db.execute("UPDATE articles SET story_id = ? WHERE id = ?", [story, ids[slug]])
            archive.db.execute("UPDATE stories SET n_articles = 3, n_sites = 3 WHERE id = ?", [story])
        run = archive.start_run(["essor", "maliweb", "malijet", "studiotamani"])
        per_site = {s: {"pages": 3, "errors": 1 if s == "malijet" else 0} for s in ("essor", "maliweb", "malijet", "studiotamani")}
        archive.finish_run(run, "finished", "finished", {"pages": 12, "errors": 1, "per_site": per_site})
        return ids
    finally:
        archive.close()


def jsonl(text: str) -> list[dict[str, Any]]:
    """Parse JSON Lines output."""
    return [json.loads(line) for line in text.splitlines() if line.strip()]
