"""Streamlit Community Cloud, the free hosting route: what it reads from the repository, checked here.

Community Cloud (docs.streamlit.io, "App dependencies" and "Status and limitations") installs Python
packages from the first dependency file it finds (uv.lock, Pipfile, environment.yml, requirements.txt,
pyproject.toml), installs the Debian packages listed in `packages.txt` with apt-get, runs `streamlit run`
from the repository root with the root's `.streamlit/config.toml`, and overrides five options. The hosted
service itself cannot be reached from here and was not tried; the slow test below does the part that can
run here: a clean virtual environment with exactly `requirements.txt`, on Python 3.11 (the version to pick
in "Advanced settings"), with Debian's chromium from `packages.txt`, serves the app."""
from __future__ import annotations

import concurrent.futures
import os
import shutil
import subprocess
import sys
import tomllib
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from servers import bad_log_lines, free_port, render_compare_and_a_chart, stop, wait_healthy  # noqa: E402

PYTHON = "3.11"  # the version to choose in Community Cloud's "Advanced settings" (its default is 3.12)
CONFIG = ROOT / ".streamlit" / "config.toml"
# Set by Community Cloud over any config.toml value (docs: Status and limitations, "Configuration").
CLOUD_OVERRIDES = {
    "client.showErrorDetails": False, "runner.fastReruns": True, "server.runOnSave": True,
    "server.enableXsrfProtection": True, "browser.gatherUsageStats": True,
}
# Read before requirements.txt, in this order; any of them would replace it.
EARLIER_DEPENDENCY_FILES = ["uv.lock", "Pipfile", "environment.yml", "environment.yaml"]
ARTIFACTS = ROOT / "tests" / "artifacts"
PNG = b"\x89PNG\r\n\x1a\n"


def packages() -> list[str]:
    return (ROOT / "packages.txt").read_text(encoding="utf-8").split()


def config() -> dict[str, dict]:
    return tomllib.loads(CONFIG.read_text(encoding="utf-8"))


def test_packages_txt_installs_the_chromium_that_chart_images_use():
    from components.render import chart_image

    text = (ROOT / "packages.txt").read_text(encoding="utf-8")
    # Every line goes to apt-get as a package name: no comments, no options.
    assert text.splitlines() == ["chromium"], text
    assert chart_image.CHROMIUM == "/usr/bin/chromium"
    owner = subprocess.run(["dpkg-query", "-S", chart_image.CHROMIUM], capture_output=True, text=True)
    assert owner.returncode == 0 and owner.stdout.split(":")[0] == "chromium", \
        f"{chart_image.CHROMIUM} should come from Debian's chromium package: {owner.stdout}{owner.stderr}"


def test_requirements_txt_is_the_dependency_file_community_cloud_reads():
    earlier = [name for name in EARLIER_DEPENDENCY_FILES if (ROOT / name).exists()]
    assert not earlier, f"Community Cloud would install from {earlier[0]} instead of requirements.txt"
    assert (ROOT / "requirements.txt").is_file() and (ROOT / "app.py").is_file()


def test_config_serves_static_files_needs_no_secrets_and_leaves_cloud_overrides_alone():
    values = config()
    assert values["server"]["enableStaticServing"] is True  # the plotly.js bundle charts are drawn with
    from components.views.plot_view import PLOTLY_JS_VERSION

    assert (ROOT / "static" / f"plotly-basic-{PLOTLY_JS_VERSION}.min.js").is_file()
    assert not (ROOT / ".streamlit" / "secrets.toml").exists()
    used = subprocess.run(["git", "grep", "-l", "st.secrets", "--", "*.py"], cwd=ROOT, capture_output=True, text=True).stdout
    assert not [f for f in used.split() if not f.startswith("tests/")], f"the app reads secrets: {used}"
    # Only the usage-statistics switch differs from what Community Cloud sets (it turns them on there).
    set_here = {f"{section}.{key}": value for section, options in values.items() for key, value in options.items()}
    differing = {k for k, v in CLOUD_OVERRIDES.items() if k in set_here and set_here[k] != v}
    assert differing == {"browser.gatherUsageStats"}, differing


def python_311() -> str:
    for candidate in (shutil.which(f"python{PYTHON}"), getattr(sys, "_base_executable", None), sys.executable):
        if candidate and subprocess.run([candidate, "-c", f"import sys; sys.exit(sys.version[:4] != '{PYTHON}')"]).returncode == 0:
            return candidate
    pytest.skip(f"no Python {PYTHON} here to build Community Cloud's environment with")


@pytest.mark.slow
def test_a_clean_venv_with_exactly_requirements_txt_and_packages_txt_serves_the_app(tmp_path):
    for package in packages():
        installed = subprocess.run(["dpkg-query", "-W", "-f", "${Status}", package], capture_output=True, text=True).stdout
        assert installed == "install ok installed", f"Debian's {package} (packages.txt) is not installed here"
    venv = tmp_path / "venv"
    subprocess.run([python_311(), "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    install = subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                              "-r", str(ROOT / "requirements.txt")], capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]

    # Chart images: kaleido from requirements.txt drives the chromium from packages.txt.
    export = ("import plotly.graph_objects as go; from components.render.chart_image import render; "
              "import sys; sys.stdout.buffer.write(render(go.Figure(go.Bar(y=[1, 2])), 'png', 400, 300)[:8])")
    image = subprocess.run([python, "-c", export], cwd=ROOT, capture_output=True, timeout=180)
    assert image.stdout == PNG, image.stderr.decode(errors="replace")[-3000:]

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    environment = {**os.environ, "STREAMLIT_CLIENT_SHOW_ERROR_DETAILS": "false", "STREAMLIT_RUNNER_FAST_RERUNS": "true",
                   "STREAMLIT_SERVER_RUN_ON_SAVE": "true", "STREAMLIT_SERVER_ENABLE_XSRF_PROTECTION": "true"}
    environment.pop("VIRTUAL_ENV", None)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS / "community-cloud-venv.log"
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen([python, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                                    "--server.port", str(port), "--server.address", "127.0.0.1"],
                                   cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            wait_healthy(url, process, log_path)
            from components.views.plot_view import PLOTLY_JS_VERSION

            with urllib.request.urlopen(f"{url}/app/static/plotly-basic-{PLOTLY_JS_VERSION}.min.js", timeout=30) as response:
                assert response.status == 200 and "javascript" in response.headers["Content-Type"]
            # In a thread of its own: when the browser tests ran first in this process, their Playwright session's
            # event loop is running in this thread, and the sync API refuses to start a second one here.
            with concurrent.futures.ThreadPoolExecutor(1) as pool:
                pool.submit(render_compare_and_a_chart, url).result(timeout=300)
        finally:
            stop(process)
    bad = bad_log_lines(log_path.read_text(encoding="utf-8", errors="replace"))
    assert not bad, f"the server log ({log_path.relative_to(ROOT)}) has errors or warnings: {bad[:20]}"

