"""The registry against ../shared/outlets.md: every outlet present, SEEN article URLs kept, SEEN traps refused."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from crawler.links import ARTICLE, classify_link
from crawler.registry_table import markdown_table
from crawler.sites import KINDS, load_sites

SHARED = Path(__file__).resolve().parents[2] / "shared" / "outlets.toml"
SITES = load_sites()

# URLs quoted in outlets.md as SEEN: (site, url, is an article?)
SEEN = [
    ("maliweb", "https://maliweb.net/pressejournalisme/sahelien-com-premiere-web-tele-dinformation-au-sahel-579162.html", True),
    ("maliweb", "http://www.maliweb.net/economie/transport/contrat-de-concession-entre-transrail-letat-malien-marche-de-dupes-2281222.html", True),
    ("maliweb", "https://www.maliweb.net/politique/declaration-politique-generale-du-gouvernement-devant-n-test-grandeur-nature-mara-268632.html/attachment/mara-6?page=10", False),
    ("maliweb", "https://maliweb.net/author/InfoMatin/page/9?doing_wp_cron=1732754123.4567", False),
    ("maliweb", "https://maliweb.net/category/editorial/page/10", False),
    ("malijet", "http://malijet.com/actualte_dans_les_regions_du_mali/rebellion_au_nord_du_mali/44319-mali-le-mnla-et-ansar-dine-signent-un-protocole-d-accord-aux-con.html", True),
    ("malijet", "https://malijet.com/la_societe_malienne_aujourdhui/actualite_de_la_nation_malienne/230622-dialogue-national-sur-fond-de-desaccords.html", True),
    ("malijet", "http://malijet.com/actualite-politique-au-mali/editorial-journaux-mali/265485-edito-le-pragmatisme-russe-aux-antipodes-des-th%C3%A9ories-fran%C3%A7aises.html", True),
    ("malijet", "https://malijet.com/a_la_une_du_mali/?page=2", False),
    ("abamako", "http://news.abamako.com/h/259882.html", True),
    ("abamako", "http://news.abamako.com/h/184031.html", True),
    ("bamada", "https://bamada.net/mali-des-militaires-nommes-aux-postes-strategiques", True),
    ("bamada", "http://bamada.net/yorosso-des-paysans-de-mahou-sommes-de-quitter-leurs-hameaux", True),
    ("maliactu", "https://maliactu.net/mali-ibk-moussa-mara-la-guerre-est-declaree", True),
    ("maliactu", "https://maliactu.net/oncle-maternel-un-confident-et-un-complice/", True),
    ("maliactu", "https://maliactu.net/?p=83636", True),
    ("maliactu", "https://maliactu.net/breves-du-mali/page/647/?amp=1", False),
    ("maliactu", "https://maliactu.net/author/adama/page/40/?amp=1", False),
    ("maliactu", "https://maliactu.net/les-radios-et-la-crise-frappees-au-portefeuille-mais-pas-plus-sages/animateur-radio", False),
    ("maliactu", "https://maliactu.net/mali-ibk-moussa-mara-la-guerre-est-declaree/amp", False),
    ("essor", "https://lessor.ml/posts/presse-classique-loriginalite-toujours-au-rendez-vous-681862dd276fa", True),
    ("essor", "https://journalessor.ml/posts/editorial-aujourdhui-le-n20500-de-lessor-68ff3bd69b349", True),
    ("essor", "https://www.lessor.ml/posts/rentree-radiophonique-et-televisuelle-de-lortm-de-grandes-innovations-pour-2023-63fdaf7e4d0fc", True),
    ("amap", "https://amap.ml/?p=33143", True),
    ("studiotamani", "https://www.studiotamani.org/98872-le-magazine-du-21-septembre-c-est-parti-pour-le-tamani-d-or-10eme-edition", True),
    ("studiotamani", "https://studiotamani.org/index.php/magazines/27772-8ans-de-studio-tamani-le-plus-grand-defi-aujourd-hui-demeure-la-perennisation", True),
    ("studiotamani", "https://www.studiotamani.org/?p=198418", True),
    ("studiotamani", "https://studiotamani.org/grands-dialogues/page/27", False),
    ("journaldumali", "https://www.journaldumali.com/2021/07/02/cote-divoire-creation-dune-force-de-repression-de-lorpaillage-illegal/", True),
    ("journaldumali", "https://www.journaldumali.com/tag/mopti/", False),
    ("sahelien", "https://sahelien.com/le-mali-celebre-les-61-ans-de-son-independance", True),
    ("sahelien", "https://sahelien.com/en/endsars-is-a-rare-moment-of-class-solidarity-in-nigeria/", True),
    ("sahelien", "https://sahelien.com/author/almaimoune/page/191", False),
    ("saheltribune", "https://saheltribune.com/blog/page/263", False),
    ("benbere", "https://benbere.org/terre-dopportunites/benbere-lien-maliens-unit/", True),
    ("benbere", "https://benbere.org/auteur/mohamedgakou/", False),
    ("benbere", "https://benbere.org/tag/vivre-ensemble/page/16", False),
    ("benbere", "https://benbere.org/page/117/?s=Bamako", False),
    ("mali24", "https://mali24.info/mali-433-700-tonnes-de-coton-produites-le-prix-du-kilo-du-coton-graine-maintenu-a-300-f-cfa/", True),
    ("niarela", "https://niarela.net/economie/ministere-des-transports-me-baber-gano-devoile-sa-strategie", True),
    ("lebamakoi", "https://lebamakoi.com/centre-du-mali-linsecurite-persiste-la-famine-guette", True),
    ("lebamakoi", "https://lebamakoi.com/?p=154720", True),
    ("maliweborg", "http://mali-web.org/politique/gestion-a-la-tete-du-pays-ibk-le-soldat-du-developpement", True),
    ("malibook", "https://malibook.net/2020/12/18/medias-ortm-et-rti-main-dans-la-main", True),
    ("koulouba", "http://koulouba.com/societe/rencontre-sous-regionale-des-blogueurs-africains-au-mali-la-plateforme-benbere-complimentee-pour-ses-resultats-de-200-articles-et-48918-abonnes-en-seulement-3-mois", True),
    ("icimali", "https://icimali.com/tag/le-bout-du-tunnel/", False),
    ("diarrah", "https://diarrah.org/author/sega/page/4/", False),
]


def test_every_shared_outlet_is_registered_with_its_facts() -> None:
    if not SHARED.is_file():
        pytest.skip(f"{SHARED} not present in this checkout")
    shared = tomllib.loads(SHARED.read_text(encoding="utf-8"))["sites"]
    assert set(shared) <= set(SITES), f"missing outlets: {sorted(set(shared) - set(SITES))}"
    for key, table in shared.items():
        site = SITES[key]
        assert (site.url, site.kind, site.language) == (table["url"], table.get("kind"), table.get("language")), key
        assert set(table.get("feeds", [])) <= set(site.feeds), key
        assert site.article_pattern == table.get("article_pattern"), key


def test_every_outlet_has_name_kind_language() -> None:
    for site in SITES.values():
        assert site.name != site.key and site.kind in KINDS and site.language == "fr", site.key


@pytest.mark.parametrize(("key", "url", "article"), SEEN, ids=[f"{k}:{u.split('/', 3)[-1][:40]}" for k, u, _ in SEEN])
def test_seen_urls_are_triaged_as_outlets_md_says(key: str, url: str, article: bool) -> None:
    site = SITES[key]
    assert site.owns(url), f"{url} is not on {key}'s hosts {sorted(site.hosts)}"
    if article and site.article_pattern:
        assert re.search(site.article_pattern, url), f"{key}: article_pattern misses SEEN article {url}"
    assert (classify_link(url, site) == ARTICLE) == article, f"{key}: {url} triaged as {classify_link(url, site)}"


def test_registry_table_has_a_row_per_outlet() -> None:
    table = markdown_table(SITES).splitlines()
    assert len(table) == 2 + len(SITES) and table[0].startswith("| key | outlet |")
    assert any(row.startswith("| essor | L'Essor |") and "www.journalessor.ml" in row for row in table)
