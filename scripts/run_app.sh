#!/usr/bin/env bash
# Quick start 1: set up and run the app on http://localhost:${PORT:-8501}.
# PORT=8502 bash scripts/run_app.sh   picks another port (default 8501).
# The server stays in the foreground until Ctrl+C; extra arguments go to `streamlit run`.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8501}"
case "$PORT" in
  ''|*[!0-9]*) echo "run_app: PORT must be a number, got '$PORT'" >&2; exit 2 ;;
esac
bash scripts/setup.sh
echo "Starting the app on http://localhost:${PORT} (Ctrl+C stops it)"
exec .venv/bin/python -m streamlit run app.py --server.port "$PORT" "$@"
