"""Deterministic synthetic Malian-news articles (French-like Zipf text with bursty topics, outlets with gaps) for benchmarks."""
from __future__ import annotations

import hashlib
import random
import unicodedata
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, Iterator

COMMON = (
    "de la le et les des à en du un une que pour dans est au a par sur pas qui il ne se plus ce avec "
    "sont été son sa ses aux leur leurs ont elle nous vous ils elles tout mais comme ou si deux trois "
    "entre après avant lors selon contre sans sous depuis cette ces aussi très bien encore même autres "
    "gouvernement ministre président pays national nationale sécurité région ville population projet "
    "développement travail jeunes femmes enfants santé école éducation élections transition armée forces "
    "attaque terroristes dialogue paix accord conseil assemblée économie prix marché coton or agriculture "
    "campagne saison pluies eau électricité énergie route pont hôpital justice tribunal procès presse "
    "journalistes radio communiqué réunion cérémonie délégation visite coopération partenaires bailleurs "
    "budget milliards francs CFA banque crédit commerce frontière douane transport carburant pénurie "
    "coupures délestage inflation salaires syndicat grève enseignants étudiants université examen "
    "baccalauréat football Aigles match championnat coupe culture musique festival artiste tradition "
    "religion imam mosquée église fête Tabaski Ramadan hivernage inondations sécheresse récolte mil riz "
    "sorgho bétail éleveurs pêcheurs fleuve Niger barrage irrigation office décret ordonnance loi charte "
    "constitution référendum scrutin candidats partis politiques opposition majorité société civile "
    "organisation association femmes rurales communes cercle préfet gouverneur maire chef village"
).split()
NAMES = (
    "Bamako Kayes Koulikoro Sikasso Ségou Mopti Tombouctou Gao Kidal Ménaka Taoudénit Kati Koutiala "
    "Bougouni Nioro Diré Niono Goïta Maïga Keïta Traoré Coulibaly Diarra Touré Cissé Sangaré Konaté "
    "Diallo Sidibé Dembélé Doumbia Sissoko Kanté Camara Dicko Ag Wagué Minusma CEDEAO AES Burkina Niger "
    "Sénégal Guinée Algérie Mauritanie Russie France Chine ONU Wagner Fama Barkhane EDM Somagep"
).split()
# Generic news words found in every kind of article (the rest of COMMON[60:] belongs to topics).
BACKGROUND = ("gouvernement", "ministre", "président", "pays", "national", "nationale", "population", "projet",
              "conseil", "prix", "réunion", "communiqué", "développement", "région", "ville")
SYLLABLES = "ba bou da di do fa fo ka ki ko kou la li lo ma mi mo na ni no sa si so ta ti to wa ya ze gou dé".split()
SECTIONS = ("Politique", "Économie", "Sécurité", "Société", "Culture", "Sport", "International", "Santé")


@dataclass(frozen=True)
class Outlet:
    """A synthetic outlet: host, weight, active months and months where it published nothing."""

    key: str
    host: str
    weight: float
    start: str  # YYYY-MM
    stop: str  # YYYY-MM (inclusive)
    gaps: tuple[tuple[str, str], ...] = ()  # inclusive month ranges with no article
    language: str = "fr"


OUTLETS = (
    Outlet("essor", "www.essor.ml", 3.0, "2016-01", "2025-12", (("2018-04", "2018-07"),)),
    Outlet("studiotamani", "www.studiotamani.org", 2.0, "2016-01", "2025-12"),
    Outlet("maliweb", "www.maliweb.net", 4.0, "2016-01", "2025-12"),
    Outlet("malijet", "malijet.com", 3.0, "2016-01", "2025-12", (("2021-09", "2022-02"),)),
    Outlet("bamada", "bamada.net", 2.0, "2016-06", "2025-12"),
    Outlet("abamako", "news.abamako.com", 2.0, "2016-01", "2023-06"),
    Outlet("journaldumali", "www.journaldumali.com", 1.5, "2017-01", "2025-12"),
    Outlet("lerepublicain", "www.lerepublicain.net", 1.0, "2016-01", "2025-12", (("2020-03", "2020-08"),)),
    Outlet("infomatin", "www.info-matin.ml", 1.0, "2016-01", "2025-12"),
    Outlet("sahelien", "sahelien.com", 0.8, "2019-03", "2025-12"),
    Outlet("benbere", "benbere.org", 0.4, "2018-01", "2025-12", (("2024-01", "2024-12"),)),
    Outlet("kibaru", "kibaru.ml", 0.6, "2016-01", "2025-12", (), "bm"),
)


