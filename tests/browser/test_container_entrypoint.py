"""The container's own command, run outside a container (these machines have no container
engine, so `docker build` cannot run here): everything else the image does is reproduced.

- The files are the build context as `.dockerignore` leaves it (deploy/dockerfile.py), copied
  into a temporary folder and owned by root, as `COPY . .` leaves them in the image.
- The command is the Dockerfile's CMD with the Dockerfile's ENV and a home folder of its own,
  run as the image's USER (uid 10001) through `setpriv`. Two substitutions: this project's
  `.venv` interpreter for the image's `python`, and a free loopback port for 0.0.0.0:8501.
  The interpreter lives under /root (mode 700) on these machines, so the process keeps one
  capability, CAP_DAC_READ_SEARCH (read any file), and nothing else: it cannot write into the
  app's folder, exactly like the image's user.
- The Dockerfile's HEALTHCHECK command must pass, the app must render Compare and draw a chart
  in Chromium, the server log must stay clean, and nothing in the app's folder may change.

When the tests do not run as root, the command runs as the current (already non-root) user."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from deploy.dockerfile import ROOT, build_context, read
from servers import bad_log_lines, free_port, stop, wait_healthy
from test_pages import CORE, MATRIX, matrix_header, open_page, short_name

ARTIFACTS = ROOT / "tests" / "artifacts"
LOG = ARTIFACTS / "container-entrypoint.log"
IMAGE = read()


def _with(command: list[str], name: str, value: str) -> list[str]:
    """`command` with its `--name=...` option set to `value`."""
    assert any(p.startswith(f"--{name}=") for p in command), f"--{name}= is not in the image's command {command}"
    return [f"--{name}={value}" if p.startswith(f"--{name}=") else p for p in command]


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*")}


@pytest.fixture(scope="module")
def image():
    """The image's command serving a copy of the build context; yields (url, process, the uid it runs as)."""
    base = Path(tempfile.mkdtemp(prefix="pp-image-"))
    base.chmod(0o755)
    app, home = base / "app", base / "home"
    for relative in build_context():
        target = app / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / relative, target)
    home.mkdir()
    as_root = os.geteuid() == 0
    if as_root:
        os.chown(home, IMAGE.uid, IMAGE.uid)
    port = free_port()
    command = _with(_with(IMAGE.command, "server.port", str(port)), "server.address", "127.0.0.1")
    assert command[0] == "python"
    command = [sys.executable, *command[1:]]
    if as_root:
        command = ["setpriv", f"--reuid={IMAGE.uid}", f"--regid={IMAGE.uid}", "--clear-groups",
                   "--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search", *command]
    environment = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", **IMAGE.env}
    before = _tree(app)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = LOG.open("w", encoding="utf-8")
    process = subprocess.Popen(command, cwd=app, env=environment, stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process, LOG)
        yield url, process, IMAGE.uid if as_root else os.geteuid()
    finally:
        stop(process)
        log.close()
    after = _tree(app)
    changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    shutil.rmtree(base, ignore_errors=True)
    bad = bad_log_lines(LOG.read_text(encoding="utf-8", errors="replace"))
    assert not bad, f"the server log ({LOG.relative_to(ROOT)}) has errors or warnings:\n" + "\n".join(bad[:20])
    assert not changed, f"the app wrote into its own folder (read-only in the image): {sorted(changed)[:10]}"


def test_runs_as_the_image_user_and_passes_the_image_healthcheck(image):
    url, process, uid = image
    status = Path(f"/proc/{process.pid}/status").read_text()
    uids = next(line.split()[1:] for line in status.splitlines() if line.startswith("Uid:"))
    assert set(uids) == {str(uid)}, f"the server runs as uid {uids}, the image's user is {uid}"
    port = url.rsplit(":", 1)[1]
    check = [part.replace("127.0.0.1:8501/", f"127.0.0.1:{port}/") for part in IMAGE.healthcheck]
    assert check != IMAGE.healthcheck, "the HEALTHCHECK does not name 127.0.0.1:8501"
    result = subprocess.run([sys.executable, *check[1:]], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, f"HEALTHCHECK failed: {result.stdout}{result.stderr}"


def test_serves_compare_and_draws_a_chart_from_the_copied_files(image, new_page):
    url = image[0]
    page = new_page()
    open_page(page, url)
    assert page.locator(MATRIX).count() == 1
    assert sorted(matrix_header(page)) == sorted(short_name(pid) for pid in CORE)
    open_page(page, f"{url}/charts", charts=1)  # the chart library is static/…, served from the copy
