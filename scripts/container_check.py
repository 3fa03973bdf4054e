"""The built image, run for real (called by scripts/check_container.sh once the image exists).

Everything on 127.0.0.1 with `--network host`: one container of the image and two replicas of it on
free ports (the image's own CMD with --server.port and --server.address=127.0.0.1 set, the same cookie
secret in both replicas), Debian's nginx in front of the replicas with deploy/nginx/default.conf.template
(deploy/local_nginx.py, as tests/browser/test_replicas.py does for bare processes). Checks, each printed:

- Docker's own health check (the Dockerfile's HEALTHCHECK command, port substituted) says healthy;
- the server process of every container runs as the image's user (uid 10001);
- the app's files in the image cannot be written by that user, and the image holds nothing test-only
  (no tests, scripts, benchmarks or docs, no test-only Python package);
- nginx reaches both replicas, and Compare and a chart render through nginx in Chromium, with no exception;
- no file under /app changed in any container, and the server logs are clean.

The containers are stopped and removed by name at the end, whatever happened."""
from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "browser")]

from deploy.dockerfile import read  # noqa: E402
from deploy.local_nginx import write_config  # noqa: E402
from servers import bad_log_lines, free_port, healthy, render_compare_and_a_chart, stop  # noqa: E402

ARTIFACTS = ROOT / "tests" / "artifacts" / "container"
NAMES = ["pp-check-single", "pp-check-replica-1", "pp-check-replica-2"]
SECRET = "container-check-shared-cookie-secret"
TEST_ONLY_TOP = {"tests", "bench", "scripts", "docs", "deploy", ".git", ".venv", ".ci", "node_modules", ".hypothesis", ".pytest_cache"}
TEST_ONLY_FILES = {"package.json", "package-lock.json", "requirements-test.txt", "pytest.ini", "Dockerfile", ".dockerignore"}
# Run inside a container as its user: the files under /app, which of them that user could write, and the
# Python distributions installed in the image.
PROBE = r"""
import json, os, pathlib, re, importlib.metadata as m
app = pathlib.Path('/app')
files, writable = [], []
for path in [app, *app.rglob('*')]:
    if path.is_file():
        files.append(path.relative_to(app).as_posix())
    if os.access(path, os.W_OK):
        writable.append(path.as_posix())
created = []
for folder in (app, app / 'proposals', app / 'static'):
    try:
        (folder / '.write-probe').write_text('x')
        created.append(folder.as_posix())
    except OSError:
        pass
norm = lambda name: re.sub(r'[-_.]+', '-', name).lower()
requires = {norm(d.metadata['Name']): [norm(re.match(r'[A-Za-z0-9._-]+', r).group()) for r in d.requires or []
                                       if 'extra ==' not in r] for d in m.distributions()}
print(json.dumps({'uid': os.geteuid(), 'files': files, 'writable': writable, 'created': created, 'requires': requires}))
"""


def docker(*args: str, check: bool = True, timeout: float = 120) -> str:
    result = subprocess.run([os.environ.get("DOCKER", "docker"), *args], capture_output=True, text=True, timeout=timeout)
    if check and result.returncode:
        raise SystemExit(f"FAILED: docker {' '.join(args[:3])} …: {result.stderr.strip() or result.stdout.strip()}")
    return result.stdout.strip()


def passed(what: str) -> None:
    print(f"  ok  {what}", flush=True)


def require(condition: bool, message: str) -> None:
    if not condition:
        raise SystemExit(f"FAILED: {message}")


def with_option(command: list[str], name: str, value: str) -> list[str]:
    require(any(p.startswith(f"--{name}=") for p in command), f"--{name}= is not in the image's CMD {command}")
    return [f"--{name}={value}" if p.startswith(f"--{name}=") else p for p in command]


