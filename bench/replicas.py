"""Benchmark: the concurrency load (bench/concurrency.py) through Debian's nginx with the
project's configuration (deploy/nginx/default.conf.template: cookie stickiness, WebSocket
pass-through) in front of N replicas of the app, all on 127.0.0.1. Each simulated session first
GETs the page through nginx and keeps its st_replica cookie, as a browser does. CPU and memory
are summed over the replicas.

Run: .venv/bin/python bench/replicas.py --replicas 2 --sessions 100 --interval 5"""
from __future__ import annotations

import argparse
import asyncio
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import ROOT, machine, replicas_behind_nginx  # noqa: E402
from concurrency import load, report  # noqa: E402
from st_client import Session  # noqa: E402

sys.path.insert(0, str(ROOT))  # deploy.local_nginx, used by replicas_behind_nginx


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
    with replicas_behind_nginx(args.replicas, "bench-replicas-shared-secret", "bench-nginx-") as (url, servers, tmp):
        print(f"nginx {url} -> {args.replicas} replicas ({', '.join(str(s.port) for s in servers)})")
        asyncio.run(warm([s.url for s in servers]))  # every replica loaded once, so RSS0 is "warm" on all
        result = asyncio.run(load(url, "app", [s.pid for s in servers], args))
        report(f"{args.replicas} replicas behind nginx", result, args)
        log = (tmp / "access.log").read_text(errors="replace")
        streams = re.findall(r'"GET /_stcore/stream[^"]*" 101 \d+ key=\S+ upstream=(\S+)', log)
        print("  WebSocket sessions per replica: " + ", ".join(f"{u}: {streams.count(u)}" for u in sorted(set(streams))))
        for server in servers:
            if server.log_problems():
                print(f"  replica {server.port} log: {server.log_problems()[:3]}")


if __name__ == "__main__":
    main()
