"""A real browser on `malinews serve`: search "Goita", read the Goïta article, narrow with a facet.

Headless Debian chromium + chromium-driver, driven by selenium. Screenshots go to a temp directory
(printed; `MALINEWS_SCREENSHOTS=DIR` chooses it). Skipped without chromium, except in CI (CI set).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, cli_env
from sample_archive import GOITA_PARAGRAPHS, GOITA_TITLE, build_sample_archive

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
CHROME_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000")


def _require_browser() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    if not missing:
        return
    reason = f"{', '.join(missing)} not installed (apt-get install -y chromium chromium-driver)"
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the browser test: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`malinews serve` on a fresh sample archive; yields the articles table URL."""
    _require_browser()
    db = tmp_path_factory.mktemp("browser") / "malinews.db"
    build_sample_archive(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "archive", "serve", "--db", str(db), "--port", str(port)],
                            cwd=REPO, env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("malinews serve did not answer within 30 s")
        yield base + "/malinews/articles"
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def shots() -> Path:
    """Where screenshots go (kept after the run, as CI artifacts)."""
    path = Path(os.environ.get("MALINEWS_SCREENSHOTS") or tempfile.mkdtemp(prefix="malinews-browser-"))
    path.mkdir(parents=True, exist_ok=True)
    print(f"\nbrowser screenshots: {path}")
    return path


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="malinews-chromium-")
    for flag in (*CHROME_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _site_facet(driver: Any, url: str) -> Any:
    """The outlet facet of the articles page. A facet that ran past datasette's facet time limit
    (a CI machine busy with other jobs) is left out of that one page: reload, up to three times."""
    from selenium.webdriver.common.by import By

    for _ in range(3):
        driver.get(url)
        found = driver.find_elements(By.CSS_SELECTOR, '.facet-info[data-column="site"]')
        if found:
            return found[0]
        time.sleep(1)
    raise AssertionError(f"no outlet facet on {url}: {driver.page_source[:2000]}")


def _rows(driver: Any) -> list[dict[str, str]]:
    from selenium.webdriver.common.by import By

    return [{td.get_attribute("class").split()[0].removeprefix("col-"): td.text
             for td in tr.find_elements(By.CSS_SELECTOR, "td")}
            for tr in driver.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")]


def test_search_read_and_facet(server: str, browser: Any, shots: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(server)
    browser.save_screenshot(str(shots / "1-articles.png"))
    all_rows = _rows(browser)
    assert len(all_rows) == 8, all_rows

    box = browser.find_element(By.CSS_SELECTOR, 'input[name="_search"]')
    box.send_keys("Goita", Keys.RETURN)
    time.sleep(0.3)
    assert "_search=Goita" in browser.current_url
    found = _rows(browser)
    browser.save_screenshot(str(shots / "2-search-goita.png"))
    assert len(found) == 3 and all("Goïta" in r["title"] for r in found), found

    essor = next(r for r in found if r["site"] == "essor")
    browser.find_element(By.LINK_TEXT, essor["id"]).click()
    time.sleep(0.3)
    browser.save_screenshot(str(shots / "3-article.png"))
    assert browser.find_element(By.CSS_SELECTOR, ".mn-article h1").text == GOITA_TITLE
    paragraphs = [p.text for p in browser.find_elements(By.CSS_SELECTOR, ".mn-body p")]
    assert paragraphs == GOITA_PARAGRAPHS
    original = browser.find_element(By.CSS_SELECTOR, "a.mn-original")
    assert original.get_attribute("href") == "https://essor.example.ml/goita-chefs-traditionnels/"
    copies = browser.find_element(By.CSS_SELECTOR, "table.mn-copies").text
    assert "maliweb" in copies and "malijet" in copies

    facet = _site_facet(browser, server)
    facet.find_element(By.PARTIAL_LINK_TEXT, "studiotamani").click()
    time.sleep(0.3)
    browser.save_screenshot(str(shots / "4-facet-studiotamani.png"))
    narrowed = _rows(browser)
    assert "site=studiotamani" in browser.current_url
    assert 0 < len(narrowed) < len(all_rows) and {r["site"] for r in narrowed} == {"studiotamani"}
    assert all((shots / name).stat().st_size > 5_000 for name in
               ("1-articles.png", "2-search-goita.png", "3-article.png", "4-facet-studiotamani.png"))
