"""Command line: `python -m model.validate [PATH ...]` checks proposal files
(with no PATH: all of proposals/, or $PEACE_PROPOSALS_DIR, plus the cited
reference data in data/).

Prints `N proposals OK` and exits 0, or one line per problem
(`path:line: field.path: message`) and exits 1. Never a traceback.

Every folder checked that holds a `_coverage.yaml` (with no PATH: proposals/) also has its data version
checked: it starts with the data-as-of date and has its section in CHANGELOG.md
(`model.data.changelog.check_release`).

The default run (no PATH) then adds one line of information, not a failure:
the cells (proposal × area) that rest only on low-reliability sources, per
proposal (`model.analysis.source_rank.weak_cells`)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from model.data.loader import load_catalogue
from model.data.yaml_source import MAX_BYTES, MAX_DEPTH, YamlError


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(
        prog="python -m model.validate",
        description="Check proposal files: YAML, schema, taxonomy codes, citations, quotes and links between "
        "proposals. Prints one line per problem as `path:line: field: message` and exits 1, or "
        "`N proposals OK` and exits 0.",
        epilog=f"With no PATH: every proposal in proposals/ (or $PEACE_PROPOSALS_DIR) and the reference data in "
        f"data/. Files over {MAX_BYTES:,} bytes or nested deeper than {MAX_DEPTH} levels are refused.",
    )
    cli.add_argument("paths", nargs="*", metavar="PATH", help="a proposal file or a folder of them")
    return cli


def run(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    paths = [Path(a) for a in args.paths] or None
    missing = [p for p in paths or [] if not p.exists()]
    if missing:
        for path in missing:
            print(f"{path}:1: (file): no such file or folder")
        return 1
    try:
        catalogue = load_catalogue(paths)
    except YamlError as exc:  # the taxonomy itself is broken
        for problem in exc.problems:
            print(problem)
        return 1
    problems = list(catalogue.problems)
    from model.data.changelog import check_release
    from model.data.loader import proposals_dir, shown

    for folder in dict.fromkeys(p for p in paths or [proposals_dir()] if p.is_dir()):
        problems += check_release(folder, shown)
    if paths is None:  # the default run also checks the cited context data in data/
        from model.data.reference_data import load_comparators, load_reference_figures

        problems += load_reference_figures()[1] + load_comparators()[1]
    if problems:
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s); {len(catalogue.proposals)} proposal(s) OK")
        return 1
    print(f"{len(catalogue.proposals)} proposals OK")
    if paths is None:
        from model.analysis.source_rank import weak_cells_line

        print(weak_cells_line(catalogue.proposals) or "Cells resting only on low-reliability sources: none")
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
