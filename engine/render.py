"""Terminal rendering with rich. Functions take plain data and print; no logic lives here."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.markdown import Markdown
from rich.panel import Panel
from rich.table import Table

if TYPE_CHECKING:
    from engine.problem import Chapter, Problem, Variant
    from engine.runner import Verdict
    from engine.mock import MockSession, MockView, Scorecard
    from engine.problem import Part
    from engine.report import ChapterReport
    from engine.scheduler import Queue
    from engine.store import MockRow
    from engine.watch import WatchState
    from engine.workspace import SubmitResult
    from engine.validate import Check, ProblemReport

console = Console(highlight=False)
error_console = Console(stderr=True, highlight=False)

STATUS_STYLE = {"passed": "green", "failed": "red", "error": "yellow", "timeout": "magenta", "crashed": "magenta"}
OUTCOME_MARK = {"passed": "[green]✓[/]", "skipped": "[dim]-[/]"}


def error(message: str) -> None:
    error_console.print(f"[bold red]error:[/] {message}")


def info(message: str) -> None:
    console.print(message)


def mark(ok: bool) -> str:
    return "[green]✓[/]" if ok else "[red]✗[/]"


def statement(problem: Problem, variant: Variant, *, parts: int | None = None) -> None:
    """The statement and the variant's brief; ``parts`` limits how many parts are shown."""
    console.print(Panel(
        f"[bold]{problem.number} {problem.title}[/]  ·  {problem.difficulty}  ·  target {variant.target_minutes} min\n"
        f"variant [bold]{variant.id}[/]: {variant.title}",
        expand=False,
    ))
    console.print(Markdown(problem.statement))
    console.print(Markdown(f"## Your variant: {variant.title}\n\n{variant.brief}"))
    for part in variant.parts[: None if parts is None else max(0, parts - 1)]:
        console.print(Markdown(f"### Part {part.number}: {part.title}\n\n{part.brief}"))


def verdict(result: Verdict, *, show_hidden_messages: bool = True) -> None:
    style = STATUS_STYLE[result.status]
    console.print(f"[bold {style}]{result.status.upper()}[/]  {result.passed}/{result.total} tests  ·  {result.duration_s:.1f} s")
    for test in result.tests:
        label = f"{test.name}{' [dim](hidden)[/]' if test.hidden else ''}"
        console.print(f"  {OUTCOME_MARK.get(test.outcome, '[red]✗[/]')} {label}")
        if test.outcome not in ("passed", "skipped") and test.message and (show_hidden_messages or not test.hidden):
            for line in test.message.splitlines()[:8]:
                console.print(f"      {line}", style="dim", markup=False)
    if not result.ok:
        console.print(f"[{style}]{result.message}[/]")
        if result.status in ("error", "crashed") and result.output.strip():
            console.print(Panel(result.output.strip()[-1500:], title="output", expand=False), markup=False)


def listing(rows: list[dict[str, Any]]) -> None:
    table = Table(show_lines=False)
    for column in ("#", "id", "title", "difficulty", "variants", "state", "due"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["number"], row["id"], row["title"], row["difficulty"], ", ".join(row["variants"]),
                      row["state"], (row["due"] or "")[:16].replace("T", " "))
    console.print(table)


def problem_report(report: ProblemReport, *, verbose: bool = False) -> None:
    """One problem's authoring check; ``verbose`` lists every check, such as which tests catch each mutant."""
    problem = report.problem
    console.print(f"{mark(report.ok)} [bold]{problem.number} {problem.id}[/]")
    for check in report.checks:
        if not check.ok:
            console.print(f"    {mark(False)} {escape(check.name)}: {escape(check.detail)}")
    for variant in report.variants:
        mutants = [c for c in variant.checks if c.name.startswith("mutant")]
        caught = sum(c.ok for c in mutants)
        console.print(f"    {mark(variant.ok)} {variant.variant.id}: {variant.visible_tests} visible tests, {caught}/{len(mutants)} mutants rejected")
        for check in variant.checks:
            if not check.ok:
                console.print(f"        ✗ {check.name}: {check.detail}", markup=False, style="red")
            elif verbose:
                console.print(f"        ✓ {check.name}: {check.detail}", markup=False, style="dim")


