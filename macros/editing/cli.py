"""``casebook``: the commands editors, maintainers and CI run.

The CLI decides only what to read, what to write and the exit status; the work
lives in its own modules. It never shows a traceback: whoever reads the output
is always told what to do next.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
from collections.abc import Sequence
from pathlib import Path

from macros.editing.authoring import STOPPED, NewCaseStudyError, Request, Stopped, plan_new_case_study
from macros.editing.issue_form import FORM_PATH, build_issue_form, case_study_from_issue, pull_request_body, reply_comment
from macros.content.library import load_library, today_utc
from macros.content.model import Vocabularies
from macros.content.reporting import format_github, format_step_summary, format_text, summary_line
from macros.content.vocabularies import load_vocabularies

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was run; the message says how to run it."""


def find_project_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding mkdocs.yml."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return None


def project_root(config_file: Path | None) -> Path:
    if config_file is not None:
        if not config_file.is_file():
            raise UsageError(f"{config_file} does not exist")
        return config_file.resolve().parent
    found = find_project_root(Path.cwd().resolve())
    if found is None:
        raise UsageError("no mkdocs.yml in this folder or above — run it from the casebook project or pass --config-file")
    return found


def build_parser() -> argparse.ArgumentParser:
    config_help = "the project's mkdocs.yml (default: found in this folder or above)"
    parser = argparse.ArgumentParser(prog="casebook", description="Tools for the Maths Hubs partnership casebook.")
    parser.add_argument("--config-file", "-f", type=Path, metavar="MKDOCS_YML", help=config_help)
    # Also accepted after the command; SUPPRESS keeps it from hiding the one given before.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config-file", "-f", type=Path, metavar="MKDOCS_YML", help=config_help,
                        default=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser(
        "check", parents=[common], help="check case studies against the content model",
        description="Check case studies and report every problem as path:line: field: message. "
                    "Exit status 0 when all are valid, 1 when anything is not.",
    )
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="case-study files or folders to check (default: all of case_studies/)")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="'github' prints workflow commands that annotate a pull request (default: text)")

    new = commands.add_parser(
        "new", parents=[common], help="start a new case study",
        description="Write case_studies/<slug>.md with headings and prompts for the story, ready to fill in. "
                    "Give values as options, or run it in a terminal to be asked for each. --hub, --phase, "
                    "--model and --programme may each be given more than once (--hub jurassic --hub mobius) "
                    "or with commas (--hub jurassic,mobius). Nothing is saved until every value is valid.",
    )
    new.add_argument("--type", help="the type of case study, e.g. school-story")
    new.add_argument("--title", help="5 to 120 characters")
    new.add_argument("--summary", help="20 to 300 characters")
    new.add_argument("--hub", action="append", default=[], dest="hubs", metavar="HUB", help="a Maths Hub id; give it again for another")
    new.add_argument("--phase", action="append", default=[], dest="phases", metavar="PHASE", help="a phase id; give it again for another")
    new.add_argument("--model", action="append", default=[], dest="models", metavar="MODEL",
                     help="a partnership model id; give it again for another")
    new.add_argument("--programme", action="append", default=[], dest="programmes", metavar="PROGRAMME",
                     help="a programme id; give it again for another")
    new.add_argument("--slug", help="the file name without .md (default: from the title)")
    new.add_argument("--date", help="the day the original was published, if it was, such as 14/03/2025 or "
                                    "'14 March 2025' (day first); leave it out for today, the day it is added")
    new.add_argument("--draft", action="store_true",
                     help="keep it off the site until 'draft: true' is removed (a draft's date may be in the future)")
    new.add_argument("--no-input", action="store_true", help="never ask; fail if something is missing")

    form = commands.add_parser(
        "issue-form", parents=[common], help="write the GitHub issue form from data/",
        description=f"Write {FORM_PATH} with dropdowns from data/. With --check, only say whether it is up to date.",
    )
    form.add_argument("--check", action="store_true", help="exit 1 if the committed form is out of date")

    issue = commands.add_parser(
        "from-issue", parents=[common], help="turn a submitted issue form into a case-study file (used by a workflow)",
        description="Read a GitHub 'issues' event and write the reply for the issue: when the form passes, write "
                    "the case study into case_studies/ and reply with a preview of it; otherwise reply with what "
                    "to change and exit 1.",
    )
    issue.add_argument("--event", type=Path, required=True, help="the event JSON ($GITHUB_EVENT_PATH)")
    issue.add_argument("--comment", type=Path, required=True, help="where to write the reply for the issue")
    issue.add_argument("--pull-request-body", type=Path, help="where to write the pull request's body (when the form passes)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        root = project_root(args.config_file)
        handler = {"check": run_check, "new": run_new, "issue-form": run_issue_form, "from-issue": run_from_issue}
        return handler[args.command](args, root)
    except UsageError as error:
        print(f"casebook {args.command}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug of ours must still not greet an editor with a traceback
        print(f"casebook: internal error ({type(error).__name__}: {error}) — please report this", file=sys.stderr)
        return EXIT_USAGE


def run_check(args: argparse.Namespace, root: Path) -> int:
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


def vocabularies_or_fail(root: Path) -> Vocabularies:
    vocabularies, problems = load_vocabularies(root / "data", root)
    if vocabularies is None:
        sys.stdout.write(format_text(problems))
        raise UsageError("data/ has problems (listed above); fix them first")
    return vocabularies


def run_new(args: argparse.Namespace, root: Path) -> int:
    vocabularies = vocabularies_or_fail(root)
    request = Request(
        type=args.type, title=args.title, summary=args.summary, phases=args.phases, hubs=args.hubs,
        partnership_models=args.models, programmes=args.programmes, slug=args.slug, date=args.date, draft=args.draft,
    )
    interactive = not args.no_input and sys.stdin.isatty()
    try:
        path, text = plan_new_case_study(request, vocabularies, root, input if interactive else None, today_utc())
    except Stopped as stopped:  # Ctrl-C or the end of the input, half way: the answers are not kept
        print(flush=True)  # off the question's line
        print(f"casebook new: {stopped}", file=sys.stderr)
        return stopped.status
    except KeyboardInterrupt:  # Ctrl-C between two questions
        print(flush=True)
        print(f"casebook new: {Stopped(STOPPED, 130)}", file=sys.stderr)
        return 130
    except NewCaseStudyError as error:
        for line in str(error).splitlines():
            print(f"casebook new: {line}", file=sys.stderr)
        return EXIT_PROBLEMS
    shown = path.relative_to(root).as_posix()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite
            handle.write(text)
    except FileExistsError:  # made while the questions were being answered
        print(f"casebook new: {shown} already exists — nothing was saved; choose another title", file=sys.stderr)
        return EXIT_PROBLEMS
    slug = path.stem
    print(
        f"Created {shown}\n\n"
        "Replace the prompts in the file with your story; `casebook check` tells you which are left.\n\n"
        "Next steps:\n"
        f"  1. Open {shown} and write the story under each heading, in your own words.\n"
        "     The comments in the front matter show the optional fields (trust, school, people, source).\n"
        f"  2. Check it:   .venv/bin/casebook check {shown}\n"
        f"  3. Preview it: make serve, then open http://127.0.0.1:8000/case-studies/{slug}/\n"
        "  4. Open a pull request with the new file (see CONTRIBUTING.md)."
    )
    return EXIT_OK


def run_issue_form(args: argparse.Namespace, root: Path) -> int:
    form = build_issue_form(vocabularies_or_fail(root))
    path = root / FORM_PATH
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if args.check:
        if current == form:
            print(f"{FORM_PATH} is up to date.")
            return EXIT_OK
        print(f"{FORM_PATH} is out of date with data/ — run 'casebook issue-form' and commit it.", file=sys.stderr)
        return EXIT_PROBLEMS
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(form, encoding="utf-8")
    print(f"Wrote {FORM_PATH}.")
    return EXIT_OK


def run_from_issue(args: argparse.Namespace, root: Path) -> int:
    try:
        event = json.loads(args.event.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UsageError(f"cannot read the event file {args.event}: {error}") from None
    issue = event.get("issue") if isinstance(event, dict) else None
    if not isinstance(issue, dict):
        raise UsageError("the event has no issue in it — this command runs on 'issues' events")
    vocabularies = vocabularies_or_fail(root)
    conversion = case_study_from_issue(issue, root, vocabularies, today_utc())
    args.comment.write_text(reply_comment(conversion, vocabularies), encoding="utf-8")
    if not conversion.ok or conversion.path is None:
        print("\n".join(conversion.lines), file=sys.stderr)
        return EXIT_PROBLEMS
    conversion.path.parent.mkdir(parents=True, exist_ok=True)
    conversion.path.write_text(conversion.text, encoding="utf-8")
    if args.pull_request_body:
        body = pull_request_body(conversion, vocabularies, issue.get("number", ""))
        args.pull_request_body.write_text(body, encoding="utf-8")
    shown = conversion.path.relative_to(root).as_posix()
    print(f"Wrote {shown}")
    outputs = os.environ.get("GITHUB_OUTPUT")
    if outputs:
        write_outputs(Path(outputs), {"path": shown, "slug": conversion.path.stem, "title": conversion.title})
    return EXIT_OK


def write_outputs(path: Path, values: dict[str, str]) -> None:
    """Append step outputs, each in GitHub's multi-line form with a delimiter no value can hold.
    (The checks already refuse line breaks and control characters in a title.)"""
    with open(path, "a", encoding="utf-8") as handle:
        for name, value in values.items():
            delimiter = f"CASEBOOK_{secrets.token_hex(16)}"
            while delimiter in value:  # pragma: no cover - 128 random bits
                delimiter = f"CASEBOOK_{secrets.token_hex(16)}"
            handle.write(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
