"""Command line: `python -m model.export --format csv|json [PATH ...]` writes the
tidy table (see `model.analysis.tidy`) of every valid proposal to stdout. Problems with
individual files go to stderr; the exit code is 1 if there were any."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from model.analysis.export import render
from model.analysis.tidy import tidy_frame
from model.data.loader import load_catalogue
from model.data.yaml_source import YamlError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m model.export", description=__doc__)
    parser.add_argument("--format", choices=["csv", "json"], default="csv")
    parser.add_argument("paths", nargs="*", type=Path, help="proposal files or folders (default: proposals/)")
    args = parser.parse_args(argv)
    try:
        catalogue = load_catalogue(args.paths or None)
    except YamlError as exc:
        print(exc.problem, file=sys.stderr)
        return 1
    for problem in catalogue.problems:
        print(problem, file=sys.stderr)
    sys.stdout.write(render(tidy_frame(catalogue.proposals, catalogue.taxonomy), args.format))
    return 1 if catalogue.problems else 0


if __name__ == "__main__":
    sys.exit(main())
