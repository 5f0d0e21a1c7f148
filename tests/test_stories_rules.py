"""Pure rules behind stories: credit lines, credit → site key, the same-story test, the original."""
from __future__ import annotations

import pytest

from archive.credits import CreditMatcher, clean_name, registry_names, scan, site_names
from archive.neardup import fingerprint
from archive.originals import Member, choose_original
from archive.samestory import same_story, template_slots, title_similarity
from archive.site_names import names_from_html
from archive.stories import period_of

MATCHER = CreditMatcher(registry_names())
BODY = ("Le ministre de l'Énergie a lancé lundi à Gao la deuxième phase des travaux du barrage de Taoussa. "
        "La cérémonie s'est déroulée en présence du gouverneur de la Région et des autorités traditionnelles.\n"
        "Le projet vise à réguler le fleuve, à produire de l'électricité et à irriguer 139 000 hectares de terres.")


@pytest.mark.parametrize("tail, name, how", [
    ("Source : L'Essor", "L'Essor", "source-line"),
    ("Source: NOUVEL HORIZON", "NOUVEL HORIZON", "source-line"),
    ("Source : L'Essor du 18 juin 2025", "L'Essor", "source-line"),
    ("Sources : l'Indépendant", "l'Indépendant", "source-line"),
    ("Avec AFP", "AFP", "avec-line"),
    ("Avec Studio Tamani", "Studio Tamani", "avec-line"),
    ("(AMAP)", "AMAP", "agency-tag"),
    ("Studio Tamani", "Studio Tamani", "bare-name"),
    ("Par Oumar SANKARE - L'Essor", "L'Essor", "byline"),
    ("A. DIARRA\nSource : l'Indépendant", "l'Indépendant", "source-line"),
    ("Par MAHAMANE TOURÉ\nSource: NOUVEL HORIZON", "NOUVEL HORIZON", "source-line"),
])
def test_tail_credits(tail: str, name: str, how: str) -> None:
    credit, body = scan(BODY + "\n" + tail, MATCHER)
    assert credit is not None and (credit.name, credit.how) == (name, how)
    assert body == BODY, "credit, byline and signature lines are not part of the compared body"


@pytest.mark.parametrize("head, name, how", [
    ("L'Essor", "L'Essor", "bare-name"),
    ("Publié le vendredi 13 juin 2025 | Studio Tamani", "Studio Tamani", "header"),
])
def test_head_credits(head: str, name: str, how: str) -> None:
    credit, body = scan(head + "\n" + BODY, MATCHER)
    assert credit is not None and (credit.name, credit.how) == (name, how) and body == BODY


def test_dateline_and_inline_agency_tags() -> None:
    credit, body = scan("Kayes, 13 juin (AMAP) - " + BODY, MATCHER)
    assert (credit.name, credit.how) == ("AMAP", "dateline") and body == BODY
    credit, body = scan(BODY + " (AMAP)", MATCHER)
    assert (credit.name, credit.how) == ("AMAP", "agency-tag") and body == BODY


@pytest.mark.parametrize("tail, name", [
    ("Source : L'Essor\nAucun commentaire cette semaine.", "L'Essor"),
    ("Avec AFP\nLes plus commentés\nÉcouter le reportage", "AFP"),
])
def test_a_credit_above_leftover_widget_lines_is_still_found(tail: str, name: str) -> None:
    credit, body = scan(BODY + "\n" + tail, MATCHER)
    assert credit is not None and credit.name == name and body == BODY


def test_no_credit_and_what_is_not_one() -> None:
    assert scan(BODY, MATCHER) == (None, BODY)
    assert scan(BODY + "\nAvec nos correspondants", MATCHER)[0] is None  # not an outlet
    assert scan(BODY + "\nFin.", MATCHER)[1].endswith("Fin."), "a short last sentence is kept"
    assert scan(BODY + " (…)", MATCHER)[1] == BODY, "teaser markers are dropped"
    assert scan(BODY + "\nLire la suite...", MATCHER)[1] == BODY
    assert scan(BODY + "\nAvec nos correspondants\nÀ suivre.", MATCHER)[0] is None
    far = BODY + "\nSource : L'Essor\n" + "Un long paragraphe qui continue l'article bien après la ligne de source. " * 2
    assert scan(far, MATCHER)[0] is None, "a source line followed by prose is not the article's credit"


