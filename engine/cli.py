"""The `mlprep` command line: a thin layer over the engine's plain functions.

Start-up stays light: heavy modules (sqlmodel, numpy, torch, numba, pytest) are imported
inside the commands that need them, never at module level.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional

import typer
from typer.core import TyperGroup

from engine import __version__

if TYPE_CHECKING:
    from engine.catalog import Catalog
    from engine.problem import Problem, Variant
    from engine.runner import Verdict
    from engine.workspace import Workspace


def is_user_error(error: Exception) -> bool:
    """Errors that are the user's or the content's to fix: reported in one line, no traceback."""
    from engine.catalog import ContentError, UnknownProblemError
    from engine.clock import ClockError
    from engine.markers import MarkerError
    from engine.settings import SettingError
    from engine.store import StoreError
    from engine.workspace import WorkspaceError

    return isinstance(error, (ContentError, UnknownProblemError, ClockError, MarkerError, SettingError, StoreError, WorkspaceError, LookupError))


class _Group(TyperGroup):
    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as error:
            if not is_user_error(error):
                raise
            fail(str(error).strip("'\""))


app = typer.Typer(
    cls=_Group,
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


def catalog(*, strict: bool = True) -> Catalog:
    from engine.catalog import Catalog, ContentError
    from engine.paths import problems_root

    try:
        return Catalog.load(problems_root(), strict=strict)
    except ContentError as error:
        fail(f"malformed content: {error}")


def problem(key: str) -> Problem:
    from engine.catalog import UnknownProblemError

    try:
        return catalog().get(key)
    except UnknownProblemError as error:
        fail(str(error))


def workspace() -> Workspace:
    """The user's store, attempt files and clock."""
    from engine.paths import home
    from engine.workspace import Workspace

    return Workspace.open(home(_state.home), catalog())


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

    with workspace() as ws:
        rows = ws.listing(chapter)
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


def _report_verdict(verdict: Verdict, as_json: bool) -> NoReturn:
    """Print a verdict (as JSON or for people) and exit 0 only if it passed."""
    from engine import render

    if as_json:
        typer.echo(json.dumps(verdict.to_dict(), indent=2))
    else:
        render.verdict(verdict)
    raise typer.Exit(0 if verdict.ok else 1)


def _variant(found: Problem, variant_id: str | None) -> Variant:
    return found.variant(variant_id)


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
    from engine.runner import grade

    found = problem(problem_id)
    chosen = _variant(found, variant)
    if not file.is_file():
        fail(f"no file at {file}")
    verdict = grade(found, chosen, file, visible_only=visible_only)
    _report_verdict(verdict, as_json)


@app.command()
def validate(
    problem_id: Annotated[Optional[str], typer.Option("--problem", "-p", help="Check one problem only.")] = None,
    chapter: Annotated[Optional[int], typer.Option("--chapter", "-c", help="Check one chapter only.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", help="List every check, e.g. which tests catch each mutant.")] = False,
    cold: Annotated[bool, typer.Option("--cold", help="Grade each run in a fresh interpreter instead of the warm runner.")] = False,
) -> None:
    """Authoring check: references pass, starters and mutants fail, examples run.

    Example: `mlprep validate --chapter 1`.
    """
    from engine import render
    from engine.validate import chapter_checklist, check_problem

    from engine.catalog import UnknownProblemError

    book = catalog(strict=False)
    for error in book.errors:
        render.error(f"malformed content: {error}")
    if problem_id:
        try:
            chosen = [book.get(problem_id)]
        except UnknownProblemError as error:
            fail(str(error) + (" (or it is one of the malformed packages above)" if book.errors else ""))
    elif chapter is not None:
        try:
            chosen = list(book.chapter(chapter).problems)
        except LookupError as error:
            fail(str(error))
    else:
        chosen = list(book.problems)
    reports = []
    for item in chosen:
        report = check_problem(item, warm=not cold)
        render.problem_report(report, verbose=verbose)
        reports.append(report)
    chapters = [c for c in book.chapters if any(r.problem.chapter == c.number for r in reports)]
    if not problem_id:
        for item in chapters:
            render.checklist(item, chapter_checklist(item, reports))
    variants = sum(len(r.variants) for r in reports)
    skipped = [] if problem_id else [f"malformed: {error}" for error in book.errors]
    failures = skipped + [line for r in reports for line in r.failures()]
    render.validation_summary(len(reports), variants, failures)
    raise typer.Exit(1 if failures else 0)


WatchOption = Annotated[bool, typer.Option("--watch/--no-watch", help="Re-run the tests on every save (needs a terminal).")]


@app.command()
def drill(watch: WatchOption = True) -> None:
    """The daily session: today's reviews and new problems, one at a time. Example: `mlprep drill`."""
    from engine import drill as drill_loop
    from engine.warm import WarmRunner

    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    with workspace() as ws, WarmRunner() as warm:
        ws.run = warm.run_tests
        warm.preload(sorted({m for p in ws.catalog.problems for m in p.requires}))
        code = drill_loop.run(ws, ask=lambda text: input(f"{text}\n> "), watch=watch and interactive)
    raise typer.Exit(code)


