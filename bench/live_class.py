"""Benchmark: live classes over Streamlit's own WebSocket protocol (as bench/concurrency.py), on 127.0.0.1 only.

Per room: a teacher's projector window opens present mode and presses "Start a class"; the presenter window
(opened with the link the projector shows, teacher key included) is the teacher; `--phones` phones open the
join link one after another over `--join-seconds` (students scanning the QR code; 0: all at once) and follow
it as a browser does: the page opens in one run, then the follow fragment reruns on a fixed-interval timer
started when the page opened (Streamlit's frontend uses setInterval), so phones that joined at different
moments do not rerun together. The presenter presses Next `--moves` times, each room at its own pace (gaps of
0.5-1.5 × `--gap` s). Before the rooms start, the server draws one chart image with a selection no room uses:
a fresh process launches Chromium for its first image (kaleido), once per process, not per class.

Reported: slide-change latency (Next pressed -> each phone's first delta showing the new slide) p50/p95/max and
how much of it was the phone's own run; rerun latency of every session (send -> script_finished: fragment
reruns, button reruns) overall, while phones join, once every phone is in, and per window; errors; server CPU
and memory. By default the server runs on the first core and this load generator on the others (`--no-pin`:
shared). `--floor N` measures instead N sessions of bench/baseline/fragment_floor.py: Streamlit's own cost of
a periodic check, without this app. With `--replicas 2` the app runs as N processes behind Debian's nginx with
the project's template (deploy/nginx/default.conf.template) and each phone's page load carries the join link's
`via=`, so the report also shows which replica served each room's sessions.

Bounded: at most 20 rooms × 60 phones; every wait has a timeout and the whole run stops by itself.
Run: .venv/bin/python bench/live_class.py --rooms 1 --phones 30
     .venv/bin/python bench/live_class.py --rooms 10 --phones 30 --moves 6
     .venv/bin/python bench/live_class.py --floor 320
     .venv/bin/python bench/live_class.py --rooms 2 --phones 10 --replicas 2"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import APP, BENCH, ROOT, Server, cpu_seconds, machine, pct, replicas_behind_nginx, rss_mb  # noqa: E402

from live_client import Client  # noqa: E402

sys.path.insert(0, str(ROOT))

FLOOR_APP = BENCH / "baseline" / "fragment_floor.py"
WARM_SELECTION = "proposals=china-12-point-position-2023,burgenstock-communique-2024&areas=territory,military_limits"
SELECTION = "proposals=us-28-point-draft,ukraine-position,russia-position,defp-armed-neutrality&areas=territory,military_limits,security_guarantees,alliances"
CODE = re.compile(r'data-live-code="([A-Z2-9]{6})"')


async def one_room(base: str, args, index: int, result: dict) -> None:
    rng = random.Random(index)  # each room keeps its own pace, as ten classes do; the same pace every run
    await asyncio.sleep(rng.uniform(0, args.gap))
    projector = Client(base, "", f"mode=present&{SELECTION}")
    projector.cookie = args.teacher_cookies[index] if index < len(args.teacher_cookies) else ""
    await projector.open()
    await projector.run(button="Start a class")
    code = next((m for body in reversed(projector.html) for m in CODE.findall(body)), None)
    presenter_url = projector.links.get("Presenter view", "")
    if not code or "key=" not in presenter_url:
        result["errors"].append(f"room {index}: no class started ({projector.errors[:2]})")
        await projector.close()
        return
    parts = urllib.parse.urlsplit(presenter_url)
    presenter = Client(base, "class", parts.query)
    await presenter.open()
    via = dict(urllib.parse.parse_qsl(parts.query)).get("via")
    phone_query = f"join={code}" + (f"&via={via}" if via else "")
    phones = [Client(base, "class", phone_query) for _ in range(args.phones)]
    stop = asyncio.Event()
    tasks = [asyncio.create_task(c.follow(stop)) for c in [projector, presenter]]

    async def arrive(phone: Client, after: float) -> None:
        await asyncio.sleep(after)
        await phone.open()
        tasks.append(asyncio.create_task(phone.follow(stop)))

    # Students scan the QR code over `--join-seconds` (0: all at the same instant, the worst case).
    await asyncio.gather(*(arrive(p, args.join_seconds * i / max(len(phones), 1)) for i, p in enumerate(phones)))
    result["joined"].append(time.perf_counter())
    await asyncio.sleep(args.gap)
    for move in range(args.moves):
        target = move + 2
        pressed = time.perf_counter()
        await presenter.run(button="Next")
        deadline = pressed + 10
        while time.perf_counter() < deadline and not all(target in p.seen for p in phones):
            await asyncio.sleep(0.05)
        for p in phones:
            result["slide"].append(p.seen[target] - pressed if target in p.seen else float("inf"))
            if target in p.seen_wait:
                result["slide_run"].append(p.seen_wait[target])
            if target not in p.seen:
                result["errors"].append(f"room {index}: a phone never showed slide {target}")
        await asyncio.sleep(args.gap * rng.uniform(0.5, 1.5))
    stop.set()
    await asyncio.gather(*tasks)
    for kind, c in [("projector", projector), ("presenter", presenter), *(("phone", p) for p in phones)]:
        result["reruns"] += c.reruns
        result["reruns_at"] += c.reruns_at
        result["by_kind"].setdefault(kind, []).extend(c.reruns)
        result["errors"] += c.errors
        result["cookies"].append((index, c.cookie))
        await c.close()
    result["rooms"] += 1


async def load(base: str, pids: list[int], args) -> dict:
    result = {"slide": [], "slide_run": [], "reruns": [], "reruns_at": [], "joined": [], "by_kind": {}, "errors": [], "rooms": 0, "cookies": []}
    warm = Client(base, "class", "")
    await warm.open()
    await warm.close()
    # A fresh process launches Chromium for its first chart image (kaleido), a few seconds in which every session of
    # the process waits. That happens once per process, not per class: start it here, with a selection no room uses
    # (so the rooms' own chart slides are still built during the run).
    chart = Client(base, "", f"mode=present&{WARM_SELECTION}")
    await chart.open()
    for _ in range(16):  # through the whole deck: its chart slides are drawn as images
        await chart.run(button="Next")
    await chart.close()
    rss0, cpu0, started = sum(map(rss_mb, pids)), sum(map(cpu_seconds, pids)), time.perf_counter()
    client0 = time.process_time()
    peak = [rss0]

    async def sample() -> None:
        while True:
            peak[0] = max(peak[0], sum(map(rss_mb, pids)))
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample())
    budget = 60 + args.join_seconds + args.moves * args.gap * 2 + 30 * args.rooms
    rooms = [asyncio.create_task(one_room(base, args, i, result)) for i in range(args.rooms)]
    done, pending = await asyncio.wait(rooms, timeout=budget)
    for task in pending:
        task.cancel()
        result["errors"].append("cancelled: time budget exceeded")
    for task in done:
        if task.exception():
            result["errors"].append(f"room failed: {task.exception()!r}")
    sampler.cancel()
    result.update(client_cpu=time.process_time() - client0, wall=time.perf_counter() - started, cpu=sum(map(cpu_seconds, pids)) - cpu0, rss0=rss0, peak=peak[0])
    return result


def ms(samples: list[float], q: float) -> str:
    finite = [s for s in samples if s != float("inf")]
    if not finite:
        return "n/a"
    return f"{(statistics.median(finite) if q == 50 else pct(samples, q)) * 1000:.0f} ms"


def report(r: dict, args, label: str) -> None:
    sessions = args.rooms * (args.phones + 2)
    print(f"--- {label}: {args.rooms} room(s) × (1 projector + 1 presenter + {args.phones} phones) = {sessions} sessions, "
          f"{args.moves} moves per room, phones joining over {args.join_seconds:g} s")
    print(f"  rooms run: {r['rooms']}, errors: {len(r['errors'])}" + (f"  e.g. {r['errors'][:3]}" if r["errors"] else ""))
    print(f"  slide change -> phone: p50 {ms(r['slide'], 50)}, p95 {ms(r['slide'], 95)}, "
          f"max {max(r['slide'], default=0) * 1000:.0f} ms (n={len(r['slide'])}; target p95 <= 1 s)")
    print(f"  ... of which the phone's run that showed it (from its own request): p50 {ms(r['slide_run'], 50)}, "
          f"p95 {ms(r['slide_run'], 95)}; the rest is waiting for the phone's next check (at most the interval)")
    print(f"  rerun (every session, fragment and button runs): p50 {ms(r['reruns'], 50)}, p95 {ms(r['reruns'], 95)}, "
          f"max {max(r['reruns'], default=0) * 1000:.0f} ms (n={len(r['reruns'])}; target p95 <= 300 ms)")
    everyone_in = max(r["joined"], default=0.0)
    steady = [took for took, at in zip(r["reruns"], r["reruns_at"]) if at > everyone_in]
    joining = [took for took, at in zip(r["reruns"], r["reruns_at"]) if at <= everyone_in]
    print(f"  rerun while phones join: p50 {ms(joining, 50)}, p95 {ms(joining, 95)} (n={len(joining)}); "
          f"once every phone is in: p50 {ms(steady, 50)}, p95 {ms(steady, 95)}, max {max(steady, default=0) * 1000:.0f} ms (n={len(steady)})")
    print("  rerun by window: " + "; ".join(f"{kind} p50 {ms(runs, 50)}, p95 {ms(runs, 95)}, max {max(runs, default=0) * 1000:.0f} ms (n={len(runs)})"
                                         for kind, runs in r["by_kind"].items()))
    print(f"  server CPU: {r['cpu']:.1f} s over {r['wall']:.0f} s wall ({r['cpu'] / max(r['wall'], 1e-9) * 100:.0f} % of one core), "
          f"{r['cpu'] / max(len(r['reruns']), 1) * 1000:.1f} ms per run; this client (same machine): {r['client_cpu']:.1f} s")
    print(f"  memory: RSS {r['rss0']:.0f} MB warm, peak {r['peak']:.0f} MB -> {(r['peak'] - r['rss0']) / sessions:.2f} MB per session")


def teacher_cookies(url: str, log: Path, replicas: list[str], rooms: int) -> list[str]:
    """One st_replica cookie per room, room i's on replica i mod N (read from nginx's log), so the rooms' teachers,
    and with them their phones, are spread over every replica."""
    cookies: list[str] = []
    for _ in range(40 * rooms):
        if len(cookies) == rooms:
            break
        with urllib.request.urlopen(f"{url}/", timeout=30) as response:
            response.read()
            value = (response.headers.get("Set-Cookie") or "").split(";")[0]
        key = value.split("=", 1)[1]
        time.sleep(0.1)
        found = re.findall(rf"key={key} upstream=(\S+)", log.read_text(errors="replace"))
        if found and found[0] == replicas[len(cookies) % len(replicas)]:
            cookies.append(value)
    return cookies


def with_nginx(args) -> None:
    with replicas_behind_nginx(args.replicas, "bench-live-class-shared-secret", "bench-live-nginx-") as (url, servers, tmp):
        args.teacher_cookies = teacher_cookies(url, tmp / "access.log", [f"127.0.0.1:{s.port}" for s in servers], args.rooms)
        result = asyncio.run(load(url, [s.pid for s in servers], args))
        report(result, args, f"{args.replicas} replicas behind nginx")
        log = (tmp / "access.log").read_text(errors="replace")
        streams = re.findall(r'"GET /_stcore/stream[^"]*" 101 \d+ key=(\S+) upstream=(\S+)', log)
        upstream_of = dict(streams)
        per_room: dict[int, set[str]] = {}
        for room, cookie in result["cookies"]:
            key = cookie.split("st_replica=")[-1].split(";")[0] if "st_replica=" in cookie else ""
            per_room.setdefault(room, set()).add(upstream_of.get(key, "?"))
        print("  replicas per room (every session of a room should share one): "
              + ", ".join(f"room {r}: {sorted(u)}" for r, u in sorted(per_room.items())))
        print("  WebSocket sessions per replica: "
              + ", ".join(f"{u}: {sum(1 for _, x in streams if x == u)}" for u in sorted({x for _, x in streams})))


async def floor(base: str, pid: int, args) -> dict:
    """N sessions of bench/baseline/fragment_floor.py, joining over --join-seconds, each rerunning its fragment on
    the browser's timer for --floor-seconds: what Streamlit itself costs per check, without this app."""
    sessions = [Client(base, "", "") for _ in range(args.floor)]
    stop = asyncio.Event()
    tasks: list[asyncio.Task] = []

    async def arrive(session: Client, after: float) -> None:
        await asyncio.sleep(after)
        await session.open()
        tasks.append(asyncio.create_task(session.follow(stop)))

    await asyncio.gather(*(arrive(c, args.join_seconds * i / args.floor) for i, c in enumerate(sessions)))
    for c in sessions:
        c.reruns.clear()
    cpu0, started = cpu_seconds(pid), time.perf_counter()
    await asyncio.sleep(args.floor_seconds)
    stop.set()
    await asyncio.gather(*tasks)
    cpu, wall = cpu_seconds(pid) - cpu0, time.perf_counter() - started
    runs = [r for c in sessions for r in c.reruns]
    errors = [e for c in sessions for e in c.errors]
    for c in sessions:
        await c.close()
    return {"runs": runs, "cpu": cpu, "wall": wall, "errors": errors}