@pytest.mark.parametrize("credit, key", [
    ("L'Essor", "essor"), ("Essor", "essor"), ("journalessor.ml", "essor"), ("Studio Tamani", "studiotamani"),
    ("Tamani", "studiotamani"), ("AMAP", "amap"), ("Agence malienne de presse", "amap"), ("Maliweb.net", "maliweb"),
    ("Info-Matin", "infomatin"), ("Info Matin", "infomatin"), ("Journal du Mali", "journaldumali"),
    ("aBamako", "abamako"), ("Sahelien.com", "sahelien"), ("NOUVEL HORIZON", None), ("Le Matin", None),
])
def test_credit_to_site_key(credit: str, key: str | None) -> None:
    assert MATCHER.resolve(credit) == key


def test_credited_source_values_and_unknown_keys() -> None:
    assert MATCHER.credited_source("Avec AFP"[5:]) == "AFP"  # an agency not in the registry
    assert MATCHER.credited_source("NOUVEL HORIZON") == "NOUVEL HORIZON"  # kept as written
    assert MATCHER.with_keys(["nouvelhorizon"]).resolve("Nouvel Horizon") == "nouvelhorizon"
    assert clean_name("« Le Républicain » N°5432") == "Le Républicain"
    names = site_names({"essor": type("S", (), {"name": "L'Essor", "hosts": frozenset({"lessor.ml"})})()})
    assert "lessor" in names["essor"] and "L'Essor" in names["essor"]


def member(i: int, site: str, published: str, credit: str | None = None) -> Member:
    return Member(i, site, f"https://{site}.ml/{i}", published, credit, 300, "t")


def test_original_is_the_credited_outlet_even_when_published_later() -> None:
    members = [member(1, "maliweb", "2025-06-18T07:30", "essor"), member(2, "essor", "2025-06-18T09:00"),
               member(3, "bamada", "2025-06-19", "essor")]
    assert choose_original(members, MATCHER).member.id == 2


def test_original_follows_credit_chains_and_ignores_absent_outlets() -> None:
    chain = [member(1, "maliweb", "2025-06-14T12", "essor"), member(2, "essor", "2025-06-14T08", "amap"),
             member(3, "amap", "2025-06-13T10", "amap")]
    assert choose_original(chain, MATCHER).member.site == "amap"
    absent = [member(1, "maliweb", "2025-06-14T19", "AFP"), member(2, "malijet", "2025-06-14T18", "AFP")]
    assert choose_original(absent, MATCHER) .member.id == 2 and choose_original(absent, MATCHER).reason == "earliest"
    assert choose_original(list(reversed(chain)), MATCHER) == choose_original(chain, MATCHER), "order-independent"


def fp(text: str):
    return fingerprint(scan(text, MATCHER)[1])


def test_same_story_reasons() -> None:
    full = fp(BODY + "\n" + " ".join(["Les travaux dureront trente mois selon le calendrier de l'entreprise."] * 3))
    teaser = fp(BODY.split("\n")[0] + " (…)")
    assert same_story(full, teaser).same and "truncated" in same_story(full, teaser).reason
    other = fp("Le ministre de l'Énergie a lancé lundi à Gao une campagne de sensibilisation sur les économies "
               "d'électricité auprès des commerçants du grand marché et des ménages de la ville.")
    assert not same_story(full, other).same


