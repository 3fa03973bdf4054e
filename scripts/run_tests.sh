#!/usr/bin/env bash
# Quick start 2: set up and run the whole test suite (unit, AppTest and browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
.venv/bin/python -m model.validate
set +e
.venv/bin/python -m pytest "$@"
code=$?
set -e
if [ "$code" -eq 5 ]; then
  echo "pytest collected no tests: treating as a failure"
  exit 1
fi
exit "$code"
