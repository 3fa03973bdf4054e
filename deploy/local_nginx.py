"""Debian's nginx in front of local app processes, with the project's own template
(`deploy/nginx/default.conf.template`), everything under one temporary folder: used by the
replica test (tests/browser/test_replicas.py) and the replica benchmark (bench/replicas.py)."""
from __future__ import annotations

import os
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "nginx" / "default.conf.template"
MAIN_CONF = """\
# Generated for a local run: everything under {tmp}.
{user}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log notice;
events {{ worker_connections 1024; }}
http {{
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/default.conf;
}}
"""


def render_template(text: str, values: dict[str, str]) -> str:
    """Fill the template's ${NAME} placeholders as the nginx image's envsubst does (only known names)."""
    for name, value in values.items():
        text = text.replace("${" + name + "}", value)
    left = [line for line in text.splitlines() if "${" in line and not line.lstrip().startswith("#")]
    if left:
        raise ValueError(f"unfilled placeholders in {TEMPLATE.name}: {left}")
    return text


def write_config(tmp: Path, listen: str, servers: list[str], server_options: str = "", user: str | None = None) -> Path:
    """Write nginx.conf and default.conf into `tmp` for `servers` ("host:port"); returns nginx.conf's path."""
    (tmp / "default.conf").write_text(render_template(TEMPLATE.read_text(encoding="utf-8"), {
        "LISTEN": listen,
        "ACCESS_LOG": str(tmp / "access.log"),
        "STREAMLIT_SERVERS": " ".join(f"server {address}{' ' + server_options if server_options else ''};" for address in servers),
    }))
    if user is None:
        user = "user nobody nogroup;" if os.geteuid() == 0 else ""
    path = tmp / "nginx.conf"
    path.write_text(MAIN_CONF.format(tmp=tmp, user=user))
    return path
