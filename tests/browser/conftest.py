"""Fixtures for the browser tests: one real `streamlit run app.py` server and one
headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser) for
the whole module. The server's output goes to tests/artifacts/ and is checked
for tracebacks and warnings at teardown."""
from __future__ import annotations

from pathlib import Path

import pytest

from servers import CHROMIUM, CHROMIUM_ARGS, app_server

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
SERVER_LOG = ARTIFACTS / "streamlit-server.log"
VIEWPORT = {"width": 1600, "height": 1000}


@pytest.fixture(scope="session")
def server() -> str:
    """Base URL of a fresh Streamlit server running the app from the repo root."""
    with app_server(SERVER_LOG) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session. Fails (never skips) if Debian's chromium is missing."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} does not exist: the browser tests need Debian's chromium package "
                    "(apt-get install chromium); the project's test command installs it. "
                    "Do not run `playwright install`.", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def new_page(browser):
    """Factory for fresh pages (each in its own context, so each is a new Streamlit session); optional viewport,
    default timeout in ms, and other browser-context options."""
    contexts = []

    def make(viewport: dict | None = None, timeout: int = 30_000, **options):
        context = browser.new_context(viewport=viewport or VIEWPORT, accept_downloads=True, **options)
        context.set_default_timeout(timeout)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()
