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
    from engine.scheduler import Queue
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


def statement(problem: Problem, variant: Variant) -> None:
    console.print(Panel(
        f"[bold]{problem.number} {problem.title}[/]  ·  {problem.difficulty}  ·  target {variant.target_minutes} min\n"
        f"variant [bold]{variant.id}[/]: {variant.title}",
        expand=False,
    ))
    console.print(Markdown(problem.statement))
    console.print(Markdown(f"## Your variant: {variant.title}\n\n{variant.brief}"))
    for part in variant.parts:
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


def problem_report(report: ProblemReport) -> None:
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
