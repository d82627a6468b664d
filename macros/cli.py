"""``casebook``: the command editors and CI run.

The CLI decides only what to read and the exit status; loading, checking and
printing live in their own modules. It never shows a traceback: a person
reading the output should always be told what to do next.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .library import load_library
from .reporting import format_github, format_step_summary, format_text, summary_line

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def find_project_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding mkdocs.yml."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casebook",
        description="Tools for the Maths Hubs partnership casebook.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="check case studies against the content model",
        description=(
            "Check case studies against the content model and report every problem as "
            "path:line: field: message. Exit status 0 when all are valid, 1 when anything is not."
        ),
    )
    check.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH",
        help="case-study files or folders to check (default: all of case_studies/)",
    )
    check.add_argument(
        "--format", choices=("text", "github"), default="text",
        help="'github' prints workflow commands that annotate a pull request (default: text)",
    )
    check.add_argument(
        "--config-file", "-f", type=Path, metavar="MKDOCS_YML",
        help="the project's mkdocs.yml (default: found in this folder or above)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return run_check(args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug of ours must still not greet an editor with a traceback
        print(f"casebook: internal error ({type(error).__name__}: {error}) — please report this", file=sys.stderr)
        return EXIT_USAGE


def run_check(args: argparse.Namespace) -> int:
    if args.config_file is not None:
        if not args.config_file.is_file():
            print(f"casebook: {args.config_file} does not exist", file=sys.stderr)
            return EXIT_USAGE
        root = args.config_file.resolve().parent
    else:
        found = find_project_root(Path.cwd().resolve())
        if found is None:
            print(
                "casebook: no mkdocs.yml in this folder or above — run it from the casebook project "
                "or pass --config-file",
                file=sys.stderr,
            )
            return EXIT_USAGE
        root = found
    library = load_library(root, paths=args.paths or None)
    output = format_github(library.problems) if args.format == "github" else format_text(library.problems)
    sys.stdout.write(output)
    print(summary_line(library), file=sys.stderr if library.problems or args.format == "github" else sys.stdout)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and summary_file:
        try:
            with open(summary_file, "a", encoding="utf-8") as handle:
                handle.write(format_step_summary(library))
        except OSError as error:
            print(f"casebook: could not write the step summary ({error})", file=sys.stderr)
    return EXIT_PROBLEMS if library.problems else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
