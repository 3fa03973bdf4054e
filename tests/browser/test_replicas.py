"""Two replicas of the app behind Debian's nginx with the project's own configuration
(deploy/nginx/default.conf.template), all on loopback.

The test starts two `streamlit run app.py` processes (same cookie secret, as in
deploy/compose.yaml) and one nginx as a non-daemon with its prefix, pid, logs and temp
files in a temporary folder. Then several browser sessions (separate contexts, so
separate Streamlit sessions, all from 127.0.0.1) go through the proxy: each opens the
Compare page, switches "only differences" on, reruns, checks the switch and the filtered
matrix are still there, and downloads the tidy CSV (a file that lives in one replica's
memory under /media/).

What shows the sessions stayed where they started is nginx's access log, which records
the sticky key and the replica (upstream address) of every request: every session's
requests, its WebSocket included, went to one replica; each session opened exactly one
WebSocket (never reconnected, so never re-created elsewhere); and both replicas served
sessions. The URL mirrors the view too, so the switch surviving a rerun alone would not
prove the session was kept.

Stickiness is by a cookie nginx sets (st_replica), so that it works from one address,
as a class behind a school's NAT does. Which replica a new cookie lands on is random; to
put sessions on both replicas every time, the test first asks nginx for a few cookies
with plain HTTP requests, reads from the log which replica each maps to, and gives two
of each to browser contexts. One more context starts with no cookie and gets its own
from nginx.

The same two replicas then hold two live classes, one teacher on each, with each class's
phones arriving on both replicas: the join link's `via=` must bring every phone to its
teacher's replica (test_live_class_rooms_stay_on_their_teachers_replica).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

import pytest
from playwright.sync_api import expect

from deploy.local_nginx import write_config
from servers import bad_log_lines, free_port, stop, wait_healthy
from test_pages import ONLY_DIFF_LABEL, VIEWPORT, matrix_areas, wait_rendered

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts" / "replicas"
COOKIE = "st_replica"
SECRET = "replica-test-shared-cookie-secret"  # same in both replicas, like STREAMLIT_COOKIE_SECRET in compose
SESSIONS_PER_REPLICA = 2
# Five sessions render at once on two cores: generous limits, so that a busy machine is slow, not failing.
STEP_TIMEOUT_MS = 90_000
LOG_LINE = re.compile(r'"(?P<method>[A-Z]+) (?P<path>\S+) [^"]*" (?P<status>\d{3}) \d+ key=(?P<key>\S+) upstream=(?P<upstream>\S+)')


def get(url: str, cookie: str | None = None, timeout: float = 15.0):
    request = urllib.request.Request(url, headers={"Cookie": f"{COOKIE}={cookie}"} if cookie else {})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, response.headers, response.read()


def access_log(path: Path) -> list[dict[str, str]]:
    return [m.groupdict() for m in map(LOG_LINE.search, path.read_text(errors="replace").splitlines()) if m]


def logged(path: Path, key: str, count: int, timeout: float = 5.0) -> list[dict[str, str]]:
    """The log entries of `key` once there are `count` (nginx logs a request just after answering it)."""
    deadline = time.monotonic() + timeout
    while True:
        entries = [e for e in access_log(path) if e["key"] == key]
        if len(entries) >= count or time.monotonic() > deadline:
            return entries
        time.sleep(0.05)


@pytest.fixture(scope="module")
def proxy():
    """Two app replicas and nginx in front of them; yields (nginx URL, replica addresses, access log path)."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.fail("nginx is missing: the replica test needs Debian's nginx package (apt-get install nginx); "
                    "`bash scripts/setup.sh test` installs it.", pytrace=False)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # Not under pytest's tmp_path: nginx's workers (user nobody when the master is root) must reach it.
    tmp = Path(tempfile.mkdtemp(prefix="replica-test-"))
    tmp.chmod(0o755)
    processes: list[subprocess.Popen] = []
    logs: list[Path] = []
    try:
        replicas = []
        for index in (1, 2):
            port = free_port()
            log = ARTIFACTS / f"replica-{index}.log"
            command = [sys.executable, "-m", "streamlit", "run", "app.py",
                       "--server.port", str(port), "--server.headless", "true", "--server.address", "127.0.0.1",
                       "--browser.gatherUsageStats", "false"]
            # Streamlit refuses the secret as a CLI flag; the environment variable is what compose sets too.
            env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": SECRET}
            processes.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
                                              stdin=subprocess.DEVNULL, start_new_session=True))
            logs.append(log)
            replicas.append(f"127.0.0.1:{port}")

        nginx_port = free_port()
        write_config(tmp, f"127.0.0.1:{nginx_port}", replicas, server_options="max_fails=3 fail_timeout=10s")
        nginx_log = ARTIFACTS / "nginx.log"
        base = [nginx, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")]
        test = subprocess.run([*base, "-t"], capture_output=True, text=True)
        assert test.returncode == 0, f"nginx -t rejected the configuration:\n{test.stderr}"
        processes.append(subprocess.Popen([*base, "-g", "daemon off;"], stdout=nginx_log.open("w"),
                                          stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True))
        for (process, log), address in zip(zip(processes, logs), replicas):
            wait_healthy(f"http://{address}", process, log)
        url = f"http://127.0.0.1:{nginx_port}"
        wait_healthy(url, processes[-1], nginx_log)
        yield url, replicas, tmp / "access.log"
    finally:
        for process in processes:
            stop(process)
        for name in ("access.log", "error.log"):
            if (tmp / name).exists():
                shutil.copy(tmp / name, ARTIFACTS / f"nginx-{name}")
        shutil.rmtree(tmp, ignore_errors=True)
    bad = {log.name: bad_log_lines(log.read_text(errors="replace")) for log in logs}
    bad = {name: lines for name, lines in bad.items() if lines}
    assert not bad, f"tracebacks or warnings in the replicas' logs (tests/artifacts/replicas/): {bad}"


def keys_per_replica(url: str, log: Path, replicas: list[str], wanted: int) -> dict[str, list[str]]:
    """Ask nginx for new sticky cookies until `wanted` of them map to each replica."""
    found: dict[str, list[str]] = defaultdict(list)
    for _ in range(60):
        _, headers, _ = get(f"{url}/")
        cookie = headers.get("Set-Cookie", "")
        assert cookie.startswith(f"{COOKIE}=") and "HttpOnly" in cookie, f"nginx set no sticky cookie: {cookie!r}"
        key = cookie.split(";")[0].split("=", 1)[1]
        first = logged(log, key, 1)
        assert first and first[0]["upstream"] in replicas, f"the access log has no replica for key {key}: {first}"
        upstream = first[0]["upstream"]
        # Once a browser holds the cookie nginx sends it back unchanged, and the key keeps its replica.
        for _ in range(3):
            _, again, _ = get(f"{url}/", cookie=key)
            assert again.get("Set-Cookie") is None, "nginx replaced a sticky cookie the browser already had"
        assert {e["upstream"] for e in logged(log, key, 4)} == {upstream}, key
        if len(found[upstream]) < wanted:
            found[upstream].append(key)
        if all(len(found[r]) >= wanted for r in replicas):
            return found
    pytest.fail(f"60 new sessions did not reach both replicas: {dict(found)}")


class Session:
    """One browser session's steps: open Compare, switch "only differences" on, rerun, check the
    view held, download the tidy CSV. Each step is started on every session before any is waited
    for, so the sessions run side by side as a class's would."""

    def __init__(self, context, url: str):
        self.page = context.new_page()
        self.url = url
        self.sent: list[int] = []  # frames the browser sent on its WebSocket(s)
        self.page.on("websocket", lambda ws: ws.on("framesent", lambda payload: self.sent.append(len(payload))))
        self.switch = self.page.get_by_role("switch", name=ONLY_DIFF_LABEL)

    def open(self) -> None:
        self.page.goto(f"{self.url}/compare", wait_until="domcontentloaded", timeout=STEP_TIMEOUT_MS)

    def opened(self) -> None:
        wait_rendered(self.page, timeout=STEP_TIMEOUT_MS / 1000)
        self.all_areas = matrix_areas(self.page)
        assert not self.switch.is_checked()

    def toggle(self) -> None:
        self.page.locator('[data-testid="stCheckbox"]', has_text=ONLY_DIFF_LABEL).locator("label").click()

    def toggled(self) -> None:
        self.page.wait_for_url(lambda u: "only_diff=1" in u, timeout=STEP_TIMEOUT_MS)
        wait_rendered(self.page, timeout=STEP_TIMEOUT_MS / 1000)
        assert self.switch.is_checked()
        self.filtered = matrix_areas(self.page)
        assert 0 < len(self.filtered) <= len(self.all_areas)

    def rerun(self) -> None:
        # Streamlit's "r" shortcut: a rerun request over the WebSocket, same session.
        self.before = len(self.sent)
        self.page.locator('[data-testid="stMain"] h1').first.click()
        self.page.keyboard.press("r")

    def rerun_done(self) -> None:
        deadline = time.monotonic() + 30
        while len(self.sent) == self.before and time.monotonic() < deadline:
            self.page.wait_for_timeout(100)
        assert len(self.sent) > self.before, "pressing r sent no rerun request over the WebSocket"
        wait_rendered(self.page, timeout=STEP_TIMEOUT_MS / 1000)
        assert self.switch.is_checked(), "the switch was lost on rerun"
        assert matrix_areas(self.page) == self.filtered

    def download(self) -> None:
        with self.page.expect_download(timeout=STEP_TIMEOUT_MS) as download:
            self.page.get_by_role("button", name="Download the tidy table").click()
        first = Path(download.value.path()).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("proposal,area,field,value"), first


def test_two_replicas_behind_nginx_keep_every_session(proxy, browser):
    url, replicas, log = proxy
    keys = keys_per_replica(url, log, replicas, SESSIONS_PER_REPLICA)
    contexts, sessions = [], []  # (context, key or None)
    try:
        for replica in replicas:
            for key in keys[replica]:
                context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
                context.add_cookies([{"name": COOKIE, "value": key, "url": url}])
                contexts.append(context)
                sessions.append((context, key))
        fresh = browser.new_context(viewport=VIEWPORT, accept_downloads=True)  # nginx gives it a cookie
        contexts.append(fresh)
        sessions.append((fresh, None))

        for context, _ in sessions:
            context.set_default_timeout(STEP_TIMEOUT_MS)
        drivers = [Session(context, url) for context, _ in sessions]
        for start, finish in (("open", "opened"), ("toggle", "toggled"), ("rerun", "rerun_done"), ("download", None)):
            for driver in drivers:
                getattr(driver, start)()
            for driver in drivers:
                if finish:
                    getattr(driver, finish)()

        issued = [c["value"] for c in fresh.cookies(url) if c["name"] == COOKIE]
        assert len(issued) == 1, f"the cookie-less session got no {COOKIE} cookie: {fresh.cookies(url)}"
        sessions[-1] = (fresh, issued[0])
    finally:
        for context in contexts:
            context.close()

    # Closing the pages closes their WebSockets; nginx logs each when it ends.
    expected = len(sessions)
    deadline = time.monotonic() + 20
    while sum(e["path"] == "/_stcore/stream" for e in access_log(log)) < expected and time.monotonic() < deadline:
        time.sleep(0.2)
    entries = access_log(log)
    served_by: dict[str, str] = {}
    for _, key in sessions:
        mine = [e for e in entries if e["key"] == key]
        upstreams = {e["upstream"] for e in mine}
        streams = [e for e in mine if e["path"] == "/_stcore/stream"]
        media = [e for e in mine if e["path"].startswith("/media/")]
        assert len(upstreams) == 1, f"session {key} was split across replicas: {sorted(upstreams)}"
        assert len(streams) == 1 and streams[0]["status"] == "101", \
            f"session {key} should have one WebSocket (101), got {[(e['status']) for e in streams]}"
        assert media and all(e["status"] == "200" for e in media), f"session {key}: download {media}"
        served_by[key] = upstreams.pop()
    assert set(served_by.values()) == set(replicas), f"sessions per replica: {served_by}"
    errors = [e for e in entries if e["status"].startswith("5")]
    assert not errors, f"nginx answered with server errors: {errors[:5]}"


def test_the_chart_library_is_served_through_the_proxy(proxy):
    """Charts are drawn with the plotly.js bundle in static/ (components/views/plot_view.py), fetched by the browser
    from the app's own static route: nginx must pass it through from every replica."""
    from components.views.plot_view import PLOTLY_JS_VERSION

    url, _, _ = proxy
    with urllib.request.urlopen(f"{url}/app/static/plotly-basic-{PLOTLY_JS_VERSION}.min.js", timeout=30) as response:
        assert response.status == 200
        assert "javascript" in response.headers["Content-Type"]
        assert f"v{PLOTLY_JS_VERSION}".encode() in response.read(300)


LIVE_SELECTION = "proposals=us-28-point-draft,ukraine-position&areas=territory,military_limits"
PHONE = {"width": 390, "height": 844}


def test_live_class_rooms_stay_on_their_teachers_replica(proxy, browser):
    """Two live classes, one teacher on each replica, and each class's phones starting on both replicas (one with
    a cookie for the other replica, one with none): every phone must reach its own room, follow its teacher's
    moves and nothing of the other room, and nginx's log must show every WebSocket of a room on its teacher's
    replica (the join link's `via=`, docs/deploy.md "Live classes behind replicas")."""
    url, replicas, log = proxy
    keys = keys_per_replica(url, log, replicas, 2)  # per replica: a teacher's cookie, and a cookie a phone arrives with
    contexts, rooms, phones = [], [], []

    def context(viewport, cookie: str | None):
        made = browser.new_context(viewport=viewport)
        made.set_default_timeout(STEP_TIMEOUT_MS)
        if cookie:
            made.add_cookies([{"name": COOKIE, "value": cookie, "url": url}])
        contexts.append(made)
        return made

    try:
        for replica in replicas:
            teacher_key = keys[replica][0]
            projector = context(VIEWPORT, teacher_key).new_page()
            projector.goto(f"{url}/?mode=present&{LIVE_SELECTION}", timeout=STEP_TIMEOUT_MS)
            projector.get_by_role("button", name="Start a class").click()
            panel = projector.locator("[data-live-code]")
            expect(panel).to_have_count(1, timeout=STEP_TIMEOUT_MS)
            link = projector.locator(".lv-url").first.inner_text()
            assert link.startswith(f"{url}/class?") and f"via={teacher_key}" in link, link
            rooms.append({"replica": replica, "key": teacher_key, "code": panel.get_attribute("data-live-code"),
                          "link": link, "projector": projector})
        assert rooms[0]["code"] != rooms[1]["code"]
        for index, room in enumerate(rooms):
            elsewhere = replicas[1 - index]
            for cookie in (keys[elsewhere][1], None):  # arrives from the other replica / arrives new
                phone = context(PHONE, cookie).new_page()
                phone.goto(room["link"], timeout=STEP_TIMEOUT_MS)
                phones.append((index, phone))
        for _, phone in phones:
            expect(phone.locator('[data-live-slide="1"]')).to_have_count(1, timeout=STEP_TIMEOUT_MS)

        # Room 0's teacher moves on twice and room 1's once: each phone follows its own room only.
        for index, moves in ((0, 2), (1, 1)):
            projector = rooms[index]["projector"]
            for number in range(2, 2 + moves):
                projector.get_by_role("button", name="Next").click()
                expect(projector.locator(".pv-count")).to_have_text(re.compile(rf"^{number} / \d+$"), timeout=STEP_TIMEOUT_MS)
        for index, phone in phones:
            expect(phone.locator(f'[data-live-slide="{3 if index == 0 else 2}"]')).to_have_count(1, timeout=STEP_TIMEOUT_MS)
        for index, phone in phones:
            cookies = {c["name"]: c["value"] for c in phone.context.cookies(url)}
            assert cookies.get(COOKIE) == rooms[index]["key"], "the join link did not move the phone to its room's replica"
    finally:
        for made in contexts:
            made.close()

    # Every WebSocket of a room (projector and two phones, all now holding the teacher's key) on the teacher's replica.
    deadline = time.monotonic() + 20
    while sum(e["path"] == "/_stcore/stream" and e["key"] in (rooms[0]["key"], rooms[1]["key"]) for e in access_log(log)) < 6 \
            and time.monotonic() < deadline:
        time.sleep(0.2)
    for room in rooms:
        streams = [e for e in access_log(log) if e["key"] == room["key"] and e["path"] == "/_stcore/stream"]
        assert len(streams) >= 3 and {e["status"] for e in streams} == {"101"}, streams
        assert {e["upstream"] for e in streams} == {room["replica"]}, f"room {room['code']} was split: {streams}"
