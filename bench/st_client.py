"""A minimal client of Streamlit's WebSocket protocol (`/_stcore/stream`, protobuf BackMsg /
ForwardMsg), enough to open a session, run the script, and change a multiselect the way the
browser does. Used by bench/concurrency.py; loopback only.

One rerun = send `BackMsg.rerun_script` with the widget states, wait for `script_finished`.
An exception element in the deltas, a run that does not finish successfully, a closed socket or
a timeout counts as an error."""
from __future__ import annotations

import asyncio
import http.cookies
import time
import urllib.request
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

OK = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


@dataclass
class Multiselect:
    id: str
    options: list[str]
    value: list[str]
    touched: bool = False  # only widgets this client changed are sent back (the server keeps the rest)


@dataclass
class Session:
    base_url: str  # http://127.0.0.1:PORT (or the proxy)
    timeout: float = 60.0
    cookie: str = ""
    ws: object = None
    page_hash: str = ""
    query_string: str = ""
    widgets: dict[str, Multiselect] = field(default_factory=dict)  # by label
    errors: list[str] = field(default_factory=list)
    bytes_received: int = 0
    matrix_columns: int = 0  # proposal columns of the last matrix drawn (Compare page only)
    _finished: asyncio.Queue | None = None
    _reader: asyncio.Task | None = None

    async def open(self) -> float:
        """Connect and run the script once, as a browser opening the page; returns the seconds taken."""
        started = time.perf_counter()
        self.cookie = await asyncio.to_thread(self._get_cookie)
        ws_url = self.base_url.replace("http", "ws", 1) + "/_stcore/stream"
        headers = {"Cookie": self.cookie} if self.cookie else None
        self.ws = await asyncio.wait_for(
            websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, additional_headers=headers,
                               open_timeout=self.timeout, ping_interval=None),
            self.timeout)
        self._finished = asyncio.Queue()
        self._reader = asyncio.create_task(self._read())
        await self._run()
        return time.perf_counter() - started

    def _get_cookie(self) -> str:
        """GET the page first (as a browser does), keeping any cookie a sticky proxy sets."""
        with urllib.request.urlopen(self.base_url + "/", timeout=self.timeout) as response:
            response.read()
            jar = http.cookies.SimpleCookie()
            for header in response.headers.get_all("Set-Cookie") or []:
                jar.load(header)
        return "; ".join(f"{k}={v.value}" for k, v in jar.items())

    async def _read(self) -> None:
        try:
            async for data in self.ws:
                self.bytes_received += len(data)
                msg = ForwardMsg()
                msg.ParseFromString(data)
                kind = msg.WhichOneof("type")
                if kind == "new_session":
                    self.page_hash = msg.new_session.page_script_hash
                elif kind == "page_info_changed":
                    self.query_string = msg.page_info_changed.query_string
                elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                    element = msg.delta.new_element
                    which = element.WhichOneof("type")
                    if which == "html" and 'class="pm"' in element.html.body:
                        self.matrix_columns = element.html.body.count("<th>")
                    if which == "exception":
                        self.errors.append(f"exception: {element.exception.type}: {element.exception.message[:200]}")
                    elif which == "multiselect":
                        m = element.multiselect
                        current = self.widgets.get(m.label)
                        if m.set_value:
                            value = list(m.raw_values)
                        else:
                            value = current.value if current else [m.options[i] for i in m.default]
                        self.widgets[m.label] = Multiselect(m.id, list(m.options), value)
                elif kind == "script_finished":
                    self._finished.put_nowait(msg.script_finished)
        except websockets.ConnectionClosed as exc:
            if self._finished is not None:
                self._finished.put_nowait(f"connection closed: {exc}")
        except Exception as exc:  # noqa: BLE001 - reported as an error, never raised in the reader task
            self._finished.put_nowait(f"reader error: {exc!r}")

    async def _run(self) -> None:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_hash
        for widget in self.widgets.values():
            if not widget.touched:
                continue
            w = state.widget_states.widgets.add()
            w.id = widget.id
            w.string_array_value.data.extend(widget.value)
        before = len(self.errors)
        await self.ws.send(msg.SerializeToString())
        try:
            status = await asyncio.wait_for(self._finished.get(), self.timeout)
        except asyncio.TimeoutError:
            self.errors.append(f"timeout: no script_finished within {self.timeout:.0f} s")
            raise RerunError(self.errors[-1]) from None
        if isinstance(status, str):
            self.errors.append(status)
            raise RerunError(status)
        if status not in OK:
            self.errors.append(f"script finished with status {status}")
            raise RerunError(self.errors[-1])
        if len(self.errors) > before:
            raise RerunError(self.errors[-1])

    async def choose(self, label: str, value: list[str]) -> float:
        """Set a multiselect (by label) and rerun; returns the seconds until the run finished."""
        widget = self.widgets[label]
        widget.value = [v for v in value if v in widget.options]
        widget.touched = True
        started = time.perf_counter()
        await self._run()
        return time.perf_counter() - started

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            self._reader.cancel()


class RerunError(Exception):
    pass
