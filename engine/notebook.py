"""Chapter notebooks for Jupyter and Colab, generated from the problem packages with nbformat.

One notebook per chapter, in the plan's exercise-driven layout: a Colab badge, the
objectives and overview, then for each problem its statement (the refresher sits in its
key concepts), the example code, the starter code (or, with ``solutions=True``, the
reference), the hints as collapsible sections, and a test cell. Each notebook is
self-contained: the test cells carry the tests and their helper modules, and a small
harness in the first code cell runs them with pytest against what the starter cell
defined, printing ✅/❌ per test and a total. Hidden tests stay out of the student build.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path
from typing import Any

from engine.paths import REPO_ROOT
from engine.problem import Chapter, Problem, Variant

NOTEBOOKS_DIR = REPO_ROOT / "notebooks"

HARNESS = '''\
# mlprep test harness: runs a problem's tests against what your code cell defined.
import pathlib
import sys
import tempfile
import types


def mlprep_check(label, files, namespace):
    """Run the test files in `files` (name -> source) against the names defined in `namespace`."""
    try:
        import pytest
    except ImportError:
        print("pytest is needed to run the tests: %pip install pytest")
        return
    solution = types.ModuleType("solution")
    solution.__dict__.update({k: v for k, v in namespace.items() if not k.startswith("_")})
    folder = pathlib.Path(tempfile.mkdtemp(prefix="mlprep-"))
    for name, source in files.items():
        (folder / name).write_text(source)
        sys.modules.pop(name[:-3], None)  # helper modules of another problem may share a name
    results = []

    class Plugin:
        @pytest.fixture(name="solution")
        def _solution(self):
            return solution

        def pytest_configure(self, config):
            config.addinivalue_line("markers", "hidden: scored on submit")
            config.addinivalue_line("markers", "part(n): part n of a multi-part problem")

        def pytest_runtest_logreport(self, report):
            if report.when == "call" or (report.when == "setup" and not report.passed):
                if report.skipped:
                    message = report.longrepr[-1] if isinstance(report.longrepr, tuple) else ""
                else:
                    crash = getattr(report.longrepr, "reprcrash", None)
                    message = "" if report.passed else (crash.message if crash else str(report.longrepr))[:300]
                results.append((report.nodeid.split("::")[-1], report.outcome, message))

    sys.path.insert(0, str(folder))
    try:
        tests = [str(folder / name) for name in files if name.startswith("test_")]
        code = pytest.main([*tests, "-p", "no:cacheprovider", "-p", "no:terminal", "--import-mode=importlib"], plugins=[Plugin()])
    finally:
        sys.path.remove(str(folder))
    marks = {"passed": "✅ ", "failed": "❌ ", "skipped": "⏭️ "}
    for name, outcome, message in results:
        print(marks[outcome] + name + (": " + message if message else ""))
    if not results:
        print(f"❌ {label}: the tests did not run (pytest exit code {int(code)})")
        return
    ran = [outcome for _, outcome, _ in results if outcome != "skipped"]
    skipped = len(results) - len(ran)
    print(f"{label}: {ran.count('passed')}/{len(ran)} tests passed" + (f" ({skipped} skipped)" if skipped else ""))
'''


def repository_slug() -> str | None:
    """``owner/name`` of the GitHub repository named in pyproject.toml, for the Colab badge."""
    try:
        data = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    url = data.get("project", {}).get("urls", {}).get("Repository", "")
    match = re.match(r"https://github\.com/([^/]+/[^/]+?)(?:\.git)?/?$", url)
    return match.group(1) if match else None


def notebook_name(chapter: Chapter) -> str:
    return f"{chapter.path.name}.ipynb"


def strip_hidden_tests(source: str) -> str:
    """The test source without the functions marked ``@pytest.mark.hidden``."""
    tree = ast.parse(source)
    drop: set[int] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and any("hidden" in ast.unparse(d) for d in node.decorator_list):
            first = min(d.lineno for d in node.decorator_list)
            drop.update(range(first, (node.end_lineno or node.lineno) + 1))
    lines = [line for number, line in enumerate(source.splitlines(), start=1) if number not in drop]
    return re.sub(r"\n{3,}(?=\S)", "\n\n\n", "\n".join(lines)).rstrip() + "\n"


def _literal(text: str) -> str:
    """A readable triple-quoted Python literal holding ``text`` exactly."""
    return "'''" + text.replace("\\", "\\\\").replace("'''", "\\'\\'\\'") + "'''"


def _demote(markdown: str) -> str:
    """Statement headings one level down, under the problem's own heading."""
    return re.sub(r"^(#{2,5}) ", lambda m: "#" + m.group(1) + " ", markdown, flags=re.MULTILINE)


