"""Watch mode: every save of the attempt file re-runs the visible tests and redraws the result.

Events (a file change, a key, a clock tick) arrive on one queue from small producer
threads; :func:`watch_attempt` consumes them, so tests drive it with a scripted queue.
Saves are debounced, and a run whose file changed again meanwhile is not shown: only
the latest save's result reaches the screen.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from engine.problem import Problem
from engine.runner import Verdict
from engine.workspace import SubmitResult, Workspace, elapsed_seconds

DEBOUNCE_MS = 150
TICK_SECONDS = 0.5
POLLING_VARIABLE = "MLPREP_WATCH_POLLING"
KEYS = {"h": "hint", "s": "submit", "n": "skip", "q": "quit"}


@dataclass(frozen=True)
class Event:
    kind: str  # "change", "key" or "tick"
    value: str = ""


@dataclass
class WatchState:
    """What the screen shows."""

    problem: Problem
    file: Path
    target_minutes: int
    elapsed: float = 0.0
    verdict: Verdict | None = None
    running: bool = False
    runs: int = 0
    hints: list[str] = field(default_factory=list)
    message: str = "Save the file to run the visible tests."


def watch_attempt(
    workspace: Workspace,
    problem: Problem,
    events: queue.Queue[Event],
    draw: Callable[[WatchState], None],
    run: Callable[[], Verdict],
) -> tuple[str, SubmitResult | None]:
    """Serve one attempt until the user submits, skips or quits; returns the action and any submit result."""
    attempt = workspace.open_attempt(problem)
    if attempt is None:
        raise RuntimeError(f"no open attempt at {problem.id}")
    variant = problem.variant(attempt.variant)
    state = WatchState(problem, Path(attempt.file_path), variant.target_minutes)
    draw(state)
    while True:
        event = events.get()
        state.elapsed = elapsed_seconds(attempt, workspace.now())
        if event.kind == "change":
            drain_changes(events)  # a burst of saves is one run, of the latest content
            state.running, state.message = True, "running the visible tests…"
            draw(state)
            verdict = run()
            while drain_changes(events):  # saved again while the tests ran: that result is stale
                verdict = run()
            state.running = False
            state.verdict, state.runs = verdict, state.runs + 1
            state.message = f"run {state.runs} at {time.strftime('%H:%M:%S')}"
        elif event.kind == "key":
            action = KEYS.get(event.value.lower())
            if action == "hint":
                number, total, text = workspace.reveal_hint(problem)
                if len(state.hints) < number:
                    state.hints.append(text)
                state.message = f"hint {number}/{total} revealed"
            elif action == "submit":
                return "submit", workspace.submit(problem)
            elif action == "skip":
                workspace.skip(problem)
                return "skip", None
            elif action == "quit":
                workspace.pause(attempt)
                return "quit", None
        draw(state)


def drain_changes(events: queue.Queue[Event]) -> set[str]:
    """Remove queued file changes, keeping other events in order; the files that changed."""
    kept: list[Event] = []
    changed: set[str] = set()
    while True:
        try:
            event = events.get_nowait()
        except queue.Empty:
            break
        if event.kind == "change":
            changed.add(event.value)
        else:
            kept.append(event)
    for event in kept:
        events.put(event)
    return changed



# --- producers ---------------------------------------------------------------------------------


def watch_files(paths: list[Path], events: queue.Queue[Event], stop: threading.Event) -> None:
    """Queue a change, naming the file, whenever one of ``paths`` is written (swap files and renames included).

    Uses the operating system's file events; ``MLPREP_WATCH_POLLING=1`` switches to polling
    for filesystems that deliver none (network mounts, some containers).
    """
    from watchfiles import watch

    polling = os.environ.get(POLLING_VARIABLE, "").lower() in ("1", "true", "yes")
    targets = {path.resolve() for path in paths}
    folders = sorted({str(path.parent) for path in targets})
    for changes in watch(*folders, debounce=DEBOUNCE_MS, step=50, stop_event=stop, force_polling=polling or None,
                         raise_interrupt=False):
        for changed in sorted({Path(changed).resolve() for _, changed in changes} & targets):
            events.put(Event("change", str(changed)))


def tick(events: queue.Queue[Event], stop: threading.Event) -> None:
    while not stop.wait(TICK_SECONDS):
        events.put(Event("tick"))


def read_keys(events: queue.Queue[Event], stop: threading.Event) -> None:
    """Queue single key presses from a terminal in cbreak mode."""
    import select

    while not stop.is_set():
        ready, _, _ = select.select([sys.stdin], [], [], 0.1)
        if ready:
            key = sys.stdin.read(1)
            if not key:
                events.put(Event("key", "q"))
                return
            events.put(Event("key", key))


@contextmanager
def cbreak() -> Iterator[None]:
    """Single-key input without echo, restored on exit."""
    import termios
    import tty

    descriptor = sys.stdin.fileno()
    saved = termios.tcgetattr(descriptor)
    try:
        tty.setcbreak(descriptor)
        yield
    finally:
        termios.tcsetattr(descriptor, termios.TCSADRAIN, saved)


@contextmanager
def producers(paths: list[Path], *, keys: bool = True) -> Iterator[queue.Queue[Event]]:
    """Start the file watcher, the clock and (on a terminal) the key reader; stop them on exit."""
    events: queue.Queue[Event] = queue.Queue()
    stop = threading.Event()
    threads = [threading.Thread(target=watch_files, args=(paths, events, stop), daemon=True),
               threading.Thread(target=tick, args=(events, stop), daemon=True)]
    if keys:
        threads.append(threading.Thread(target=read_keys, args=(events, stop), daemon=True))
    for thread in threads:
        thread.start()
    events.put(Event("change", str(paths[0].resolve())))  # show the starting state of the tests at once
    try:
        yield events
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=2)
