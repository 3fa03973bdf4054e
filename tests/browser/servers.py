"""Server processes for the browser tests: a free loopback port, waiting until a server answers
`ok` on /_stcore/health, stopping its whole process group, the server-log lines that fail a
run, Debian's Chromium with its flags, and the smoke check of a served app (Compare with the
default proposals, then a chart), and `app_server`, one `streamlit run app.py` on loopback for a test
module or session. Shared by conftest.py (the app server), the hostile-input, live-class, replica,
container and Community Cloud checks."""
from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

STARTUP_TIMEOUT = 60.0
CHROMIUM = Path("/usr/bin/chromium")  # Debian's; never a downloaded browser
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# Lines in the server log that fail the run. Streamlit's log format is "<date> <time> <message>", without
# the level, so a deprecated parameter shows up only as e.g. "Please replace `use_container_width` with
# `width`." / "`use_container_width` will be removed after 2025-12-31." (and nothing in the browser); an
# uncaught exception in the script logs "Uncaught app execution" and a "Traceback". A clean run logs only
# the start-up banner, "Stopping..." and (sometimes) WebSocket connection lines.
BAD_LOG_LINE = re.compile(
    r"Traceback|Uncaught|Exception|\b(WARNING|ERROR|CRITICAL)\b|deprecat|will be removed|Please replace",
    re.IGNORECASE,
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    """Whether the server at `url` (a Streamlit app, or nginx in front of one) answers `ok` on its health probe."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def wait_healthy(url: str, process: subprocess.Popen, log: Path, timeout: float = STARTUP_TIMEOUT) -> None:
    """Wait until `url` is healthy; fail with the end of `log` if `process` exits first or time runs out."""
    deadline = time.monotonic() + timeout
    while not healthy(url):
        if process.poll() is not None:
            pytest.fail(f"{Path(str(process.args[0])).name} exited with code {process.returncode} before "
                        f"{url}/_stcore/health said ok:\n{log.read_text(encoding='utf-8', errors='replace')[-8000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"{url}/_stcore/health did not say ok within {timeout:.0f} s:\n"
                        f"{log.read_text(encoding='utf-8', errors='replace')[-8000:]}")
        time.sleep(0.3)


def stop(process: subprocess.Popen) -> None:
    """SIGTERM the process's whole group (streamlit: clean stop; nginx: fast shutdown), then SIGKILL."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def bad_log_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if BAD_LOG_LINE.search(line)]


@contextlib.contextmanager
def app_server(log_path: Path, env: dict[str, str] | None = None):
    """`streamlit run app.py` from the repository root on a free loopback port, with `env` added to the
    environment and its output in `log_path`; yields the base URL once healthy, stops the server after, then fails
    if its log has tracebacks or warnings."""
    root = Path(__file__).resolve().parents[2]
    log_path.parent.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(command, cwd=root, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True, env={**os.environ, **(env or {})})
        try:
            wait_healthy(url, process, log_path)
            yield url
        finally:
            stop(process)
    text = log_path.read_text(encoding="utf-8", errors="replace")
    bad = bad_log_lines(text)
    if bad:
        pytest.fail(f"the streamlit server log ({log_path.name}) has tracebacks or warnings:\n"
                    + "\n".join(bad[:40]) + f"\n--- end of the log ---\n{text[-8000:]}")


def render_compare_and_a_chart(url: str, screenshots: Path | None = None, said=lambda what: None) -> None:
    """In a Chromium of its own: Compare renders with the default proposals as columns, then a chart draws on Charts,
    with no exception on either page (AssertionError otherwise). `said(what)` reports each step that passed."""
    from playwright.sync_api import sync_playwright
    from test_pages import CORE, MATRIX, matrix_header, open_page, short_name

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
            page.set_default_timeout(60_000)
            open_page(page, f"{url}/compare")
            assert page.locator(MATRIX).count() == 1, "Compare shows no matrix"
            assert sorted(matrix_header(page)) == sorted(short_name(p) for p in CORE), "Compare's columns are not the default proposals"
            if screenshots:
                page.screenshot(path=str(screenshots / "compare.png"))
            said("Compare renders in Chromium, no exception, the default proposals as columns")
            open_page(page, f"{url}/charts", charts=1)
            if screenshots:
                page.screenshot(path=str(screenshots / "charts.png"))
            said("a chart draws on Charts in Chromium, no exception")
        finally:
            browser.close()
