"""Post-processing of extracted text (pipelines/cleaning.py): what is dropped, what is kept."""
from __future__ import annotations

import pytest

from pipelines.cleaning import byline_author, clean_text, fix_apostrophes
from pipelines.metadata import jsonld_names

BODY = ("Le gouvernement de transition a annoncé mercredi une série de mesures destinées à renforcer la sécurité "
        "dans les régions du centre, selon un communiqué lu à la télévision nationale ce soir.")
BODY2 = ("Ces mesures comprennent le déploiement de nouvelles unités et la création de postes de contrôle "
         "supplémentaires sur les axes routiers reliant Mopti, Ségou et Bandiagara, a précisé le ministre.")
TITLE = "Sécurité : le gouvernement annonce de nouvelles mesures"


def lines(text: str) -> list[str]:
    return clean_text(text, TITLE).text.split("\n")


def test_repeated_title_counter_and_weather_widget_dropped() -> None:
    raw = f"{TITLE}\n17\n24.2 C Bamako jeu 28 Nov 2024 - 0:36\n{BODY}\n{BODY2}"
    assert lines(raw) == [BODY, BODY2]


def test_title_with_site_suffix_dropped() -> None:
    assert lines(f"{TITLE} - Maliweb.net\n{BODY}") == [BODY]


def test_byline_captured_as_author() -> None:
    cleaned = clean_text(f"Par Oumar SANKARE\n{BODY}", TITLE)
    assert (cleaned.text, cleaned.author) == (BODY, "Oumar SANKARE")


def test_trailing_byline_dropped_but_source_kept() -> None:
    cleaned = clean_text(f"{BODY}\n{BODY2}\nPar Rodrigue Gozoa\nSource : La Nouvelle République", TITLE)
    assert cleaned.text.split("\n") == [BODY, BODY2, "Source : La Nouvelle République"]
    assert cleaned.author == "Rodrigue Gozoa"


@pytest.mark.parametrize("credit", ["Source : L'Essor", "Source: NOUVEL HORIZON", "Source : Studio Tamani"])
def test_source_credit_lines_are_kept(credit: str) -> None:
    assert lines(f"{BODY}\n{credit}")[-1] == credit


def test_par_at_start_of_a_sentence_is_not_a_byline() -> None:
    sentence = "Par ailleurs, le ministre a rappelé que les examens se tiendront comme prévu."
    assert lines(f"{sentence}\n{BODY}")[0] == sentence
    assert byline_author("Par Décret présidentiel du 12 mars") is None


@pytest.mark.parametrize(("line", "author"), [
    ("Par Oumar SANKARE", "Oumar SANKARE"), ("PAR MAHAMANE TOURÉ", "MAHAMANE TOURÉ"),
    ("Par Boubacar Sidiki Haidara - 2 juillet 2021", "Boubacar Sidiki Haidara"),
    ("By Agaïcha Kanouté", "Agaïcha Kanouté"), ("Par A. DIARRA", "A. DIARRA"),
    ("Par la rédaction du journal", None),
])
def test_byline_author(line: str, author: str | None) -> None:
    assert byline_author(line) == author


def test_date_lines_dropped_at_the_top_only() -> None:
    assert lines(f"Publié le dimanche 22 juin 2025\n22 juin 2025 - 10:30\n{BODY}") == [BODY]
    dated_sentence = "Le 22 juin 2025, les délégués se sont réunis à Koulouba pour adopter la charte."
    middle = f"{BODY}\n{BODY2}\n{BODY}\n{BODY2}\n{BODY}\n{BODY2}\n{dated_sentence}\n{BODY}\n{BODY2}\n{BODY}"
    assert dated_sentence in lines(middle)


def test_abamako_header_becomes_source() -> None:
    cleaned = clean_text(f"Publié le vendredi 8 octobre 2021  |  liberation . fr\n{BODY}", TITLE)
    assert (cleaned.text, cleaned.source) == (BODY, "liberation . fr")


@pytest.mark.parametrize("noise", [
    "Partager :", "Facebook WhatsApp Twitter", "Partager sur Facebook", "Share this:", "Imprimer",
    "Télécharger", "https://www.studiotamani.org/wp-content/uploads/2023/01/titres.mp3",
    "Ci-dessous écoutez le magazine en intégralité :", "3 commentaires", "Laisser un commentaire",
    "Boîte de commentaires Facebook", "Suivez-nous sur Facebook pour ne rien rater de l'actualité malienne",
    "© AFP par Michele Cattani", "Lire aussi : Kidal, les services de l'État redéployés",
])
def test_noise_lines_dropped(noise: str) -> None:
    assert lines(f"{BODY}\n{noise}\n{BODY2}") == [BODY, BODY2]


