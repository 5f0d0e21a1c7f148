"""URL canonicalisation: one spelling per article (tracking, AMP and fragment variants folded)."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from courlan import normalize_url

# Query parameters that never change the page a reader sees.
TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|ref|ref_src|"
    r"amp|noamp|outputType|doing_wp_cron|share|replytocom|at_medium|at_campaign|xtor|s_cid|"
    r"__twitter_impression|wt_mc|ncid|cmpid|spm|"
    r"phpsessid|jsessionid|sessionid|session_id|oscsid|zenid|cfid|cftoken)$",  # session ids
    re.I,
)
# A session id in a path parameter (Java's `;jsessionid=…`, PHP's trans-sid): one more spelling of the
# same page per visitor. A bare `sid` is left alone: PHP-Nuke and its kin number their stories with it.
SESSION_PATH_PARAM = re.compile(r";(?:jsessionid|phpsessid|sessionid)=[^/?#;]*", re.I)
AMP_PATH = re.compile(r"/amp/?$|/amp\.html$", re.I)


def canonicalize_url(url: str, primary_host: str | None = None, primary_scheme: str | None = None) -> str:
    """Return the canonical spelling of `url`.

    Lower-cases scheme and host, drops the default port, the fragment, tracking parameters
    (`utm_*`, `fbclid`, …) and AMP markers (`?amp=1`, `/amp/`), sorts the query, and, when
    `primary_host` (and `primary_scheme`) are given, rewrites a mirror, www/bare or http/https
    spelling of the site to its primary one. Session ids (`?PHPSESSID=`, `;jsessionid=`) are
    dropped like tracking parameters: a site that puts one in every link would otherwise be
    crawled, and archived, once per session.
    """
    url = url.strip()
    if ";" in url:
        url = SESSION_PATH_PARAM.sub("", url)
    try:
        normalized = normalize_url(url, strict=False)
    except (ValueError, TypeError):
        normalized = url
    try:
        parts = urlsplit(normalized)
    except ValueError:  # an unreadable host ("http://[::1"): nothing to canonicalise
        return url
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)]
    path = AMP_PATH.sub("/", parts.path) or "/"
    netloc = parts.netloc.lower()
    if primary_host:
        netloc = primary_host
    return urlunsplit(((primary_scheme or parts.scheme).lower(), netloc, path, urlencode(sorted(query)), ""))


def is_http_url(url: str) -> bool:
    """True for absolute http(s) URLs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)