def test_template_slots_keep_recurring_bulletins_apart() -> None:
    one = ("L'État-major général des Armées informe l'opinion que le 15 juin 2025, aux environs de 16 heures, les "
           "FAMa ont effectué des frappes aériennes dans la localité de Dinangourou, cercle de Koro. Ces frappes ont "
           "permis de neutraliser plusieurs terroristes. Les FAMa continuent la sécurisation de la zone et rassurent "
           "l'opinion de leur détermination à poursuivre la traque des groupes armés sur l'ensemble du territoire.")
    two = one.replace("16 heures", "21 heures").replace("Dinangourou", "Farabougou").replace("Koro", "Niono")
    a, b = fp(one), fp(two)
    assert template_slots(a, b) == 3
    assert not same_story(a, b, date_a="2025-06-16", date_b="2025-06-16").same
    typo = fp(one.replace("Dinangourou", "Dinangouru"))
    assert template_slots(a, typo) == 0 and same_story(a, typo).same


def test_a_rewritten_lead_is_not_a_template_slot() -> None:
    """The capital opening a rewritten first sentence is not a name: with figures that differ (11 dropped, 333
    added) a copy must not be vetoed as « a template filled in twice » (tests/testweb: the `solaire` story)."""
    rest = (" La formation a été organisée par le centre de formation professionnelle de la ville avec l'appui d'une "
            "organisation non gouvernementale. Parmi les bénéficiaires figurent douze jeunes femmes, une première pour "
            "ce type de métier dans la région, et les inscriptions de la prochaine promotion sont ouvertes aux jeunes "
            "de 18 à 35 ans, diplômés ou non, au secrétariat du centre situé près du grand marché de la ville.")
    one = fp("Une quarantaine de jeunes de Tombouctou ont reçu, le mercredi 11 juin, leurs attestations de fin de "
             "formation en installation et en maintenance de systèmes solaires photovoltaïques." + rest)
    two = fp("Quarante jeunes de la Cité des 333 saints ont achevé ce mercredi une formation en installation et en "
             "maintenance de systèmes solaires photovoltaïques." + rest)
    assert template_slots(one, two) == 0
    assert same_story(one, two).same


def test_dates_far_apart_or_conflicting_figures_need_near_identical_texts() -> None:
    a = fp(BODY)
    assert same_story(a, a, date_a="2025-01-01", date_b="2025-06-01").same
    edited = fp(BODY.replace("lundi", "mardi").replace("traditionnelles", "locales"))
    assert same_story(a, edited, date_a="2025-06-01", date_b="2025-06-02").same
    assert not same_story(a, edited, date_a="2025-06-01", date_b="2025-06-20").same


def test_short_texts_need_identical_text_and_title() -> None:
    a, b = fp("Regardez la vidéo ci-dessous."), fp("Regardez la vidéo ci-dessous.")
    assert not same_story(a, b, title_a="Match Mali-Sénégal", title_b="Conférence de presse du Premier ministre").same
    assert same_story(a, b, title_a="Match Mali-Sénégal", title_b="Mali : Match Mali-Sénégal").same
    assert title_similarity("Mali : Match Mali-Sénégal", "Match Mali-Sénégal") == 1.0


def test_period_of() -> None:
    assert period_of("2025-06-18T09:00:00+00:00") == 2025 * 12 + 5
    assert period_of(None, "2024-01-02") == 2024 * 12 and period_of(None, None) == 0 and period_of("hier") == 0


def test_names_from_html() -> None:
    page = ('<html><head><title>Kayes : le pont inauguré - L&#39;Aurore de Kayes</title>'
            '<meta property="og:site_name" content="L\'Aurore de Kayes"></head></html>')
    assert names_from_html(page, "Kayes : le pont inauguré") == ["L'Aurore de Kayes", "L'Aurore de Kayes"]
    jsonld = '<script type="application/ld+json">{"publisher": {"@type": "Organization", "name": "Mali Actu Express"}}</script>'
    assert names_from_html(jsonld + "<title>Un titre | Mali Actu Express</title>", "Un titre") == \
        ["Mali Actu Express", "Mali Actu Express"]
    assert names_from_html("<title>Un autre titre</title>", "Un titre") == []
