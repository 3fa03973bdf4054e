"""Benchmark: the concurrency load (bench/concurrency.py) through Debian's nginx with the
project's configuration (deploy/nginx/default.conf.template: cookie stickiness, WebSocket
pass-through) in front of N replicas of the app, all on 127.0.0.1. Each simulated session first
GETs the page through nginx and keeps its st_replica cookie, as a browser does. CPU and memory
are summed over the replicas.

Run: .venv/bin/python bench/replicas.py --replicas 2 --sessions 100 --interval 5"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import APP, ROOT, Server, free_port, healthy, machine  # noqa: E402
from concurrency import load, report  # noqa: E402
from st_client import Session  # noqa: E402

sys.path.insert(0, str(ROOT))
from deploy.local_nginx import write_config  # noqa: E402



async def warm(urls: list[str]) -> None:
    for url in urls:
        session = Session(url)
        await session.open()
        await session.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--interval", type=float, default=5.0)
    parser.add_argument("--interactions", type=int, default=6)
    parser.add_argument("--open-window", type=float, default=30.0)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not 1 <= args.replicas <= 4 or args.sessions > 200:
        parser.error("1-4 replicas, at most 200 sessions")
    print(machine())
    secret = {"STREAMLIT_SERVER_COOKIE_SECRET": "bench-replicas-shared-secret"}
    servers = [Server(APP, env=secret) for _ in range(args.replicas)]
    tmp = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
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
        print(f"nginx {url} -> {args.replicas} replicas ({', '.join(str(s.port) for s in servers)})")
        asyncio.run(warm([s.url for s in servers]))  # every replica loaded once, so RSS0 is "warm" on all
        result = asyncio.run(load(url, "app", [s.pid for s in servers], args))
        report(f"{args.replicas} replicas behind nginx", result, args)
        log = (tmp / "access.log").read_text(errors="replace")
        streams = re.findall(r'"GET /_stcore/stream[^"]*" 101 \d+ key=\S+ upstream=(\S+)', log)
        print(f"  WebSocket sessions per replica: " + ", ".join(f"{u}: {streams.count(u)}" for u in sorted(set(streams))))
        for server in servers:
            if server.log_problems():
                print(f"  replica {server.port} log: {server.log_problems()[:3]}")
    finally:
        if nginx is not None and nginx.poll() is None:
            os.killpg(nginx.pid, signal.SIGTERM)
            nginx.wait(timeout=10)
        for server in servers:
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
