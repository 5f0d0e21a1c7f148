"""Scrapy settings for malinews: polite by default, bounded, reproducible."""
from __future__ import annotations

BOT_NAME = "malinews"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = "malinews/0.1 (+https://github.com/malinews/malinews; archive of Malian news for research)"
ROBOTSTXT_OBEY = True
ROBOTSTXT_USER_AGENT = "malinews"
ROBOTSTXT_PARSER = "crawler.robots.BoundedRobotParser"  # Protego on the first 500 KiB (RFC 9309)

# Politeness: at most 2 requests at a time per site, adaptive delay.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

# Failures: retry 5xx and timeouts a little, never wait forever, never swallow a huge body.
RETRY_ENABLED = True
RETRY_TIMES = 2
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
REDIRECT_MAX_TIMES = 10
# A refresh (<meta http-equiv> or header) under 10 s is a redirect; a slower one is a page that reloads
# itself or sends readers home after a while (Scrapy's 100 s lost such articles): read, its target a link.
METAREFRESH_MAXDELAY = 10
DEPTH_LIMIT = 0  # the spider bounds listing depth itself; article chains may run deep
DNS_TIMEOUT = 20
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
# Our pipelines are synchronous: one item task per response. Scrapy's default (100) starts 100
# asyncio tasks for every response (measured: ~5 ms of reactor CPU per page, bench/pipeline.py).
CONCURRENT_ITEMS = 1
DUPEFILTER_CLASS = "crawler.dupefilter.CountingDupeFilter"  # counts per site what it drops (redirect loops)
SCHEDULER = "crawler.scheduler.JobScheduler"  # its close survives a full disk
# Bounded memory: responses waiting for extraction throttle new downloads. 1 MB still queues ~60
# ordinary pages (far more than the extraction pool takes at once), and each waiting HTML response
# also holds its decoded text (MetaRefreshMiddleware reads it): 8 MB cost ~30 MB of RSS for no speed.
SCRAPER_SLOT_MAX_ACTIVE_SIZE = 1024 * 1024

DOWNLOADER_MIDDLEWARES = {
    # Scrapy's place (100); every request waiting for a host's robots.txt is checked against it
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.robotswait.WaitingRobotsTxtMiddleware": 100,
    "crawler.middlewares.SiteScopeMiddleware": 50,
    "crawler.deadsources.DeadSourceMiddleware": 55,
    "crawler.sitebudget.SiteBudgetMiddleware": 57,  # MALINEWS_MAX_REQUESTS_PER_SITE per run
    # Beside the downloader, before RetryMiddleware (550): it sees every attempt, retries included
    # (counting only final failures, a sitemap's first attempts would all go out before a retry failed).
    "crawler.sitehealth.SiteHealthMiddleware": 560,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.middlewares.PageMetaRefreshMiddleware": 580,  # Scrapy's place; never loses the page it leaves
    "crawler.middlewares.AliasRedirectMiddleware": 600,
    "crawler.gzipcheck.TruncatedStreamMiddleware": 595,  # just before HttpCompressionMiddleware (590)
    "crawler.warc.WarcMiddleware": 950,  # next to the downloader: raw responses; off unless MALINEWS_WARC_DIR
}
SPIDER_MIDDLEWARES = {
    "crawler.sources.SourcesStartMiddleware": 900,  # WP REST API and (backfill) date archives per site
    "crawler.callbackguard.CallbackErrorMiddleware": 950,  # next to the spider: sees its exceptions first
}
ITEM_PIPELINES = {
    "pipelines.filtering.ArticleFilterPipeline": 100,
    "pipelines.datestats.DateCheckPipeline": 200,  # counts date disagreements per site
    "pipelines.storage.StoragePipeline": 800,
}
EXTENSIONS = {
    "crawler.runrecord.RunRecordExtension": 100,  # crawl_runs row + archive lock when run without the CLI
    "crawler.progress.ProgressExtension": 500,
    "crawler.reactorlag.ReactorLagExtension": 510,
    "crawler.crawldelay.CrawlDelayExtension": 520,  # robots.txt Crawl-delay per host, capped
    # spider.state is never used; its pickle in JOBDIR was one more write that tracebacks on a full disk
    "scrapy.extensions.spiderstate.SpiderState": None,
}

# malinews settings (filled by the CLI; `scrapy crawl news -a site=NAME` uses these defaults)
MALINEWS_DB = "malinews.db"
MALINEWS_SITES_FILE = None  # None → crawler/sites.toml
MALINEWS_SINCE = None  # ISO date: skip articles published before it
MALINEWS_MAX_ARTICLES = 0  # per site; 0 = no limit
MALINEWS_LISTING_DEPTH = 2  # homepage → section → subsection; pagination does not count
MALINEWS_MAX_LISTING_PAGES = 2000  # per site, pagination included
MALINEWS_MAX_PAGE_BYTES = 8 * 1024 * 1024  # larger HTML pages are counted and skipped
MALINEWS_MAX_PAGE_TAGS = 500_000  # HTML pages with more `<` are counted and skipped (real ones: at most ~4,000)
MALINEWS_MAX_SITEMAPS = 2000  # per site: sitemap documents followed (an endless chain of distinct ones stops)
MALINEWS_MAX_LINKS_PER_PAGE = 2000  # a page with more links is followed for its first 2000 only (counted)
MALINEWS_MAX_REQUESTS_PER_SITE = 20_000  # per run (a backfill lifts it): an endless chain of pages ends; 0 = no limit
MALINEWS_EXTRACT_WORKERS = 0  # 0 → one per core
MALINEWS_EXTRACT_TIMEOUT = 120
MALINEWS_BATCH_SIZE = 100
MALINEWS_FLUSH_SECONDS = 2.0
MALINEWS_DB_CACHE_MIB = 16  # SQLite page cache of the crawl's writer (`malinews dedupe` uses 64)
MALINEWS_RUN_ID = None
MALINEWS_PROGRESS = False
MALINEWS_WARC_DIR = None  # `crawl --warc DIR`: write every HTTP exchange to WARC/1.1 files there
MALINEWS_WARC_MAX_BYTES = 1_000_000_000  # rotate WARC files at about this size
MALINEWS_BACKFILL = False  # `crawl --backfill`: whole history (WP API pages, pagination to the end, date archives)
MALINEWS_UNTIL = None  # ISO date: skip articles published after it
MALINEWS_DEAD_SOURCE_AFTER = 100  # gone addresses in a row from one sitemap/feed/page that stop it for the run; 0 = never
MALINEWS_CONDITIONAL_GET = True  # sitemaps/feeds kept with their ETag/Last-Modified are asked for with If-None-Match/If-Modified-Since
MALINEWS_REVISIT = 0  # `crawl --revisit N`: per site, fetch again the N archived articles seen longest ago
MALINEWS_RECHECK_GONE = False  # `crawl --recheck-gone`: ask article addresses found gone again now (`archive/gone.py`)
MALINEWS_MAX_CRAWL_DELAY = 30.0  # robots.txt Crawl-delay honoured up to this many seconds; 0 = ignored
MALINEWS_SITE_DOWN_AFTER = 25  # failed attempts in a row (retries count) that set a site aside for the run; 0 = never
MALINEWS_SITE_DOWN_PROBE_SECONDS = 60.0  # a site set aside still gets one request this often
MALINEWS_WP_API = True  # probe /wp-json/wp/v2/posts on every site (quiet when closed)
