"""Shared helpers for the benchmark scripts: the machine description every script prints,
starting and stopping a `streamlit run` server on loopback, reading a process's CPU time and
memory from /proc, and summary statistics. No timed assertions: the scripts only print."""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
BLANK_APP = BENCH / "baseline" / "blank.py"
TRIVIAL_APP = BENCH / "baseline" / "two_page.py"
WIDGETS_APP = BENCH / "baseline" / "widgets.py"  # blank plus the widget kinds Compare uses, no data
APP = ROOT / "app.py"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CLK_TCK = os.sysconf("SC_CLK_TCK")


def machine() -> str:
    """One line describing where the figures were measured."""
    import streamlit

    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{dt.datetime.now().isoformat(timespec='seconds')} · {os.cpu_count()} cores · {mem_kb / 1024 / 1024:.1f} GiB RAM · "
            f"Python {platform.python_version()} · Streamlit {streamlit.__version__} · {platform.platform()} · load avg {load}")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


@dataclass
class Server:
    """A `streamlit run` process on 127.0.0.1 (its own process group), stopped by `stop()`."""

    script: Path
    options: dict[str, str] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    port: int = 0
    process: subprocess.Popen | None = None
    log: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self, timeout: float = 60.0) -> "Server":
        self.port = self.port or free_port()
        command = [sys.executable, "-m", "streamlit", "run", str(self.script),
                   "--server.headless", "true", "--server.port", str(self.port), "--server.address", "127.0.0.1",
                   "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
        for name, value in self.options.items():
            command += [f"--{name}", value]
        handle, name = tempfile.mkstemp(prefix="bench-streamlit-", suffix=".log")
        self.log = Path(name)
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                        start_new_session=True, env={**os.environ, **self.env})
        os.close(handle)
        deadline = time.monotonic() + timeout
        while not healthy(self.url):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"streamlit did not start: {self.log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.2)
        return self

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        except ProcessLookupError:
            pass

    def log_problems(self) -> list[str]:
        text = self.log.read_text(errors="replace") if self.log else ""
        return [line for line in text.splitlines() if any(w in line for w in ("Traceback", "Error", "Exception", "WARNING"))]

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process (all its threads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pct(samples: list[float], q: float) -> float:
    """The q-th percentile (0-100), nearest-rank."""
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.4999)))
    return ordered[rank - 1]


def summary(samples: list[float], unit: str = "ms", scale: float = 1000.0) -> str:
    if not samples:
        return "no samples"
    return (f"median {statistics.median(samples) * scale:.0f} {unit}, p95 {pct(samples, 95) * scale:.0f} {unit}, "
            f"min {min(samples) * scale:.0f}, max {max(samples) * scale:.0f} (n={len(samples)})")


@contextlib.contextmanager
def replicas_behind_nginx(count: int, secret: str, prefix: str):
    """`count` app servers sharing one cookie secret behind a local nginx (deploy/local_nginx.py's config, sticky
    sessions), all on 127.0.0.1. Yields (nginx URL, servers, nginx's folder with access.log); stops everything."""
    from deploy.local_nginx import write_config

    servers = [Server(APP, env={"STREAMLIT_SERVER_COOKIE_SECRET": secret}) for _ in range(count)]
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    tmp.chmod(0o755)
    nginx = None
    try:
        for server in servers:
            server.start()
        port = free_port()
        write_config(tmp, f"127.0.0.1:{port}", [f"127.0.0.1:{s.port}" for s in servers],
                     user="user root;" if os.geteuid() == 0 else "")
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        base = [binary, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")]
        subprocess.run([*base, "-t"], check=True, capture_output=True)
        nginx = subprocess.Popen([*base, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while not healthy(url):
            if time.monotonic() > deadline:
                raise RuntimeError("nginx did not answer")
            time.sleep(0.2)
        yield url, servers, tmp
    finally:
        if nginx is not None and nginx.poll() is None:
            os.killpg(nginx.pid, signal.SIGTERM)
            nginx.wait(timeout=10)
        for server in servers:
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)
