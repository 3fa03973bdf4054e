"""A browser session for bench/live_class.py, over Streamlit's own WebSocket protocol (what bench/st_client.py
does, plus buttons, pages, link buttons and fragment auto-reruns): it loads the page over HTTP (keeping cookies, as
a browser does, so nginx's sticky cookie and a join link's `via=` work), opens the WebSocket, runs the page named by
its URL path, presses buttons by label, and reruns its follow fragment on a fixed-interval timer started when the
page opened, as Streamlit's frontend does. It records every run's latency and when each live slide first showed."""
from __future__ import annotations

import asyncio
import http.cookies
import re
import time
import urllib.request

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

OK = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
SLIDE = re.compile(r'data-live-slide="(\d+)"')


class Client:
    """One browser session: page load (cookies kept, as a browser), WebSocket, runs, buttons, fragment auto-reruns."""

    def __init__(self, base: str, path: str, query: str, timeout: float = 60.0):
        self.base, self.path, self.query, self.timeout = base, path, query, timeout
        self.cookie, self.page_hash, self.ws = "", "", None
        self.opened = 0.0
        self.buttons: dict[str, str] = {}   # label -> widget id
        self.links: dict[str, str] = {}     # label -> url
        self.html: list[str] = []
        self.seen: dict[int, float] = {}    # slide number -> first time a delta showed it
        self.seen_wait: dict[int, float] = {}  # slide number -> how long the run that showed it had taken by then
        self.sent = 0.0                     # when the current run was asked for
        self.fragment: tuple[str, float] | None = None  # (fragment id, interval)
        self.reruns: list[float] = []
        self.reruns_at: list[float] = []    # when each of `reruns` was asked for
        self.errors: list[str] = []
        self._finished: asyncio.Queue = asyncio.Queue()
        self._lock = asyncio.Lock()

    def _load_page(self) -> None:
        url = f"{self.base}/{self.path}" + (f"?{self.query}" if self.query else "")
        request = urllib.request.Request(url, headers={"Cookie": self.cookie} if self.cookie else {})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            response.read()
            jar = http.cookies.SimpleCookie()
            for header in response.headers.get_all("Set-Cookie") or []:
                jar.load(header)
        self.cookie = "; ".join(f"{k}={v.value}" for k, v in jar.items()) or self.cookie

    async def open(self) -> None:
        await asyncio.to_thread(self._load_page)
        ws_url = self.base.replace("http", "ws", 1) + "/_stcore/stream"
        self.ws = await websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, ping_interval=None,
                                           additional_headers={"Cookie": self.cookie} if self.cookie else None,
                                           open_timeout=self.timeout)
        self._reader = asyncio.create_task(self._read())
        await self.run()  # as a browser does: the page is named by the URL's path (`page_name`), one run
        self.reruns.clear()  # opening is not a rerun
        self.reruns_at.clear()
        self.opened = time.perf_counter()

    async def _read(self) -> None:
        try:
            async for data in self.ws:
                msg = ForwardMsg()
                msg.ParseFromString(data)
                kind = msg.WhichOneof("type")
                if kind == "navigation":
                    for page in msg.navigation.app_pages:
                        if page.url_pathname == self.path:
                            self.page_hash = page.page_script_hash
                elif kind == "auto_rerun":
                    self.fragment = (msg.auto_rerun.fragment_id, msg.auto_rerun.interval)
                elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                    element = msg.delta.new_element
                    which = element.WhichOneof("type")
                    if which == "html":
                        body = element.html.body
                        self.html.append(body)
                        del self.html[:-40]
                        for number in SLIDE.findall(body):
                            if int(number) not in self.seen:
                                self.seen[int(number)] = time.perf_counter()
                                self.seen_wait[int(number)] = self.seen[int(number)] - self.sent
                    elif which == "markdown" and "Slide " in element.markdown.body:
                        self.html.append(element.markdown.body)
                    elif which == "button":
                        self.buttons[element.button.label] = element.button.id
                    elif which == "link_button":
                        self.links[element.link_button.label] = element.link_button.url
                    elif which == "exception":
                        self.errors.append(f"exception: {element.exception.message[:200]}")
                elif kind == "script_finished":
                    self._finished.put_nowait(msg.script_finished)
        except websockets.ConnectionClosed as exc:
            self._finished.put_nowait(f"closed: {exc}")

    async def run(self, button: str | None = None, fragment: str | None = None) -> float:
        async with self._lock:
            msg = BackMsg()
            state = msg.rerun_script
            state.query_string = self.query
            state.page_script_hash = self.page_hash
            if not self.page_hash:
                state.page_name = self.path
            if fragment:
                state.fragment_id = fragment
                state.is_auto_rerun = True
            if button:
                w = state.widget_states.widgets.add()
                w.id = self.buttons[button]
                w.trigger_value = True
            started = self.sent = time.perf_counter()
            await self.ws.send(msg.SerializeToString())
            status = "timeout"
            try:
                while True:  # a fragment that calls st.rerun(scope="app") ends early; the page run it asked for follows
                    status = await asyncio.wait_for(self._finished.get(), self.timeout)
                    if status != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                        break
            except asyncio.TimeoutError:
                pass
            took = time.perf_counter() - started
            if status not in OK:
                self.errors.append(f"run {status}")
            self.reruns.append(took)
            self.reruns_at.append(started)
            return took

    async def follow(self, stop: asyncio.Event) -> None:
        """Rerun the follow fragment as the browser does until `stop`: Streamlit's frontend starts a
        `setInterval` timer when the page gets `auto_rerun`, so a session's reruns keep the phase of the moment
        it opened (phones that joined at different moments do not rerun together). A tick that comes while the
        previous run is still going is skipped (the server would fold it into the running one)."""
        while self.fragment is None and not stop.is_set():
            await asyncio.sleep(0.05)
        if stop.is_set():
            return
        fragment_id, interval = self.fragment
        tick = self.opened + interval
        while not stop.is_set():
            while tick <= time.perf_counter():
                tick += interval
            try:
                await asyncio.wait_for(stop.wait(), tick - time.perf_counter())
            except asyncio.TimeoutError:
                await self.run(fragment=fragment_id)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
