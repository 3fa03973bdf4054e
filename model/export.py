"""Command line: `python -m model.export --format csv|json [PATH ...]` writes the
tidy table (see `model.analysis.tidy`) of every valid proposal to stdout. Problems with
individual files go to stderr; the exit code is 1 if there were any.

`python -m model.export --release DIR [PATH ...]` writes a data release into DIR
(`model.analysis.release`): the tables as CSV and JSON, the JSON Schema, the codebook
(Markdown and HTML), `datapackage.json`, the changelog and CITATION.cff. A release is
written only from data that validates: any problem (including a data version without its
changelog entry) is printed to stderr, nothing is written, and the exit code is 1."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from model.analysis.export import render
from model.analysis.tidy import tidy_frame
from model.data.loader import find_taxonomy, load_catalogue, proposals_dir, shown
from model.data.yaml_source import YamlError


def release(directory: Path, paths: list[Path], catalogue) -> int:
    from model.analysis.release import load_release, release_files, write_release
    from model.data.changelog import check_release

    folder = find_taxonomy(paths).parent if paths else proposals_dir()
    problems = [*catalogue.problems, *check_release(folder, shown)]
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s): no release written", file=sys.stderr)
        return 1
    inputs = load_release(folder, catalogue)
    written = write_release(directory, release_files(catalogue, inputs))
    version = inputs.coverage.data_version or inputs.coverage.data_as_of
    print(f"wrote release {version} ({len(written)} files) to {directory}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m model.export", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--format", choices=["csv", "json"], default="csv")
    parser.add_argument("--release", type=Path, metavar="DIR", help="write the data release into DIR instead")
    parser.add_argument("paths", nargs="*", type=Path, help="proposal files or folders (default: proposals/)")
    args = parser.parse_args(argv)
    try:
        catalogue = load_catalogue(args.paths or None)
    except YamlError as exc:
        print(exc.problem, file=sys.stderr)
        return 1
    if args.release is not None:
        return release(args.release, args.paths, catalogue)
    for problem in catalogue.problems:
        print(problem, file=sys.stderr)
    sys.stdout.write(render(tidy_frame(catalogue.proposals, catalogue.taxonomy), args.format))
    return 1 if catalogue.problems else 0


if __name__ == "__main__":
    sys.exit(main())