def start(image, tag: str, name: str, port: int) -> str:
    """Start one container of `tag` serving on 127.0.0.1:`port`; its health check is the image's, on that port."""
    command = with_option(with_option(image.command, "server.port", str(port)), "server.address", "127.0.0.1")
    check = [p.replace("127.0.0.1:8501/", f"127.0.0.1:{port}/") for p in image.healthcheck]
    require(check != image.healthcheck, f"the HEALTHCHECK does not name 127.0.0.1:8501: {image.healthcheck}")
    docker("run", "-d", "--name", name, "--network", "host", "-e", f"STREAMLIT_SERVER_COOKIE_SECRET={SECRET}",
           "--health-cmd", shlex.join(check), "--health-interval", "2s", "--health-timeout", "5s",
           "--health-start-period", "90s", "--health-retries", "3", tag, *command)
    return f"http://127.0.0.1:{port}"


def wait_docker_healthy(name: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = json.loads(docker("inspect", "--format", "{{json .State}}", name))
        if not state["Running"]:
            raise SystemExit(f"FAILED: container {name} exited ({state['ExitCode']}):\n{docker('logs', name, check=False)[-4000:]}")
        if state.get("Health", {}).get("Status") == "healthy":
            return
        time.sleep(1)
    raise SystemExit(f"FAILED: Docker's health check of {name} did not say healthy within {timeout:.0f} s:\n"
                     f"{docker('logs', name, check=False)[-4000:]}")


def check_user(image, name: str) -> None:
    state = json.loads(docker("inspect", "--format", "{{json .State}}", name))
    status = Path(f"/proc/{state['Pid']}/status").read_text()
    uids = next(line.split()[1:] for line in status.splitlines() if line.startswith("Uid:"))
    require(set(uids) == {str(image.uid)}, f"{name}: the server runs as uid {uids}, not {image.uid}")
    passed(f"{name}: the server (pid {state['Pid']} on the host) runs as uid {image.uid}")


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pin_name(line: str) -> str:
    return line.split("#", 1)[0].split("==")[0].strip()


def runtime_closure(requires: dict[str, list[str]], roots: list[str]) -> set[str]:
    """The distributions `roots` need, directly or through others (extras not counted)."""
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += requires.get(name, [])
    return seen


def check_image_contents(image, name: str) -> None:
    probe = json.loads(docker("exec", name, "python", "-c", PROBE))
    require(probe["uid"] == image.uid, f"docker exec ran as uid {probe['uid']}, not the image's user")
    require(not probe["writable"] and not probe["created"],
            f"the app user can write the app's files: {probe['writable'][:10]} created in {probe['created']}")
    passed(f"none of the {len(probe['files'])} files under /app (nor its folders) can be written by uid {image.uid}")
    files = set(probe["files"])
    test_only = sorted(f for f in files if f.split("/")[0] in TEST_ONLY_TOP or f in TEST_ONLY_FILES or "__pycache__" in f)
    require(not test_only, f"test-only files in the image: {test_only[:10]}")
    needed = {"app.py", "requirements.txt", ".streamlit/config.toml"}
    require(needed <= files and any(f.startswith("proposals/") for f in files) and any(f.startswith("static/") for f in files),
            f"the image lacks what the app reads: {sorted(needed - files)}")
    # Installed, pinned for the tests, and needed by nothing that requirements.txt installs: test-only.
    test_pins = [norm(pin_name(line)) for line in (ROOT / "requirements-test.txt").read_text().splitlines() if "==" in line]
    needed_dists = runtime_closure(probe["requires"], [norm(pin_name(line)) for line in
                                                        (ROOT / "requirements.txt").read_text().splitlines() if "==" in line])
    extra = sorted(p for p in test_pins if p in probe["requires"] and p not in needed_dists)
    require(not extra, f"test-only Python packages in the image: {extra}")
    shared = sorted(p for p in test_pins if p in needed_dists and p in probe["requires"])
    passed(f"nothing test-only in the image (no {', '.join(sorted(TEST_ONLY_TOP))}; none of the test pins "
           f"{', '.join(p for p in test_pins if p not in shared)}" + (f"; {', '.join(shared)} only as a runtime dependency)" if shared else ")"))


def check_both_replicas(url: str, log: Path, replicas: list[str]) -> None:
    seen: set[str] = set()
    for _ in range(60):
        with urllib.request.urlopen(f"{url}/", timeout=15) as response:
            require(response.status == 200, f"nginx answered {response.status}")
        time.sleep(0.05)
        seen = set(re.findall(r"upstream=(\S+)", log.read_text(errors="replace")))
        if set(replicas) <= seen:
            passed(f"nginx sends new browsers to both replicas ({', '.join(sorted(seen))})")
            return
    raise SystemExit(f"FAILED: 60 new sessions through nginx reached only {sorted(seen)}")


def check_in_chromium(url: str) -> None:
    try:
        render_compare_and_a_chart(url, ARTIFACTS, lambda what: passed(f"{what} (through nginx)"))
    except AssertionError as exc:
        raise SystemExit(f"FAILED: {exc}") from exc


def finish(names: list[str], check: bool) -> None:
    """Stop each container (Streamlit's clean stop), keep its log, remove it; with `check`, fail on changes or log lines."""
    problems = []
    for name in names:
        if not docker("ps", "-aq", "--filter", f"name=^{name}$", check=False):
            continue
        changed = [line for line in docker("diff", name, check=False).splitlines() if re.match(r"[ACD] /app(/|$)", line)]
        docker("stop", "-t", "10", name, check=False)
        result = subprocess.run([os.environ.get("DOCKER", "docker"), "logs", name], capture_output=True, text=True, timeout=60)
        logs = result.stdout + result.stderr
        (ARTIFACTS / f"{name}.log").write_text(logs)
        docker("rm", "-f", name, check=False)
        if changed:
            problems.append(f"{name} changed files under /app: {changed[:10]}")
        if bad_log_lines(logs):
            problems.append(f"{name}'s log has errors or warnings: {bad_log_lines(logs)[:10]}")
    if not check:
        return
    require(not problems, "; ".join(problems))
    passed("no file under /app changed in any container; the servers' logs are clean (tests/artifacts/container/)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tag", help="the image to run, e.g. peace-proposals:check")
    tag = parser.parse_args().tag
    image = read()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name in NAMES:  # left over from an interrupted run
        docker("rm", "-f", name, check=False)
    tmp = Path(tempfile.mkdtemp(prefix="pp-container-nginx-"))
    tmp.chmod(0o755)
    nginx = None
    started: list[str] = []
    ok = False
    try:
        urls, ports = {}, set()
        for name in NAMES:
            while (port := free_port()) in ports:
                pass
            ports.add(port)
            urls[name] = start(image, tag, name, port)
            started.append(name)
        for name in NAMES:
            wait_docker_healthy(name)
            require(healthy(urls[name]), f"{urls[name]}/_stcore/health does not say ok from the host")
        passed(f"Docker's health check (the image's HEALTHCHECK command) says healthy for {', '.join(NAMES)}")
        for name in NAMES:
            check_user(image, name)
        check_image_contents(image, NAMES[0])

        replicas = [urls[n].removeprefix("http://") for n in NAMES[1:]]
        while (port := free_port()) in ports:
            pass
        write_config(tmp, f"127.0.0.1:{port}", replicas, server_options="max_fails=3 fail_timeout=10s")
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        base = [binary, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")]
        test = subprocess.run([*base, "-t"], capture_output=True, text=True)
        require(test.returncode == 0, f"nginx -t rejected the configuration:\n{test.stderr}")
        nginx = subprocess.Popen([*base, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                                 stdin=subprocess.DEVNULL, start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while not healthy(url):
            require(nginx.poll() is None and time.monotonic() < deadline, "nginx did not answer /_stcore/health")
            time.sleep(0.2)
        passed(f"nginx ({url}) answers /_stcore/health from the replicas")
        check_both_replicas(url, tmp / "access.log", replicas)
        check_in_chromium(url)
        ok = True
    finally:
        if nginx is not None:
            stop(nginx)
        for name in ("access.log", "error.log"):
            if (tmp / name).exists():
                shutil.copy(tmp / name, ARTIFACTS / f"nginx-{name}")
        shutil.rmtree(tmp, ignore_errors=True)
        finish(started, check=ok)


if __name__ == "__main__":
    main()