@app.command()
def today(as_json: JsonOption = False) -> None:
    """Show today's queue without starting anything. Example: `mlprep today --json`."""
    from engine import render

    with workspace() as ws:
        queue = ws.today()
    if not as_json:
        render.queue(queue)
        return
    typer.echo(json.dumps({
        "day_start": queue.day_start.isoformat(),
        "budget_minutes": queue.budget_minutes,
        "used_minutes": queue.used_minutes,
        "planned_minutes": queue.planned_minutes,
        "due_beyond_budget": queue.due_beyond_budget,
        "items": [
            {
                "id": item.problem.id, "number": item.problem.number, "title": item.problem.title,
                "variant": item.variant.id, "kind": item.kind, "target_minutes": item.variant.target_minutes,
                "due": item.due.isoformat() if item.due else None, "retrievability": item.retrievability,
            }
            for item in queue.items
        ],
    }, indent=2))


ProblemArgument = Annotated[str, typer.Argument(help="Problem id or number, e.g. prefix-sum or 1.1.")]


@app.command()
def start(problem_id: ProblemArgument, variant: VariantOption = None) -> None:
    """Start (or resume) an attempt and write its starter file. Example: `mlprep start 1.1`."""
    from engine import render

    found = problem(problem_id)
    with workspace() as ws:
        resumed = ws.open_attempt(found) is not None
        attempt = ws.start(found, variant)
    render.attempt_started(attempt.file_path, resumed=resumed)
    typer.echo(attempt.file_path)


