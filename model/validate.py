"""Command line: `python -m model.validate [PATH ...]` checks proposal files
(with no PATH: all of proposals/ plus the cited reference data in data/).

Prints `N proposals OK` and exits 0, or one line per problem
(`path:line: field.path: message`) and exits 1. Never a traceback."""
from __future__ import annotations

import sys
from pathlib import Path

from model.loader import load_catalogue
from model.yaml_source import YamlError


def run(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or None
    missing = [p for p in paths or [] if not p.exists()]
    if missing:
        for path in missing:
            print(f"{path}:1: (file): no such file or folder")
        return 1
    try:
        catalogue = load_catalogue(paths)
    except YamlError as exc:  # the taxonomy itself is broken
        print(exc.problem)
        return 1
    problems = list(catalogue.problems)
    if paths is None:  # the default run also checks the cited context data in data/
        from model.reference_data import load_comparators, load_reference_figures

        problems += load_reference_figures()[1] + load_comparators()[1]
    if problems:
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s); {len(catalogue.proposals)} proposal(s) OK")
        return 1
    print(f"{len(catalogue.proposals)} proposals OK")
    return 0


def main() -> None:
    try:
        code = run(sys.argv[1:])
    except Exception as exc:  # last resort: a one-line message, never a traceback
        print(f"validate: internal error: {type(exc).__name__}: {exc}")
        code = 1
    sys.exit(code)


if __name__ == "__main__":
    main()