def months(start: str, stop: str) -> list[str]:
    """Every YYYY-MM from start to stop inclusive."""
    y, m = map(int, start.split("-"))
    out = []
    while f"{y:04d}-{m:02d}" <= stop:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def active_months(outlet: Outlet) -> list[str]:
    """The outlet's months minus its gaps."""
    return [mo for mo in months(outlet.start, outlet.stop) if not any(a <= mo <= b for a, b in outlet.gaps)]


def content_hash(text: str) -> str:
    """Same normalisation as the extractor: NFKC, casefold, collapsed whitespace, sha256."""
    return hashlib.sha256(" ".join(unicodedata.normalize("NFKC", text).casefold().split()).encode()).hexdigest()


class Generator:
    """Yields archive items (the `Archive.save_batch` shape) deterministically from a seed."""

    def __init__(self, seed: int = 42, tail_words: int = 60_000, topics: int = 400) -> None:
        self.rng = random.Random(seed)
        tail = {"".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4))) for _ in range(tail_words)}
        self.tail = sorted(tail)
        # Background words any article uses: function words, a few generic news words, then the tail.
        self.vocab = list(COMMON[:60]) + list(BACKGROUND) + self.tail
        self.cum = list(accumulate(1.0 / (rank + 3) ** 1.1 for rank in range(len(self.vocab))))
        # Topics make words bursty, as in real news: "coton" comes five times in one article about
        # cotton, not once in five articles. Each topic draws from its own small vocabulary.
        content = [w for w in COMMON[60:] if w not in BACKGROUND]
        name_weights = [1.0 / (i + 2) ** 0.8 for i in range(len(NAMES))]
        self.topics: list[tuple[list[str], list[float]]] = []
        for _ in range(topics):
            words = (self.rng.sample(content, 10) + self.rng.choices(NAMES, weights=name_weights, k=5)
                     + self.rng.sample(self.tail, 120))
            words = list(dict.fromkeys(words))
            self.rng.shuffle(words)
            self.topics.append((words, list(accumulate(1.0 / (r + 1) ** 0.9 for r in range(len(words))))))
        self.topic_cum = list(accumulate(1.0 / (t + 5) ** 0.7 for t in range(topics)))  # some topics are hot
        self.cells = [(o, mo) for o in OUTLETS for mo in active_months(o)]
        growth = {mo: 1.0 + i / 60 for i, mo in enumerate(months("2016-01", "2025-12"))}
        self.cell_cum = list(accumulate(o.weight * growth[mo] for o, mo in self.cells))
        self.authors = {o.key: [f"{self.rng.choice(NAMES[21:40])} {self.rng.choice(NAMES[21:40])}" for _ in range(25)] for o in OUTLETS}
        self.recent: list[dict[str, Any]] = []

    def words(self, n: int, topics: list[int] | None = None) -> list[str]:
        """`n` words: 60 % from the background Zipf vocabulary, 40 % from the article's topics."""
        rng = self.rng
        out = rng.choices(self.vocab, cum_weights=self.cum, k=n)
        if topics:
            m = min(n, max(0, round(rng.gauss(0.4 * n, (0.24 * n) ** 0.5))))  # ~Binomial(n, 0.4)
            positions = rng.sample(range(n), m)
            share = -(-m // len(topics))
            for i, topic in enumerate(topics):
                words, cum = self.topics[topic]
                chunk = positions[i * share:(i + 1) * share]
                for pos, word in zip(chunk, rng.choices(words, cum_weights=cum, k=len(chunk))):
                    out[pos] = word
        return out

    def pick_topics(self) -> list[int]:
        """One or two topics for an article."""
        k = 1 if self.rng.random() < 0.7 else 2
        return self.rng.choices(range(len(self.topics)), cum_weights=self.topic_cum, k=k)

    def text(self, topics: list[int] | None = None) -> str:
        """About 400 words in 5–9 paragraphs separated by newlines."""
        paras = []
        for _ in range(self.rng.randint(5, 9)):
            w = self.words(self.rng.randint(35, 75), topics)
            w[0] = w[0].capitalize()
            paras.append(" ".join(w) + ".")
        return "\n".join(paras)

    def item(self, n: int) -> dict[str, Any]:
        """The n-th synthetic item; about 5 % are verbatim copies of a recent article on another outlet."""
        outlet, month = self.rng.choices(self.cells, cum_weights=self.cell_cum)[0]
        day, hour, minute = self.rng.randint(1, 28), self.rng.randint(6, 22), self.rng.randint(0, 59)
        published = f"{month}-{day:02d}T{hour:02d}:{minute:02d}:00+00:00"
        copy_of = self.rng.choice(self.recent) if self.recent and self.rng.random() < 0.05 else None
        if copy_of and copy_of["site"] != outlet.key:
            title, text = copy_of["title"], copy_of["text"]
        else:
            topics = self.pick_topics()
            title = " ".join(self.words(self.rng.randint(6, 12), topics)).capitalize()
            text = self.text(topics)
            self.recent = (self.recent + [{"site": outlet.key, "title": title, "text": text}])[-200:]
        slug = "-".join(title.lower().split()[:6])
        url = f"https://{outlet.host}/{month.replace('-', '/')}/{slug}-{n}/"
        paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n"))
        body = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
        r = self.rng.random()
        return {
            "site": outlet.key, "url": url, "requested_url": url, "final_url": url, "status": 200,
            "headers": {"Content-Type": "text/html; charset=utf-8"}, "content_type": "text/html; charset=utf-8",
            "fetched_at": f"{month}-{day:02d}T{min(hour + 1, 23):02d}:00:00+00:00", "body": body.encode(),
            "discovered_via": "sitemap", "source_modified": published,
            "article": {
                "title": title, "author": self.rng.choice(self.authors[outlet.key]) if r < 0.7 else None,
                "published": published if r < 0.97 else None, "modified": None,
                "section": self.rng.choice(SECTIONS) if r < 0.9 else None,
                "tags": self.rng.sample(NAMES, self.rng.randint(0, 3)), "description": None, "image": None,
                "language": outlet.language, "text": text, "word_count": len(text.split()),
                "content_hash": content_hash(text), "date_source": "json-ld" if r < 0.97 else None,
            },
        }

    def items(self, count: int) -> Iterator[dict[str, Any]]:
        """`count` items in publication-independent (crawl) order."""
        for n in range(count):
            yield self.item(n)

    def queries(self, count: int = 50, seed: int = 7) -> list[str]:
        """`count` search queries of 1–3 words, as researchers type them: one in five a person or
        place (alone, or with a word of a topic it belongs to), one in ten a common news word with
        another ("gouvernement", "prix"), the rest a topic's words; accents dropped in three of ten."""
        rng = random.Random(seed)
        out = []
        for _ in range(count):
            k = rng.choice((1, 1, 2, 2, 3))
            roll = rng.random()
            pool, _ = self.topics[rng.randrange(len(self.topics))]
            if roll < 0.2:
                names = [w for w in pool if w in NAMES] or list(NAMES)
                words = [rng.choice(names)] + rng.sample([w for w in pool[:40] if w not in NAMES], min(k, 2) - 1)
            elif roll < 0.3:
                words = [rng.choice(BACKGROUND)] + [rng.choice(COMMON[60:]) for _ in range(max(k, 2) - 1)]
            else:
                words = rng.sample(pool[:40], k)
            q = " ".join(words)
            if rng.random() < 0.3:
                q = unicodedata.normalize("NFKD", q).encode("ascii", "ignore").decode()
            out.append(q)
        return out