def checklist(chapter: Chapter, checks: list[Check]) -> None:
    console.print(f"\n[bold]Chapter {chapter.number}: {chapter.title}[/] quality checklist")
    for check in checks:
        console.print(f"  {mark(check.ok)} {check.name}")


def validation_summary(problems: int, variants: int, failures: list[str]) -> None:
    console.print(f"\nChecked {problems} problems and {variants} variants: "
                  + ("[green]all OK[/]" if not failures else f"[red]{len(failures)} failure(s)[/]"))


def hint(number: int, total: int, text: str) -> None:
    console.print(Panel(Markdown(text), title=f"hint {number}/{total}", expand=False))


def actions(choices: dict[str, str]) -> None:
    for key, text in choices.items():
        console.print(f"  [bold]{key}[/]  {text}")


def attempt_started(path: str, resumed: bool) -> None:
    verb = "Resuming" if resumed else "Your attempt file"
    console.print(f"\n{verb}: [bold]{path}[/]\nEdit it in your editor; the clock is running.")


def local_time(moment: datetime, timezone_name: str) -> str:
    from engine.clock import zone

    return moment.astimezone(zone(timezone_name)).strftime("%a %d %b %Y, %H:%M")


def queue(today: Queue) -> None:
    if not today.items:
        console.print("Nothing to drill today: no reviews are due and today's budget or new-problem limit is used. "
                      "`mlprep list` shows every problem; `mlprep start ID` practises one anyway.")
        return
    table = Table(title=f"Today: {len(today.items)} problem(s), {today.planned_minutes} min planned")
    for column in ("#", "problem", "variant", "kind", "target", "recall"):
        table.add_column(column)
    for item in today.items:
        recall = "" if item.retrievability is None else f"{item.retrievability:.0%}"
        table.add_row(item.problem.number, item.problem.title, item.variant.id, item.kind,
                      f"{item.variant.target_minutes} min", recall)
    console.print(table)
    if today.due_beyond_budget:
        console.print(f"[dim]{today.due_beyond_budget} more review(s) due beyond today's {today.budget_minutes}-minute budget.[/]")


def submitted(result: SubmitResult, timezone_name: str) -> None:
    verdict(result.verdict)
    minutes = (result.attempt.elapsed_seconds or 0) / 60
    console.print(f"Rated [bold]{result.grade.name}[/] ({minutes:.1f} min, {result.attempt.hints_used} hint(s)"
                  f"{', solution viewed' if result.attempt.solution_viewed else ''}). "
                  f"Next review: [bold]{local_time(result.card.due, timezone_name)}[/].")


def clock_text(seconds: float) -> str:
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"


def mock_intro(mock: MockSession, items: list) -> None:  # type: ignore[type-arg]
    console.print(Panel(
        f"[bold]Mock interview #{mock.mock.id}[/]: {len(items)} problem(s), {clock_text(mock.remaining())} left.\n"
        "No hints, no solutions. Run your tests as often as you like; at the deadline your files are graded as they stand.",
        expand=False,
    ))
    for index, (attempt, problem, variant) in enumerate(items, start=1):
        console.print(f"  {index}. {problem.title} ({problem.difficulty}, target {variant.target_minutes} min): {attempt.file_path}")
    attempt, problem, variant = items[0]
    statement(problem, variant, parts=mock.revealed_parts(attempt, variant))


def mock_prompt(mock: MockSession, index: int, count: int, problem: Problem, shown: int, parts: int) -> str:
    part = f", part {shown}/{parts}" if parts > 1 else ""
    return (f"[{clock_text(mock.remaining())} left]  problem {index + 1}/{count}: {problem.id}{part}  "
            "[r]un  [n]ext  [p]rev  [s]ubmit all  [q]uit")