def test_files(variant: Variant, *, hidden: bool) -> dict[str, str]:
    """The variant's test file and the helper modules beside it (other variants' tests excluded)."""
    files = {}
    for path in sorted(variant.tests.parent.glob("*.py")):
        if path.name.startswith("test_") and path != variant.tests:
            continue
        source = path.read_text(encoding="utf-8")
        files[path.name] = source if hidden or path != variant.tests else strip_hidden_tests(source)
    return files


def _problem_cells(problem: Problem, solutions: bool) -> list[Any]:
    import nbformat.v4 as nbf

    variant = problem.variants[0]
    key = f"p{problem.chapter}-{problem.position}"
    others = "\n".join(f"- **{v.title}** (`mlprep start {problem.id} --variant {v.id}`): {' '.join(v.brief.split())}"
                       for v in problem.variants[1:])
    statement = (
        f"## {problem.number} {problem.title}\n\n*{problem.difficulty} · target {variant.target_minutes} minutes*\n\n"
        f"{_demote(problem.statement).strip()}\n\n### Your task: {variant.title}\n\n{variant.brief}\n\n"
        f"### Variants for later reviews\n\n{others}\n"
    )
    hints = "\n\n".join(
        f"<details>\n<summary>Hint {n}</summary>\n\n{text}\n\n</details>" for n, text in enumerate(problem.hints_for(variant), 1)
    )
    files = ",\n    ".join(f"{name!r}: {_literal(source)}" for name, source in test_files(variant, hidden=solutions).items())
    test_cell = f"# Tests for {problem.id} ({variant.id}): run after your code cell.\nmlprep_check({problem.id!r}, {{\n    {files},\n}}, globals())\n"
    code = variant.solution if solutions else variant.starter
    cells = [
        nbf.new_markdown_cell(statement, id=f"{key}-statement"),
        nbf.new_code_cell(f"# Example: {problem.title}\n" + problem.example.read_text(encoding="utf-8"), id=f"{key}-example"),
        nbf.new_code_cell(code, id=f"{key}-code"),
        nbf.new_markdown_cell(f"#### Hints\n\n{hints}", id=f"{key}-hints"),
        nbf.new_code_cell(test_cell, id=f"{key}-tests"),
    ]
    return cells


def build(chapter: Chapter, *, solutions: bool = False) -> Any:
    """The chapter's notebook as an ``nbformat`` node, valid against the nbformat schema."""
    import nbformat
    import nbformat.v4 as nbf

    slug = repository_slug()
    badge = ""
    if slug and not solutions:
        url = f"https://colab.research.google.com/github/{slug}/blob/main/notebooks/{notebook_name(chapter)}"
        badge = f"[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]({url})\n\n"
    objectives = "\n".join(f"- {line}" for line in chapter.objectives)
    kind = " (solutions)" if solutions else ""
    intro = (
        f"{badge}# Chapter {chapter.number}: {chapter.title}{kind}\n\n## Learning objectives\n\n{objectives}\n\n"
        f"## Overview\n\n{chapter.overview.strip()}\n\n"
        "**How to work:** run the setup cell once. For each problem read the statement, run the example, "
        "fill in the TODOs in the code cell, run it, then run the test cell below it. "
        "The hints open one at a time. Generated by `mlprep notebooks` from the problem packages; "
        "for spaced-repetition drills with timing and hidden tests, use `mlprep drill`."
    )
    cells = [nbf.new_markdown_cell(intro, id="intro"), nbf.new_code_cell(HARNESS, id="setup")]
    for problem in chapter.problems:
        cells.extend(_problem_cells(problem, solutions))
    notebook = nbf.new_notebook(cells=cells, metadata={
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    })
    nbformat.validate(notebook)
    return notebook


def render(chapter: Chapter, *, solutions: bool = False) -> str:
    """The notebook's file contents, deterministic for the same content."""
    import nbformat

    return nbformat.writes(build(chapter, solutions=solutions)) + "\n"


def write(chapters: list[Chapter], out: Path, *, solutions: bool = False) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for chapter in chapters:
        path = out / notebook_name(chapter)
        path.write_text(render(chapter, solutions=solutions), encoding="utf-8")
        written.append(path)
    return written
