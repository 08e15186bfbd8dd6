"""The `mlprep` command line: a thin layer over the engine's plain functions.

Start-up stays light: heavy modules (sqlmodel, numpy, torch, numba, pytest) are imported
inside the commands that need them, never at module level.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from engine import __version__

if TYPE_CHECKING:
    from engine.catalog import Catalog
    from engine.problem import Problem
    from engine.service import Session

app = typer.Typer(
    name="mlprep",
    help="Spaced-repetition drills for ML-engineering coding interviews.\n\nStart with: mlprep drill",
    no_args_is_help=False,
    invoke_without_command=True,
    add_completion=False,
    rich_markup_mode="markdown",
)

HomeOption = Annotated[Optional[Path], typer.Option("--home", help="Folder holding drills/ and db/ (default: $MLPREP_HOME or the repository).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
VariantOption = Annotated[Optional[str], typer.Option("--variant", "-v", help="Variant id (default: the scheduler's choice).")]


class _State:
    home: Path | None = None


_state = _State()


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a user error without a traceback and exit."""
    from engine import render

    render.error(message)
    raise typer.Exit(code)


def catalog() -> Catalog:
    from engine.catalog import Catalog, ContentError
    from engine.paths import problems_root

    try:
        return Catalog.load(problems_root())
    except ContentError as error:
        fail(f"malformed content: {error}")


def problem(key: str) -> Problem:
    from engine.catalog import UnknownProblemError

    try:
        return catalog().get(key)
    except UnknownProblemError as error:
        fail(str(error))


def session() -> Session:
    """The user's store and clock; errors opening it are reported, never raised."""
    from engine.paths import home
    from engine.service import Session
    from engine.store import StoreError

    try:
        return Session.open(home(_state.home), catalog())
    except StoreError as error:
        fail(str(error))


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"mlprep {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    ctx: typer.Context,
    home: HomeOption = None,
    version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version.")] = False,
) -> None:
    """Spaced-repetition drills for ML-engineering coding interviews.

    Example: `mlprep drill` runs today's session; `mlprep list` shows the book.
    """
    _state.home = home
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


@app.command("list")
def list_command(
    chapter: Annotated[Optional[int], typer.Option("--chapter", "-c", help="Only this chapter.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List problems with their variants and review state. Example: `mlprep list --chapter 1`."""
    from engine import render

    with session() as s:
        rows = s.listing(chapter)
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
    else:
        render.listing(rows)


@app.command()
def show(
    problem_id: Annotated[str, typer.Argument(help="Problem id or number, e.g. prefix-sum or 1.1.")],
    variant: VariantOption = None,
    starter: Annotated[bool, typer.Option("--starter", help="Print only the generated starter code.")] = False,
) -> None:
    """Show a problem's statement and a variant's brief. Example: `mlprep show 1.1`."""
    from engine import render

    found = problem(problem_id)
    chosen = _variant(found, variant)
    if starter:
        typer.echo(chosen.starter, nl=False)
    else:
        render.statement(found, chosen)


def _variant(found: Problem, variant_id: str | None):  # type: ignore[no-untyped-def]
    try:
        return found.variant(variant_id)
    except LookupError as error:
        fail(str(error))


@app.command()
def check(
    problem_id: Annotated[str, typer.Argument(help="Problem id or number.")],
    file: Annotated[Path, typer.Option("--file", "-f", help="The Python file to grade.")],
    variant: VariantOption = None,
    visible_only: Annotated[bool, typer.Option("--visible-only", help="Skip hidden tests.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Grade any file against a problem's tests without recording anything.

    Example: `mlprep check prefix-sum --file my_solution.py --variant sequence-offsets`.
    """
    from engine import render
    from engine.runner import grade

    found = problem(problem_id)
    chosen = _variant(found, variant)
    if not file.is_file():
        fail(f"no file at {file}")
    verdict = grade(found, chosen, file, visible_only=visible_only)
    if as_json:
        typer.echo(json.dumps(verdict.to_dict(), indent=2))
    else:
        render.verdict(verdict)
    raise typer.Exit(0 if verdict.ok else 1)


@app.command()
def validate(
    problem_id: Annotated[Optional[str], typer.Option("--problem", "-p", help="Check one problem only.")] = None,
    chapter: Annotated[Optional[int], typer.Option("--chapter", "-c", help="Check one chapter only.")] = None,
) -> None:
    """Authoring check: references pass, starters and mutants fail, examples run.

    Example: `mlprep validate --chapter 1`.
    """
    from engine import render
    from engine.validate import chapter_checklist, check_problem

    book = catalog()
    if problem_id:
        chosen = [problem(problem_id)]
    elif chapter is not None:
        try:
            chosen = list(book.chapter(chapter).problems)
        except LookupError as error:
            fail(str(error))
    else:
        chosen = list(book.problems)
    reports = []
    for item in chosen:
        report = check_problem(item)
        render.problem_report(report)
        reports.append(report)
    chapters = [c for c in book.chapters if any(r.problem.chapter == c.number for r in reports)]
    if not problem_id:
        for item in chapters:
            render.checklist(item, chapter_checklist(item, reports))
    variants = sum(len(r.variants) for r in reports)
    failures = [line for r in reports for line in r.failures()]
    render.validation_summary(len(reports), variants, failures)
    raise typer.Exit(1 if failures else 0)


def main() -> None:
    app()
