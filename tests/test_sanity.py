"""The last-line sanity check: refuses noise, keeps real articles that open with figures."""
from __future__ import annotations

import random

from pipelines.sanity import MAX_TITLE, insane_reason, prose_words

PROSE = ("La Cour constitutionnelle a proclamé jeudi les résultats définitifs du référendum, marqué par une "
         "participation en hausse dans la plupart des régions du pays.")


def article(text: str, title: str = "Référendum : les résultats par cercle") -> dict:
    return {"title": title, "text": text}


def test_an_article_opening_with_a_results_table_is_kept() -> None:
    rng = random.Random(3)
    table = "\n".join(f"| Cercle {i} | {rng.randint(1000, 99999)} | {rng.randint(1000, 99999)} | {rng.randint(10, 99)},5 % |"
                      for i in range(150))
    text = f"{PROSE}\n{table}\n" + "\n".join([PROSE * 2] * 4)
    assert insane_reason(article(text)) is None
    assert prose_words(text) >= 60


def test_number_lists_link_farms_and_binary_noise_are_refused() -> None:
    numbers = "\n".join(f"{i} | {i * 37 % 1000} | {i * 91 % 997}" for i in range(400))
    farm = "\n".join(f"http://x{i}.example/{i}?id={i * 7}&p=123456" for i in range(300))
    noise = bytes(random.Random(5).randbytes(20_000)).decode("latin-1")
    for text in (numbers, farm, noise):
        assert insane_reason(article(text)) == "not-prose"


def test_title_rules() -> None:
    assert insane_reason(article(PROSE, title="  ")) == "no-title"
    assert insane_reason(article(PROSE, title="x" * (MAX_TITLE + 1))) == "title-too-long"
