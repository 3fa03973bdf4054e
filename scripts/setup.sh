#!/usr/bin/env bash
# Creates .venv and installs the pinned dependencies. With "test", also the test
# dependencies and, through apt, Debian's chromium (browser tests) and nginx (replica
# test) when they are missing.
#
# Supported Python: 3.11 (Debian 12's python3, the Docker image) up to 3.13 (Debian 13's
# python3). PYTHON=/path/to/python3.X picks another interpreter than `python3`.
#
# A half-built .venv (interrupted setup, `python3 -m venv` run without python3-venv, a
# removed interpreter, a different Python version) is detected and rebuilt. A missing
# venv/ensurepip module is installed with apt when run as root, otherwise named.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON_SET="${PYTHON:+yes}"   # an explicit PYTHON also asks for a .venv of that version
PYTHON="${PYTHON:-python3}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

apt_install() {  # apt_install PACKAGE... : as root directly, else through sudo
  if [ -n "$SUDO" ] && ! command -v sudo >/dev/null 2>&1; then
    echo "setup: please install as root: apt-get install $*" >&2
    exit 1
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "setup: '$PYTHON' not found. Install Python 3.11 or newer (Debian: apt-get install python3 python3-venv)." >&2
  exit 1
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: $("$PYTHON" -V 2>&1) is too old; this project needs Python 3.11 or newer (PYTHON=python3.11 bash $0)." >&2
  exit 1
fi
want_version="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"

# Debian splits venv's pip bootstrap (ensurepip) into python3-venv / python3.X-venv; without
# it `python3 -m venv` leaves a .venv with no pip in it.
if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's python${want_version}-venv (the venv module's pip bootstrap is missing)…"
    apt_install "python${want_version}-venv"
    "$PYTHON" -c 'import ensurepip, venv' || { echo "setup: still no venv/ensurepip in $PYTHON" >&2; exit 1; }
  else
    echo "setup: Python's venv module (ensurepip) is missing. Install it, then run this again:" >&2
    echo "    sudo apt-get install python3-venv      # or python${want_version}-venv" >&2
    exit 1
  fi
fi

# Is .venv usable? Its python must run, be 3.11 or newer (the PYTHON given, if one was), and have pip.
venv_ok() {
  [ -x .venv/bin/python ] || { echo "setup: .venv has no runnable bin/python"; return 1; }
  local have
  have="$(.venv/bin/python -c 'import sys; assert sys.version_info >= (3, 11); print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" \
    || { echo "setup: .venv's python does not run or is older than 3.11"; return 1; }
  if [ -n "$PYTHON_SET" ] && [ "$have" != "$want_version" ]; then
    echo "setup: .venv has Python $have, PYTHON=$PYTHON is $want_version"; return 1
  fi
  .venv/bin/python -m pip --version >/dev/null 2>&1 || { echo "setup: .venv has no working pip"; return 1; }
}
if [ -e .venv ] && ! venv_ok; then
  echo "setup: rebuilding .venv (reason above)"
  rm -rf .venv
fi
if [ ! -e .venv ]; then
  echo "setup: creating .venv with $("$PYTHON" -V 2>&1)"
  "$PYTHON" -m venv .venv
  venv_ok || { echo "setup: the new .venv is still broken (see above)" >&2; exit 1; }
fi

PIP=(.venv/bin/python -m pip install --quiet --disable-pip-version-check)
if [ "${1:-}" = "test" ]; then
  "${PIP[@]}" -r requirements-test.txt
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)  # handout PDF pages to PNG (present-mode tests)
  command -v npm >/dev/null 2>&1 || missing+=(npm)                  # axe-core for the accessibility checks
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  if [ "${#missing[@]}" -gt 0 ]; then
    # The replica test runs its own nginx on loopback; on a machine with systemd Debian also
    # enables the system nginx service (port 80): `systemctl disable --now nginx` if unwanted.
    echo "setup: installing Debian's ${missing[*]} for the browser and replica tests…"
    apt_install "${missing[@]}"
  fi
  npm ci --no-audit --no-fund --silent  # axe-core, pinned in package-lock.json, into ./node_modules
else
  "${PIP[@]}" -r requirements.txt
fi
