"""Benchmark: many simulated sessions on loopback, through Streamlit's own WebSocket protocol
(bench/st_client.py), against the trivial two-page baseline app and then this app, in the same run.

Every session opens the app at a random moment within `--open-window` seconds (a class told to
open the link "now"), then changes the proposal selection every ~`--interval` seconds (uniformly
0.5-1.5× the interval) for `--interactions` changes. Bounded: at most `--sessions` sessions, and the
whole load is cancelled after open-window + 1.5 × interactions × interval + 120 s.

Reported per app: errors (exception elements, failed or timed-out runs, closed sockets), open time
(connect + first run) and rerun latency (send -> script_finished) as p50/p95, server CPU per script
run (from /proc), and memory per session ((peak RSS - RSS with one warm session) / sessions).

Run: .venv/bin/python bench/concurrency.py --sessions 30 --interval 5
     .venv/bin/python bench/concurrency.py --sessions 30 --interval 1
     .venv/bin/python bench/concurrency.py --sessions 100 --url http://127.0.0.1:8080 --pids 123,456   (replicas behind a proxy)
Options: --option runner.postScriptGC=false (applied to both apps), --apps app (skip the baseline)."""
from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import APP, TRIVIAL_APP, Server, cpu_seconds, machine, pct, rss_mb  # noqa: E402
from st_client import RerunError, Session  # noqa: E402

LABEL = "Proposals to compare"


def selections(options: list[str], app: str) -> tuple[list[str], list[str]]:
    """Two selections to alternate between: four proposals, then the same four plus one."""
    start = 8 if app == "app" and len(options) >= 13 else 0
    return options[start:start + 4], options[start:start + 5]


async def one_session(url: str, app: str, args, rng: random.Random, result: dict) -> None:
    await asyncio.sleep(rng.uniform(0, args.open_window))
    session = Session(url, timeout=args.timeout)
    try:
        result["opens"].append(await session.open())
        result["runs"] += 1
        small, large = selections(session.widgets[LABEL].options, app)
        for i in range(args.interactions):
            await asyncio.sleep(args.interval * rng.uniform(0.5, 1.5))
            result["latencies"].append(await session.choose(LABEL, large if i % 2 == 0 else small))
            result["runs"] += 1
    except (RerunError, OSError, asyncio.TimeoutError, KeyError) as exc:
        result["errors"].append(f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # noqa: BLE001 - any other failure is an error of this session
        result["errors"].append(f"{type(exc).__name__}: {exc}")
    finally:
        result["bytes"] += session.bytes_received
        result["held"].append(session)


async def load(url: str, app: str, pids: list[int], args) -> dict:
    rng = random.Random(args.seed)
    result = {"opens": [], "latencies": [], "errors": [], "runs": 0, "bytes": 0, "held": [], "rss_peak": 0.0}
    # One warm session first (imports, caches), so RSS0 is "the app running, one user".
    warm = Session(url, timeout=args.timeout)
    await warm.open()
    await warm.choose(LABEL, selections(warm.widgets[LABEL].options, app)[1])
    rss0 = sum(rss_mb(p) for p in pids)
    cpu0 = sum(cpu_seconds(p) for p in pids)
    started = time.perf_counter()
    stop = asyncio.Event()

    async def sample_rss() -> None:
        while not stop.is_set():
            result["rss_peak"] = max(result["rss_peak"], sum(rss_mb(p) for p in pids))
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample_rss())
    tasks = [asyncio.create_task(one_session(url, app, args, rng, result)) for _ in range(args.sessions)]
    budget = args.open_window + 1.5 * args.interactions * args.interval + 120
    done, pending = await asyncio.wait(tasks, timeout=budget)
    for task in pending:
        task.cancel()
        result["errors"].append("cancelled: whole-load time budget exceeded")
    result["wall"] = time.perf_counter() - started
    result["cpu"] = sum(cpu_seconds(p) for p in pids) - cpu0
    stop.set()
    await sampler
    result["rss_peak"] = max(result["rss_peak"], sum(rss_mb(p) for p in pids))
    result["rss0"] = rss0
    result["rss_end"] = sum(rss_mb(p) for p in pids)
    for session in result.pop("held") + [warm]:
        await session.close()
    return result


def report(name: str, r: dict, args) -> None:
    runs = max(r["runs"], 1)
    print(f"--- {name}: {args.sessions} sessions, open within {args.open_window:.0f} s, "
          f"{args.interactions} changes each every ~{args.interval:g} s")
    print(f"  errors: {len(r['errors'])}" + (f"  e.g. {r['errors'][:3]}" if r["errors"] else ""))
    print(f"  open (connect + first run): p50 {statistics.median(r['opens']) * 1000 if r['opens'] else float('nan'):.0f} ms, "
          f"p95 {pct(r['opens'], 95) * 1000:.0f} ms (n={len(r['opens'])})")
    print(f"  rerun latency:              p50 {statistics.median(r['latencies']) * 1000 if r['latencies'] else float('nan'):.0f} ms, "
          f"p95 {pct(r['latencies'], 95) * 1000:.0f} ms, max {max(r['latencies'], default=float('nan')) * 1000:.0f} ms (n={len(r['latencies'])})")
    print(f"  server CPU: {r['cpu']:.1f} s over {r['wall']:.0f} s wall = {r['cpu'] / runs * 1000:.0f} ms per script run ({r['runs']} runs)")
    print(f"  memory: RSS {r['rss0']:.0f} MB with one session, peak {r['rss_peak']:.0f} MB, end {r['rss_end']:.0f} MB "
          f"-> {(r['rss_peak'] - r['rss0']) / args.sessions:.2f} MB per session")
    print(f"  sent to clients: {r['bytes'] / max(len(r['opens']), 1) / 1024:.0f} kB per session")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--interval", type=float, default=5.0)
    parser.add_argument("--interactions", type=int, default=6)
    parser.add_argument("--open-window", type=float, default=30.0)
    parser.add_argument("--timeout", type=float, default=60.0, help="per run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--apps", default="trivial,app", help="which of trivial,app to run (in that order)")
    parser.add_argument("--option", action="append", default=[], help="streamlit config name=value for the servers started here")
    parser.add_argument("--url", help="drive an already running server or proxy (on 127.0.0.1) instead of starting one")
    parser.add_argument("--pids", default="", help="with --url: comma-separated server pids to read CPU and memory from")
    args = parser.parse_args()
    if args.sessions > 200:
        parser.error("at most 200 sessions")
    if args.url and not args.url.startswith(("http://127.0.0.1", "http://localhost")):
        parser.error("loopback only")
    options = dict(o.split("=", 1) for o in args.option)
    print(machine())
    print(f"options: {options or 'as in .streamlit/config.toml'}")
    if args.url:
        pids = [int(p) for p in args.pids.split(",") if p]
        report(f"app at {args.url} ({len(pids)} server process(es))", asyncio.run(load(args.url, "app", pids, args)), args)
        return
    scripts = {"trivial": TRIVIAL_APP, "app": APP}
    for name in args.apps.split(","):
        with Server(scripts[name], options) as server:
            result = asyncio.run(load(server.url, name, [server.pid], args))
            problems = server.log_problems()
        report("trivial two-page app (baseline)" if name == "trivial" else "this app (Compare page)", result, args)
        if problems:
            print(f"  server log: {len(problems)} problem line(s), e.g. {problems[:3]}")


if __name__ == "__main__":
    main()