def test_lire_aussi_heading_takes_its_link_line() -> None:
    assert lines(f"{BODY}\nLire aussi :\nKidal : les services de l'État redéployés\n{BODY2}") == [BODY, BODY2]


def test_related_tail_cut_only_in_second_half() -> None:
    raw = f"{BODY}\n{BODY2}\n{BODY}\nArticles similaires\nCoton : la CMDT relance ses usines\nMopti : reprise"
    assert lines(raw) == [BODY, BODY2, BODY]


def test_hard_wrapped_paragraph_rejoined() -> None:
    raw = "Créée\nen 1961, l'Agence reste\nun pilier de l'information.\nLe ministre a parlé."
    assert lines(raw) == ["Créée en 1961, l'Agence reste un pilier de l'information.", "Le ministre a parlé."]


def test_new_sentence_after_full_stop_is_not_joined() -> None:
    assert lines(f"{BODY}\nles chiffres restent provisoires.") == [BODY, "les chiffres restent provisoires."]


def test_numbers_in_body_are_kept() -> None:
    table = f"{BODY}\n{BODY2}\n{BODY}\n{BODY2}\n{BODY}\n{BODY2}\n{BODY}\n2019\n{BODY2}"
    assert "2019" in lines(table)


def test_doubled_apostrophes() -> None:
    assert fix_apostrophes("l''Assemblée d''un collectif jusqu''à") == "l'Assemblée d'un collectif jusqu'à"
    assert fix_apostrophes("il a dit ''non''") == "il a dit ''non''"  # quotes, not an escaped apostrophe
    assert lines(f"Le président d''un collectif de commerçants a parlé longuement.\n{BODY}")[0].startswith(
        "Le président d'un")


def test_related_heading_early_in_a_short_article_followed_by_teasers() -> None:
    teasers = "\n".join(f"Mopti : titre d'un article lié numéro {i}" for i in range(8))
    assert lines(f"{BODY}\n{BODY2}\nSur le même sujet\n{teasers}") == [BODY, BODY2]


def test_related_heading_followed_by_real_paragraphs_is_not_a_tail() -> None:
    raw = f"{BODY}\nLire aussi\n{BODY2}\n{BODY}\n{BODY2}\n{BODY}"
    assert lines(raw).count(BODY) == 3


def test_rights_footer_dropped_at_the_end_only() -> None:
    assert lines(f"{BODY}\n{BODY2}\nL'Écho du Djoliba – Tous droits réservés © 2025") == [BODY, BODY2]



WARNING = ("Warning: Cannot modify header information - headers already sent by (output started at "
           "/home/x/public_html/wp-content/themes/newsmag/functions.php:12) in "
           "/home/x/public_html/wp-includes/pluggable.php on line 1435")


@pytest.mark.parametrize("debris", [
    WARNING,
    "PHP Notice:  Undefined index: id in /var/www/html/article.php on line 7",
    "Deprecated: Function create_function() is deprecated in /home/x/slider.php on line 88.",
    "Fatal error: Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in "
    "/home/x/public_html/wp-includes/class-wp-query.php on line 3052",
    # PHP 7's uncaught error as HTML renders it: its newlines are spaces, one line in all
    "Fatal error: Uncaught Error: Call to undefined function wpb_views() in /srv/single.php:41 Stack trace: "
    "#0 /srv/wp-includes/template-loader.php(106): include() #1 {main} thrown in /srv/single.php on line 41",
])
def test_php_errors_printed_in_the_page_are_dropped_anywhere(debris: str) -> None:
    assert lines(f"{BODY}\n{debris}\n{BODY2}") == [BODY, BODY2]
    assert lines(f"{debris}\n{BODY}\n{BODY2}") == [BODY, BODY2]


def test_a_stack_trace_and_a_database_errors_query_go_with_their_error() -> None:
    raw = "\n".join([
        BODY,
        "Fatal error: Uncaught Error: Call to undefined function foo() in /var/www/x.php:3",
        "Stack trace:", "#0 /var/www/wp-includes/class-wp-hook.php(324): foo('')", "#1 {main}",
        "thrown in /var/www/x.php on line 3",
        "#3 Les Aigles (12) : victoire à Bamako face au Ghana, au terme d'un match disputé.",
        "WordPress database error: [Table 'wp.wp_options' doesn't exist]",
        "SELECT option_value FROM wp_options WHERE option_name = 'x' LIMIT 1",
        BODY2])
    assert lines(raw) == [BODY, "#3 Les Aigles (12) : victoire à Bamako face au Ghana, au terme d'un match disputé.",
                          BODY2]


