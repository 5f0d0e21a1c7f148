"""`parse_discovery_document` on 2,000 mutated sitemaps and feeds: it returns entries or raises its
own DiscoveryParseError (counted `unreadable` by the crawl), never another exception, never slowly.

Mutations: truncation, flipped bytes, inserted markup fragments (`<`, `]]>`, `<!--`, a DOCTYPE
with an entity, NUL, a UTF-16 BOM, 50 `[`), duplicated slices, gzip, a UTF-8 BOM, and hostile
hosts in place of the real one. Seeds are fixed.
"""
from __future__ import annotations

import gzip
import random
import time

import pytest

from crawler.discovery import DiscoveryParseError, parse_discovery_document

DOCS = [
    b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    + b"".join(b"<url><loc>https://x.ml/2025/06/%02d/a-%d/</loc><lastmod>2025-06-10</lastmod></url>" % (i % 28 + 1, i)
               for i in range(50)) + b"</urlset>",
    b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    b"<sitemap><loc>https://x.ml/s1.xml</loc></sitemap></sitemapindex>",
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>' + b"".join(
        b"<item><title>A %d</title><link>https://x.ml/a-%d/</link><pubDate>Tue, 10 Jun 2025 08:00:00 +0000</pubDate></item>"
        % (i, i) for i in range(30)) + b"</channel></rss>",
    b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">' + b"".join(
        b'<entry><title>A</title><link href="/a-%d/"/><updated>2025-06-10T08:00:00Z</updated></entry>' % i
        for i in range(30)) + b"</feed>",
    b'{"version": "https://jsonfeed.org/version/1.1", "items": [' + b",".join(
        b'{"url": "https://x.ml/a-%d/", "date_published": "2025-06-10"}' % i for i in range(30)) + b"]}",
    b"https://x.ml/a/\nhttps://x.ml/b/\n",
]
FRAGMENTS = [b"<", b">", b"&", b"]]>", b"<!--", b"\x00", b"\xff\xfe", b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"&a;", b'"',
             b"{", b"[" * 50]
HOSTS = [b"javascript:", b"http://[::1", b"", b"//", b"HTTPS://X.ML"]


def mutate(rng: random.Random) -> bytes:
    doc = bytearray(rng.choice(DOCS))
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(7)
        if op == 0 and doc:
            del doc[rng.randrange(len(doc)):]
        elif op == 1 and doc:
            doc[rng.randrange(len(doc))] = rng.randrange(256)
        elif op == 2:
            at = rng.randrange(len(doc) + 1)
            doc[at:at] = rng.choice(FRAGMENTS)
        elif op == 3 and len(doc) > 10:
            at, src = rng.randrange(len(doc)), rng.randrange(len(doc))
            doc[at:at] = doc[src:src + 40]
        elif op == 4:
            doc = bytearray(gzip.compress(bytes(doc)))
        elif op == 5:
            doc = bytearray(b"\xef\xbb\xbf") + doc
        elif op == 6:
            doc = bytearray(bytes(doc).replace(b"https://x.ml", rng.choice(HOSTS)))
    return bytes(doc)


@pytest.mark.parametrize("seed", range(4))
def test_mutated_discovery_documents_parse_or_are_refused(seed: int) -> None:
    rng = random.Random(seed)
    parsed = 0
    for _ in range(500):
        doc = mutate(rng)
        started = time.perf_counter()
        try:
            found = parse_discovery_document(doc, "https://x.ml/feed/")
        except DiscoveryParseError:
            continue
        finally:
            assert time.perf_counter() - started < 1, doc[:200]
        parsed += 1
        assert all(isinstance(e["url"], str) and e["url"] for e in found.entries)  # the spider filters schemes
    assert parsed >= 200  # about half the mutated documents stay readable (249-270 of 500 per seed)