@app.command()
def submit(
    problem_id: ProblemArgument,
    file: Annotated[Optional[Path], typer.Option("--file", "-f", help="Grade this file instead of the attempt file.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Grade the open attempt on every test, rate it and schedule the next review.

    Exit code 0 when every test passes. Example: `mlprep submit prefix-sum`.
    """
    from engine import render

    found = problem(problem_id)
    with workspace() as ws:
        result = ws.submit(found, file)
        zone_name = ws.settings().timezone
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2))
    else:
        render.submitted(result, zone_name)
    raise typer.Exit(0 if result.verdict.ok else 1)


@app.command()
def run(problem_id: ProblemArgument, as_json: JsonOption = False) -> None:
    """Run the visible tests on the open attempt; records nothing. Example: `mlprep run 1.1`."""

    found = problem(problem_id)
    with workspace() as ws:
        verdict = ws.run_visible(found)
    _report_verdict(verdict, as_json)


@app.command()
def hint(problem_id: ProblemArgument) -> None:
    """Reveal the next hint for the open attempt (a solve with hints rates Hard). Example: `mlprep hint 1.1`."""
    from engine import render

    found = problem(problem_id)
    with workspace() as ws:
        number, total, text = ws.reveal_hint(found)
    render.hint(number, total, text)


@app.command()
def solution(
    problem_id: ProblemArgument,
    variant: VariantOption = None,
    force: Annotated[bool, typer.Option("--force", help="Show it even before an attempt, or during one (rates it Again).")] = False,
) -> None:
    """Show the reference solution after an attempt. Example: `mlprep solution 1.1`."""
    found = problem(problem_id)
    with workspace() as ws:
        _chosen, text = ws.solution(found, variant, force=force)
    typer.echo(text, nl=False)


@app.command()
def skip(problem_id: ProblemArgument) -> None:
    """Close the open attempt without a review; the problem stays due. Example: `mlprep skip 1.1`."""
    found = problem(problem_id)
    with workspace() as ws:
        ws.skip(found)
    typer.echo(f"skipped {found.id}")


@app.command()
def settings(
    key: Annotated[Optional[str], typer.Argument(help="Setting to show or change.")] = None,
    value: Annotated[Optional[str], typer.Argument(help="New value.")] = None,
) -> None:
    """Show or change settings. Example: `mlprep settings new_per_day 3`."""
    from engine import render
    from engine.settings import DESCRIPTIONS, as_dict

    with workspace() as ws:
        current = ws.set_setting(key, value) if key and value is not None else ws.settings()
    shown = as_dict(current)
    if key and key not in shown:
        fail(f"unknown setting {key!r}; settings: {', '.join(shown)}")
    for name, item in shown.items():
        if key in (None, name):
            render.info(f"{name} = {item!r}    [dim]{DESCRIPTIONS[name]}[/]")


@app.command()
def mock(
    minutes: Annotated[int, typer.Option("--minutes", "-m", min=5, help="Length of the interview.")] = 45,
    problems: Annotated[int, typer.Option("--problems", "-n", min=1, help="How many problems.")] = 2,
    chapter: Annotated[Optional[list[int]], typer.Option("--chapter", "-c", help="Only these chapters (repeatable).")] = None,
    difficulty: Annotated[Optional[list[str]], typer.Option("--difficulty", "-d", help="Only these difficulties (repeatable).")] = None,
    seed: Annotated[Optional[int], typer.Option("--seed", help="Fix the random choice of problems.")] = None,
    show_history: Annotated[bool, typer.Option("--history", help="List past mocks with their scores.")] = False,
    watch: WatchOption = True,
    abandon: Annotated[bool, typer.Option("--abandon", help="End the open mock without grading it.")] = False,
) -> None:
    """A timed interview simulation; resumes an interrupted one. Example: `mlprep mock --minutes 45 --chapter 2`."""
    import random

    from engine import mock as mock_module, render
    from engine.problem import DIFFICULTIES

    with workspace() as ws:
        if show_history:
            render.mock_history(mock_module.history(ws))
            return
        session = mock_module.MockSession.find_open(ws)
        if abandon:
            if session is None:
                fail("no mock is open")
            session.abandon()
            render.info(f"Mock #{session.mock.id} abandoned; its files stay in drills/mock-{session.mock.id}/.")
            return
        if session is None:
            unknown = [d for d in difficulty or [] if d not in DIFFICULTIES]
            if unknown:
                fail(f"unknown difficulty {unknown[0]!r}; expected one of {', '.join(DIFFICULTIES)}")
            pool = [p for p in ws.catalog.problems
                    if (not chapter or p.chapter in chapter) and (not difficulty or p.difficulty in difficulty)]
            chosen = mock_module.choose(pool, ws.chapter_reports(), minutes=minutes, count=problems, rng=random.Random(seed))
            session = mock_module.MockSession.start(ws, chosen, minutes)
        else:
            render.info(f"Resuming mock #{session.mock.id}.")
        from engine.warm import WarmRunner

        with WarmRunner() as warm:
            ws.run = warm.run_tests
            warm.preload(sorted({m for _, p, _ in session.items() for m in p.requires}))
            interactive = sys.stdin.isatty() and sys.stdout.isatty()
            code = mock_module.run(session, ask=lambda text: input(f"{text}\n> "), watch=watch and interactive)
    raise typer.Exit(code)


@app.command()
def report(
    as_json: JsonOption = False,
    plot: Annotated[Optional[Path], typer.Option("--plot", help="Also write a PNG of retention per chapter and review history.")] = None,
) -> None:
    """The weakest chapters first, with next steps. Example: `mlprep report --plot progress.png`."""
    from engine import render
    from engine.report import as_json as report_json

    with workspace() as ws:
        reports = ws.chapter_reports()
        steps = ws.next_steps(reports)
        if plot is not None:
            from engine.plot import write_plot

            write_plot(plot, reports, ws.reviews_per_day())
    if as_json:
        typer.echo(json.dumps(report_json(reports, steps), indent=2))
    else:
        render.chapter_report(reports, steps)
    if plot is not None and not as_json:
        render.info(f"Wrote {plot}")


@app.command()
def stats(as_json: JsonOption = False) -> None:
    """Streak, reviews per day, the 30-day forecast and true retention. Example: `mlprep stats`."""
    from engine import render

    with workspace() as ws:
        summary = ws.progress()
    if as_json:
        typer.echo(json.dumps({
            "streak": summary.streak,
            "reviews_per_day": {day.isoformat(): n for day, n in sorted(summary.per_day.items())},
            "forecast": summary.forecast,
            "retention": {"reviews": summary.retention.reviews, "passed": summary.retention.passed, "rate": summary.retention.rate},
            "desired_retention": summary.desired_retention,
        }, indent=2))
    else:
        render.progress(summary.streak, summary.per_day, summary.today, summary.forecast, summary.retention, summary.desired_retention)


@app.command()
def notebooks(
    chapter: Annotated[Optional[list[int]], typer.Option("--chapter", "-c", help="Only these chapters (repeatable).")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Folder to write to (default: notebooks/, or build/notebooks-solutions/ with --solutions).")] = None,
    solutions: Annotated[bool, typer.Option("--solutions", help="Fill in the reference solutions and keep hidden tests (for authors and instructors).")] = False,
) -> None:
    """Generate one Jupyter/Colab notebook per chapter. Example: `mlprep notebooks --chapter 1`."""
    from engine import notebook, render
    from engine.paths import REPO_ROOT

    book = catalog()
    chosen = [c for c in book.chapters if not chapter or c.number in chapter]
    if chapter and len(chosen) != len(set(chapter)):
        fail(f"no chapter among {chapter}; chapters: {', '.join(str(c.number) for c in book.chapters)}")
    target = out or (REPO_ROOT / "build" / "notebooks-solutions" if solutions else notebook.NOTEBOOKS_DIR)
    for path in notebook.write(chosen, target, solutions=solutions):
        render.info(f"wrote {path}")


def main() -> None:
    app()
