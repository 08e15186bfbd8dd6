"""The interactive daily session behind `mlprep drill`.

The user edits the attempt file in their own editor; this loop only asks what to do
next. Input arrives through ``ask``, so tests drive the loop with scripted answers.
"""

from __future__ import annotations

from collections.abc import Callable

from engine import render
from engine.problem import Problem
from engine.workspace import Workspace, elapsed_seconds

Ask = Callable[[str], str]

ACTIONS = {
    "r": "run the visible tests",
    "h": "reveal the next hint (rates a solve Hard)",
    "s": "submit: grade on every test and schedule the next review",
    "k": "skip this problem for today",
    "q": "quit; progress is saved and the next drill resumes here",
}


def prompt_text(elapsed: float, target_minutes: int) -> str:
    minutes, seconds = divmod(int(elapsed), 60)
    return f"[{minutes}:{seconds:02d} / {target_minutes}:00]  [r]un  [h]int  [s]ubmit  s[k]ip  [q]uit"


def run(workspace: Workspace, ask: Ask, *, watch: bool = False) -> int:
    """Work through today's queue; returns the process exit code.

    With ``watch``, each save of the attempt file re-runs the visible tests and single keys
    act (see :mod:`engine.watch`); otherwise ``ask`` prompts for a line per action.
    """
    queue = workspace.today()
    render.queue(queue)
    if not queue.items:
        return 0
    for item in queue.items:
        problem = item.problem
        attempt = workspace.start(problem, None if item.kind == "resume" else item.variant.id)
        variant = problem.variant(attempt.variant)
        render.statement(problem, variant)
        render.attempt_started(attempt.file_path, item.kind == "resume")
        try:
            if watch:
                if _watch(workspace, problem) == "quit":
                    render.info(f"Progress saved. `mlprep drill` resumes {problem.id} where you left off.")
                    return 0
                continue
            while True:
                answer = ask(prompt_text(elapsed_seconds(attempt, workspace.now()), variant.target_minutes)).strip().lower()[:1]
                if answer == "r":
                    render.verdict(workspace.run_visible(problem))
                elif answer == "h":
                    number, total, text = workspace.reveal_hint(problem)
                    render.hint(number, total, text)
                    attempt = workspace.open_attempt(problem) or attempt
                elif answer == "s":
                    render.submitted(workspace.submit(problem), workspace.settings().timezone)
                    break
                elif answer == "k":
                    workspace.skip(problem)
                    render.info(f"Skipped {problem.id}; it stays due.")
                    break
                elif answer == "q":
                    workspace.pause(attempt)
                    render.info(f"Progress saved. `mlprep drill` resumes {problem.id} where you left off.")
                    return 0
                else:
                    render.actions(ACTIONS)
        except (KeyboardInterrupt, EOFError):
            workspace.pause(attempt)
            render.info(f"\nInterrupted. Progress saved: `mlprep drill` resumes {problem.id}.")
            return 130
    render.info("That's today's drill done. See you tomorrow.")
    return 0


def _watch(workspace: Workspace, problem: Problem) -> str:
    """One attempt in watch mode, on a terminal; returns "submit", "skip" or "quit"."""
    from pathlib import Path

    from rich.live import Live

    from engine import watch

    attempt = workspace.open_attempt(problem)
    assert attempt is not None
    with watch.producers([Path(attempt.file_path)]) as events, watch.cbreak(), \
            Live(console=render.console, refresh_per_second=4, transient=True) as live:
        action, result = watch.watch_attempt(
            workspace, problem, events, draw=lambda state: live.update(render.watch_view(state)),
            run=lambda: workspace.run_visible(problem),
        )
    if result is not None:
        render.submitted(result, workspace.settings().timezone)
    elif action == "skip":
        render.info(f"Skipped {problem.id}; it stays due.")
    return action