def part_revealed(part: Part) -> None:
    console.print(Panel(Markdown(f"### Part {part.number}: {part.title}\n\n{part.brief}"), title="new requirement", expand=False))


def scorecard(card: Scorecard) -> None:
    table = Table(title=f"Mock #{card.mock.id} scorecard")
    for column in ("problem", "tests", "parts", "time", "rating"):
        table.add_column(column)
    for result in card.results:
        parts = 1 + len(result.variant.parts)
        table.add_row(
            f"{result.problem.number} {result.problem.id}",
            f"{result.verdict.passed}/{result.verdict.total}" + ("" if result.verdict.ok else f" ({result.verdict.status})"),
            f"{result.parts_passed}/{parts}",
            f"{clock_text(result.attempt.elapsed_seconds or 0)} / {result.variant.target_minutes}:00",
            result.grade.name,
        )
    console.print(table)
    console.print(f"Overall: [bold]{card.mock.result}[/] ({card.share:.0%} of tests passed)")
    for result in card.results:
        if result.notes:
            console.print(f"[dim]Code notes on {result.problem.id} (informative only):[/]")
            for note in result.notes:
                console.print(f"  [dim]{escape(note)}[/]")
    review = [r.problem.id for r in card.results if not r.verdict.ok]
    if review:
        console.print("Review: " + ", ".join(f"`mlprep solution {pid}`" for pid in review))


def mock_history(mocks: list[MockRow]) -> None:
    if not mocks:
        console.print("No mocks yet. `mlprep mock` starts one.")
        return
    table = Table(title="Mock interviews")
    for column in ("#", "started (UTC)", "minutes", "status", "tests", "result"):
        table.add_column(column)
    for mock in mocks:
        tests = "" if mock.tests_total is None else f"{mock.tests_passed}/{mock.tests_total}"
        table.add_row(str(mock.id), mock.started_at.strftime("%Y-%m-%d %H:%M"), str(mock.minutes), mock.status, tests, mock.result or "")
    console.print(table)


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def chapter_report(reports: list[ChapterReport], steps: list[str]) -> None:
    if not any(r.submissions for r in reports):
        console.print("No history yet: nothing to report. Start with `mlprep drill`.")
        return
    table = Table(title="Chapters, weakest first")
    for column in ("ch", "title", "seen", "recall", "pass rate", "time/target", "lapses", "hints", "weakness"):
        table.add_column(column)
    for r in reports:
        table.add_row(str(r.chapter), r.title, f"{r.seen}/{r.problems}", f"{r.recall:.2f}", _share(r.pass_rate),
                      _share(r.median_time_share), str(r.lapses), str(r.hints_used), f"{r.weakness:.2f}")
    console.print(table)
    if steps:
        console.print("[bold]Next steps[/]")
        for step in steps:
            console.print(f"  • {step}")


HEAT = ("[grey30]·[/]", "[green4]■[/]", "[green3]■[/]", "[green1]■[/]")


def heatmap(per_day: dict, today: Any, weeks: int = 26) -> None:  # type: ignore[type-arg]
    """Reviews per day as a GitHub-style grid: a column per week, a row per weekday."""
    from datetime import timedelta

    start = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    for weekday, name in enumerate(("Mon", "", "Wed", "", "Fri", "", "Sun")):
        cells = []
        for week in range(weeks):
            day = start + timedelta(days=7 * week + weekday)
            count = per_day.get(day, 0)
            cells.append(" " if day > today else HEAT[min(count, 3)])
        console.print(f"{name:>3} " + "".join(cells))
    console.print("    [dim]less[/] " + " ".join(HEAT) + " [dim]more[/]")


