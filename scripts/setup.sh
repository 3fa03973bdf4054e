#!/usr/bin/env bash
# Creates .venv and installs the pinned dependencies. With "test", also the test
# dependencies and Debian's chromium (apt) when /usr/bin/chromium is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if [ "${1:-}" = "test" ]; then
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt
  if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Debian's chromium for the browser tests…"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  fi
else
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
fi