def report_floor(r: dict, args) -> None:
    n = max(len(r["runs"]), 1)
    print(f"--- floor: {args.floor} sessions of bench/baseline/fragment_floor.py (one fragment, one small element, "
          f"run_every 0.8 s), {args.floor_seconds:g} s")
    print(f"  runs: {len(r['runs'])} ({len(r['runs']) / r['wall']:.0f} a second), errors: {len(r['errors'])}")
    print(f"  rerun: p50 {ms(r['runs'], 50)}, p95 {ms(r['runs'], 95)}, max {max(r['runs'], default=0) * 1000:.0f} ms")
    print(f"  server CPU: {r['cpu'] / r['wall'] * 100:.0f} % of one core, {r['cpu'] / n * 1000:.2f} ms per run")


@contextlib.contextmanager
def pinned_server(app: Path, pin: bool):
    """A Server for `app`, on the first core with this load generator on the others when `pin` and there are two or
    more cores (the server inherits the affinity it is started with); yields (server, how the cores were shared)."""
    cores = sorted(os.sched_getaffinity(0))
    pinned = pin and len(cores) >= 2
    if pinned:
        os.sched_setaffinity(0, {cores[0]})
    with Server(app) as server:
        if pinned:
            os.sched_setaffinity(0, set(cores[1:]))
        yield server, (f" on core {cores[0]}, load generator on core(s) {cores[1:]}" if pinned
                       else ", cores shared with the load generator")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rooms", type=int, default=1)
    parser.add_argument("--phones", type=int, default=30)
    parser.add_argument("--moves", type=int, default=8)
    parser.add_argument("--gap", type=float, default=3.0, help="seconds between the presenter's moves")
    parser.add_argument("--join-seconds", type=float, default=15.0,
                        help="phones join one after another over this many seconds (0: all at once)")
    parser.add_argument("--no-pin", dest="pin", action="store_false",
                        help="let the server and this load generator share every core (default: one core for the server, "
                             "the rest for the load generator, so the generator's own work does not count against the server)")
    parser.add_argument("--floor", type=int, default=0, metavar="N",
                        help="instead of the app: N sessions of bench/baseline/fragment_floor.py (Streamlit's own cost per check)")
    parser.add_argument("--floor-seconds", type=float, default=30.0)
    parser.add_argument("--replicas", type=int, default=0, help="0: one process, no proxy; 2-4: replicas behind nginx")
    args = parser.parse_args()
    args.teacher_cookies = []
    if not (1 <= args.rooms <= 20 and 1 <= args.phones <= 60 and 1 <= args.moves <= 30 and args.replicas in (0, 1, 2, 3, 4)
            and 0 <= args.floor <= 1200 and 1 <= args.floor_seconds <= 300):
        parser.error("1-20 rooms, 1-60 phones, 1-30 moves, 0-4 replicas, 0-1200 floor sessions for 1-300 s")
    print(machine())
    if args.replicas and not args.floor:
        with_nginx(args)
        return
    with pinned_server(FLOOR_APP if args.floor else APP, args.pin) as (server, where):
        if args.floor:
            report_floor(asyncio.run(floor(server.url, server.pid, args)), args)
            return
        result = asyncio.run(load(server.url, [server.pid], args))
        problems = server.log_problems()
    report(result, args, f"one process{where}")
    if problems:
        print(f"  server log: {len(problems)} problem line(s), e.g. {problems[:3]}")


if __name__ == "__main__":
    main()