def progress(streak: int, per_day: dict, today: Any, forecast: list[int], retention: Any, desired: float) -> None:  # type: ignore[type-arg]
    console.print(f"Streak: [bold]{streak}[/] day(s)")
    console.print("Reviews per day, last 26 weeks:")
    heatmap(per_day, today)
    peak = max(forecast) or 1
    console.print("Due over the next 30 days:")
    for offset, count in enumerate(forecast):
        if count:
            console.print(f"  +{offset:>2}d {'█' * max(1, round(20 * count / peak))} {count}")
    if not any(forecast):
        console.print("  nothing scheduled")
    rate = retention.rate
    shown = "no reviews yet" if rate is None else f"{rate:.0%} of {retention.reviews} reviews passed"
    console.print(f"True retention: {shown} (desired {desired:.0%})")


def watch_view(state: WatchState) -> Any:
    """The live screen of watch mode: progress, the first failure, hints and the keys."""
    from rich.console import Group
    from rich.progress_bar import ProgressBar
    from rich.text import Text

    verdict_ = state.verdict
    parts: list[Any] = [Text.from_markup(
        f"[bold]{escape(state.problem.number)} {escape(state.problem.title)}[/]  ·  {clock_text(state.elapsed)} / "
        f"{state.target_minutes}:00  ·  {escape(str(state.file))}"
    )]
    if verdict_ is not None:
        style = STATUS_STYLE[verdict_.status]
        parts.append(ProgressBar(total=max(1, verdict_.total), completed=verdict_.passed, width=40,
                                 complete_style=style, finished_style="green"))
        parts.append(Text.from_markup(f"[bold {style}]{verdict_.status.upper()}[/] {verdict_.passed}/{verdict_.total} visible tests"))
        failure = next((t for t in verdict_.tests if t.outcome not in ("passed", "skipped")), None)
        if failure is not None:
            detail = failure.message or verdict_.message
            parts.append(Panel(Text(detail[:600]), title=f"first failure: {failure.name}", expand=False))
        elif not verdict_.ok:
            parts.append(Panel(Text(verdict_.message + ("\n" + verdict_.output[-600:] if verdict_.output.strip() else "")),
                               title=verdict_.status, expand=False))
    for number, text in enumerate(state.hints, start=1):
        parts.append(Panel(Markdown(text), title=f"hint {number}", expand=False))
    parts.append(Text.from_markup(f"[dim]{escape(state.message)}[/]"))
    parts.append(Text.from_markup("[bold]h[/] hint  [bold]s[/] submit  [bold]n[/] skip  [bold]q[/] quit (saved)"))
    return Group(*parts)


def mock_view(view: MockView) -> Any:
    """The live screen of a mock in watch mode: the countdown, every problem's last run, the keys."""
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = [Text.from_markup(f"[bold]Mock #{view.mock.mock.id}[/]  ·  {clock_text(view.mock.remaining())} left")]
    for index, (attempt, problem, variant) in enumerate(view.items):
        result = view.verdicts.get(index)
        shown = view.mock.revealed_parts(attempt, variant)
        score = "not run yet" if result is None else f"{result.passed}/{result.total} visible ({result.status})"
        pointer = "▶" if index == view.current else " "
        part = f", part {shown}/{1 + len(variant.parts)}" if variant.parts else ""
        parts.append(Text(f"{pointer} {index + 1}. {problem.id}{part}: {score}  {attempt.file_path}"))
    current = view.verdicts.get(view.current)
    failure = None if current is None else next((t for t in current.tests if t.outcome != "passed"), None)
    if failure is not None:
        parts.append(Panel(Text((failure.message or current.message)[:600]), title=f"first failure: {failure.name}", expand=False))
    parts.append(Text.from_markup(f"[dim]{escape(view.message)}[/]"))
    parts.append(Text.from_markup("[bold]n[/]/[bold]p[/] next/previous  [bold]s[/] submit all  [bold]q[/] pause"))
    return Group(*parts)
