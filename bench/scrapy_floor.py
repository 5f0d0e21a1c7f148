"""Scrapy alone: download a list of URLs with a callback that does nothing.

This is the floor any Scrapy-based pipeline pays per page (engine, scheduler, downloader,
default middlewares, the HTTP client) before a single byte is extracted or stored. bench/pipeline.py
runs it on the same pages as the crawl to bound the ratio any pipeline could reach.

Run: .venv/bin/python bench/scrapy_floor.py URLS_FILE
The last stdout line is one JSON object: {"pages": …, "pages_per_s": …, "cpu_ms_per_page": …, …}
(timed from the first response, so start-up is left out)
"""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any, AsyncIterator

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response

FLOOR_SETTINGS: dict[str, Any] = {
    "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "ROBOTSTXT_OBEY": False, "LOG_LEVEL": "ERROR",
    "TELNETCONSOLE_ENABLED": False, "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
}


class FloorSpider(scrapy.Spider):
    """Request every URL of a file; count the responses; nothing else."""

    name = "floor"

    def __init__(self, urls_file: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls = Path(urls_file).read_text(encoding="utf-8").split()
        self.first: tuple[float, float] | None = None  # (wall, CPU) at the first response: start-up excluded

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """One request per URL."""
        for url in self.urls:
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response: Response) -> None:
        """Count the page; the point is to do nothing else."""
        if self.first is None:
            self.first = (time.monotonic(), cpu_seconds())
        self.crawler.stats.inc_value("floor/pages")


def cpu_seconds() -> float:
    """CPU time of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str]) -> int:
    """Crawl the URLs of argv[0]; print the JSON line."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    process = CrawlerProcess(FLOOR_SETTINGS)
    crawler = process.create_crawler(FloorSpider)
    process.crawl(crawler, urls_file=argv[0])
    process.start()
    end, cpu = time.monotonic(), cpu_seconds()
    pages = crawler.stats.get_value("floor/pages", 0)
    first = crawler.spider.first if crawler.spider else None
    if not first or pages < 2:
        print(json.dumps({"pages": pages}))
        return 1
    print(json.dumps({"pages": pages, "elapsed_s": round(end - first[0], 3), "cpu_s": round(cpu - first[1], 3),
                      "pages_per_s": round((pages - 1) / (end - first[0]), 1),
                      "cpu_ms_per_page": round((cpu - first[1]) * 1000 / (pages - 1), 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
