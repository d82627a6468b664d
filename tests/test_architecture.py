"""The package is shaped like the data flow (ARCHITECTURE.md): each stage imports only the
stages before it, only the adapter imports MkDocs, and the script's components share
only the pure helpers of lib/. A module that imports against the flow fails here."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "macros"
# What each stage may import from the casebook (besides itself): the flow, in order.
MAY_IMPORT = {
    "content": {"content"},
    "outputs": {"content", "outputs"},
    "site": {"content", "outputs", "site"},
    "editing": {"content", "editing"},
}
FRAMEWORKS = ("mkdocs", "mkdocs_macros", "material", "jinja2")  # only the adapter may import these
SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports, relative imports resolved, TYPE_CHECKING ones included."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            # `from macros.site import render` imports the module macros.site.render.
            found.update(f"{target}.{alias.name}" for alias in node.names if (PACKAGE.parent / (target.replace(".", "/") + f"/{alias.name}.py")).exists())
    return found


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "macros" and parts[1] in MAY_IMPORT else None


def flow_problems(module: str, imported: set[str]) -> list[str]:
    """What ``module`` imports that its place in the flow does not allow."""
    problems = []
    stage = stage_of(module)
    for target in sorted(imported):
        top = target.split(".")[0]
        if top in FRAMEWORKS and module != "macros.plugin":
            problems.append(f"{module} imports {target}: only macros.plugin may import {top}")
        if top != "macros" or target == "macros":
            continue
        if target.startswith("macros.plugin"):
            problems.append(f"{module} imports {target}: nothing imports the adapter")
        elif stage is not None:
            other = stage_of(target) or target
            if other not in MAY_IMPORT[stage]:
                problems.append(f"{module} imports {target}: the {stage} stage may import only {sorted(MAY_IMPORT[stage])}")
        elif module == "macros":
            problems.append(f"macros imports {target}: the package itself imports nothing")
    return problems


def test_the_checker_of_the_flow_sees_an_import_against_it() -> None:
    assert flow_problems("macros.content.links", {"macros.outputs.feeds"}) == [
        "macros.content.links imports macros.outputs.feeds: the content stage may import only ['content']"
    ]
    assert flow_problems("macros.outputs.feeds", {"macros.site.render"})
    assert flow_problems("macros.editing.cli", {"macros.site.render"})
    assert flow_problems("macros.site.pages", {"mkdocs.structure.files"})
    assert flow_problems("macros.site.pages", {"macros.plugin"})
    assert flow_problems("macros.site.pages", {"macros.content.model", "macros.outputs.search_index", "re"}) == []
    assert flow_problems("macros.plugin", {"mkdocs.plugins", "macros.site.pages"}) == []


def test_every_module_imports_along_the_flow() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 40
    problems = [problem for path in modules for problem in flow_problems(module_name(path), imports_of(path))]
    assert problems == []


def test_every_module_is_in_a_stage_but_the_adapter() -> None:
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "plugin.py"]
    for stage in MAY_IMPORT:
        assert (PACKAGE / stage / "__init__.py").read_text(encoding="utf-8").startswith('"""'), f"{stage} says what it is"


def test_the_tests_mirror_the_package() -> None:
    """A stage's tests are in its folder under tests/, each named for a module of that stage
    (the checker's per concern: tests/content/checks/test_checks_<concern>.py)."""
    for stage in MAY_IMPORT:
        tests = sorted((ROOT / "tests" / stage).rglob("test_*.py"))
        assert tests, f"tests/{stage}/ holds the {stage} stage's tests"
        for test in tests:
            folder = PACKAGE / test.parent.relative_to(ROOT / "tests")
            name = test.stem.removeprefix("test_")
            if folder.name == "checks":
                name = name.removeprefix("checks_") if name != "checks" else "case_study"
                if name == "body":  # the body's rules (content/body.py) as the checker reports them
                    folder = folder.parent
            assert (folder / f"{name}.py").exists(), f"{test.relative_to(ROOT)} tests no module of {folder.relative_to(ROOT)}"


_IMPORT = re.compile(r'^\s*import\s[^"\']*from\s+"([^"]+)"', re.M)


def test_components_share_only_the_pure_helpers() -> None:
    """A component imports lib/ only; lib/ imports only lib/; the entry imports the components."""
    for path in sorted(SCRIPTS.rglob("*.*js")):
        folder = path.relative_to(SCRIPTS).parts[0]
        for target in _IMPORT.findall(path.read_text(encoding="utf-8")):
            assert target.startswith("."), f"{path.name} imports {target}: nothing from outside the site"
            resolved = (path.parent / target).resolve().relative_to(SCRIPTS.resolve())
            if folder == "lib":
                assert resolved.parts[0] == "lib", f"lib/{path.name} imports {resolved}"
            elif folder == "components":
                assert resolved.parts[0] == "lib", f"{path.name} imports {resolved}: components share only lib/"
            else:
                assert path.name == "casebook.js" and resolved.parts[0] == "components", f"{path.name} imports {resolved}"