@pytest.mark.parametrize("prose", [
    "Notice: la réunion se tiendra à Kayes le 12 mars, selon le gouvernorat, qui invite les chefs de village.",
    "Warning : le fleuve est en crue in the words of the governor, on line with the forecasts of last year.",
    "#1 Les Aigles (12): victoire à Bamako face au Ghana, au terme d'un match disputé au stade du 26 Mars.",
    "SELECT FROM est le nom d'un collectif d'artistes de Bamako qui expose ses toiles à l'Institut français.",
])
def test_prose_that_looks_like_a_server_error_is_kept(prose: str) -> None:
    assert lines(f"{BODY}\n{prose}\n{BODY2}") == [BODY, prose, BODY2]


def test_page_structure_spelt_out_by_an_unclosed_textarea_is_dropped() -> None:
    raw = f"Accueil\n</form><article>\n{BODY}\n{BODY2}\n</article><footer>\n</footer></body></html>"
    assert lines(raw) == ["Accueil", BODY, BODY2]


@pytest.mark.parametrize("banner", [
    "Nous utilisons des cookies pour vous garantir la meilleure expérience sur notre site web. Si vous continuez à "
    "utiliser ce site, nous supposerons que vous en êtes satisfait.",
    "En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies.",
    "This website uses cookies to improve your experience. Accept Read more",
])
def test_a_cookie_banner_at_either_end_is_dropped(banner: str) -> None:
    assert lines(f"{banner}\n{BODY}\n{BODY2}") == [BODY, BODY2]
    assert lines(f"{BODY}\n{BODY2}\n{banner}") == [BODY, BODY2]


def test_an_article_about_cookies_keeps_its_sentences() -> None:
    about = ("La CNIL malienne rappelle que les sites qui utilisent des cookies doivent recueillir le consentement "
             "de leurs lecteurs, selon la loi de 2013 sur la protection des données personnelles.")
    assert lines(f"{BODY}\n{about}\n{BODY2}") == [BODY, about, BODY2]  # its last lines: where banners are looked for


@pytest.mark.parametrize("junk", ["PUBLICITÉ", "- Publicité -", "Pub", "Advertisement", "Contenus sponsorisés",
                                  "Continuer la lecture", "Lire la suite »", "Rejoignez notre chaîne WhatsApp",
                                  "Téléchargez l'application Malijet"])
def test_ad_labels_buttons_and_prompts_inside_the_text_are_dropped(junk: str) -> None:
    assert lines(f"{BODY}\n{BODY2}\n{junk}\n{BODY}\n{BODY2}\n{BODY}\n{BODY2}") == [BODY, BODY2, BODY, BODY2, BODY, BODY2]


def test_a_see_also_label_goes_with_the_headline_it_announces() -> None:
    raw = f"{BODY}\n{BODY2}\nVoir aussi :\nKayes : la foire rouvre ses portes\n{BODY}\n{BODY2}\n{BODY}"
    assert lines(raw) == [BODY, BODY2, BODY, BODY2, BODY]


def test_sentences_about_advertising_stay() -> None:
    prose = "La publicité au Mali est en plein essor, selon les annonceurs réunis jeudi à Bamako pour leur forum."
    assert lines(f"{BODY}\n{prose}\n{BODY2}\n{BODY}\n{BODY2}") == [BODY, prose, BODY2, BODY, BODY2]


@pytest.mark.parametrize("value, names", [
    ([{"@type": "Person", "name": "Awa Diarra"}, {"@type": "Person", "name": "Oumar Traoré"}], "Awa Diarra; Oumar Traoré"),
    ([{"name": "Awa Diarra"}, {"name": "Awa Diarra"}], "Awa Diarra"),
    ({"@type": "Person", "name": "Awa Diarra"}, "Awa Diarra"),
    ("Awa Diarra", "Awa Diarra"),
    ([], None), (None, None),
])
def test_jsonld_authors_are_separated_as_bylines_are(value: object, names: str | None) -> None:
    """Several JSON-LD authors were joined by ", " where a byline "X et Y" gives "X; Y"."""
    assert jsonld_names(value) == names
