"""The loopback test web: fake Malian news sites served from disk for demos and end-to-end tests."""
from __future__ import annotations

from pathlib import Path

from crawler.sampleweb.server import RequestRecord, TestWeb

SAMPLE_SITES = Path(__file__).resolve().parent / "sites"

__all__ = ["SAMPLE_SITES", "RequestRecord", "TestWeb"]
