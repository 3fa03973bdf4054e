"""Server processes for the browser tests: a free loopback port, waiting until a server answers
`ok` on /_stcore/health, stopping its whole process group, and the server-log lines that fail a
run. Shared by conftest.py (the app server), the hostile-input, replica and container tests."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

STARTUP_TIMEOUT = 60.0

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
