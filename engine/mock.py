"""`mlprep mock`: a timed interview simulation over a few problems.

The candidate works on files under ``drills/mock-<id>/``; while the clock runs they may
run the visible tests as often as they like, move between problems and submit early. No
hints, no solutions. At the deadline the files are graded as they stood at that instant,
hidden tests included; each problem is recorded as an attempt of mode ``mock`` and
reviewed in FSRS like a drill.

Rubric (documented in the README), on the share of all tests passed:
strong hire >= 0.9, hire >= 0.75, lean no hire >= 0.5, no hire below.
"""

from __future__ import annotations

import queue
import random
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlmodel import select

from engine import clock, render, scheduler
from engine.catalog import file_stem
from engine.paths import drills_dir
from engine.problem import DIFFICULTIES, Problem, Variant
from engine.quality import quality_notes
from engine.report import ChapterReport
from engine.runner import Verdict, grade
from engine.scoring import Grade, Performance, rate
from engine.store import AttemptRow, CardRow, MockRow
from engine.watch import Event, drain_changes
from engine.workspace import Workspace, WorkspaceError

RUBRIC = ((0.9, "strong hire"), (0.75, "hire"), (0.5, "lean no hire"), (0.0, "no hire"))
PART_MINUTES = 12  # a later part is revealed when the earlier one passes, or after this long
SAME_DIFFICULTY_DAMPING = 0.3


def verdict_label(share: float) -> str:
    """The rubric's label for the share of tests passed."""
    return next(label for threshold, label in RUBRIC if share >= threshold)


def choose(
    problems: Sequence[Problem],
    chapter_reports: Sequence[ChapterReport],
    *,
    minutes: int,
    count: int,
    rng: random.Random,
) -> list[Problem]:
    """Pick up to ``count`` problems whose target minutes fit in ``minutes``.

    Weighted towards weak and unseen chapters (weight 0.1 + weakness), with difficulties
    mixed: once a difficulty is chosen, others of it become less likely.
    """
    weakness = {r.chapter: r.weakness for r in chapter_reports}
    weights = {p.id: 0.1 + weakness.get(p.chapter, 1.0) for p in problems}
    chosen: list[Problem] = []
    remaining = minutes
    pool = list(problems)
    while pool and len(chosen) < count:
        fitting = [p for p in pool if p.target_minutes <= remaining]
        if not fitting:
            break
        pick = rng.choices(fitting, weights=[weights[p.id] for p in fitting])[0]
        chosen.append(pick)
        remaining -= pick.target_minutes
        pool.remove(pick)
        for other in pool:
            if other.difficulty == pick.difficulty:
                weights[other.id] *= SAME_DIFFICULTY_DAMPING
    return sorted(chosen, key=lambda p: (DIFFICULTIES.index(p.difficulty), p.chapter, p.position))


@dataclass
class ProblemResult:
    attempt: AttemptRow
    problem: Problem
    variant: Variant
    verdict: Verdict
    parts_passed: int
    grade: Grade
    notes: list[str] = field(default_factory=list)


@dataclass
class Scorecard:
    mock: MockRow
    results: list[ProblemResult]

    @property
    def share(self) -> float:
        total = sum(r.verdict.total for r in self.results)
        return sum(r.verdict.passed for r in self.results) / total if total else 0.0


class MockSession:
    """An open mock: its attempts, the clock, and the snapshot taken at the deadline."""

    def __init__(self, workspace: Workspace, mock: MockRow) -> None:
        self.workspace, self.mock = workspace, mock
        self.snapshot: dict[int, str] | None = None
        self._timer: threading.Timer | None = None

    # --- creation and lookup ---------------------------------------------------------------

    @classmethod
    def start(cls, workspace: Workspace, problems: Sequence[Problem], minutes: int) -> MockSession:
        if not problems:
            raise WorkspaceError(f"no problem fits in {minutes} minutes with those filters; allow more minutes or chapters")
        now = workspace.now()
        mock = MockRow(status="open", minutes=minutes, started_at=now)
        last_seen = workspace.last_seen()
        with workspace.store.transaction() as session:
            session.add(mock)
            session.flush()
            for problem in problems:
                variant = scheduler.next_variant(problem, last_seen)
                path = drills_dir(workspace.home) / f"mock-{mock.id}" / problem.id / f"{file_stem(variant.id)}.py"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(variant.starter, encoding="utf-8")
                session.add(AttemptRow(
                    problem_id=problem.id, variant=variant.id, mode="mock", mock_id=mock.id, status="open",
                    file_path=str(path), started_at=now, elapsed_seconds=0.0, parts_passed=0,
                ))
        return cls(workspace, mock)

    @classmethod
    def find_open(cls, workspace: Workspace) -> MockSession | None:
        with workspace.store.transaction() as session:
            mock = session.exec(select(MockRow).where(MockRow.status == "open")).first()
        return None if mock is None else cls(workspace, mock)

    def attempts(self) -> list[AttemptRow]:
        with self.workspace.store.transaction() as session:
            query = select(AttemptRow).where(AttemptRow.mock_id == self.mock.id).order_by(AttemptRow.id)  # type: ignore[arg-type]
            return list(session.exec(query))

    def items(self) -> list[tuple[AttemptRow, Problem, Variant]]:
        found = []
        for attempt in self.attempts():
            problem = self.workspace.catalog.get(attempt.problem_id)
            found.append((attempt, problem, problem.variant(attempt.variant)))
        return found

    # --- the clock -------------------------------------------------------------------------

    def elapsed(self, now: datetime | None = None) -> float:
        now = now or self.workspace.now()
        total = (now - clock.as_utc(self.mock.started_at)).total_seconds() - self.mock.paused_seconds
        if self.mock.paused_at is not None:
            total -= (now - clock.as_utc(self.mock.paused_at)).total_seconds()
        return max(0.0, total)

    def remaining(self, now: datetime | None = None) -> float:
        return max(0.0, self.mock.minutes * 60 - self.elapsed(now))

    def pause(self) -> None:
        self.cancel_deadline()
        if self.mock.paused_at is None:
            self.mock.paused_at = self.workspace.now()
            self._save(self.mock)

    def resume(self) -> None:
        if self.mock.paused_at is not None:
            self.mock.paused_seconds += max(0.0, (self.workspace.now() - clock.as_utc(self.mock.paused_at)).total_seconds())
            self.mock.paused_at = None
            self._save(self.mock)

    def arm_deadline(self) -> None:
        """Snapshot every file at the deadline, so edits after it do not count."""
        self._timer = threading.Timer(self.remaining(), self.take_snapshot)
        self._timer.daemon = True
        self._timer.start()

    def cancel_deadline(self) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def take_snapshot(self) -> None:
        snapshot = {}
        for attempt in self.attempts():
            path = Path(attempt.file_path)
            snapshot[attempt.id or 0] = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
        self.snapshot = snapshot

    def add_time(self, attempt: AttemptRow, seconds: float) -> None:
        """Charge working time to the problem the candidate was on, never past the deadline."""
        charged = sum(a.elapsed_seconds or 0.0 for a in self.attempts())
        seconds = min(max(0.0, seconds), max(0.0, self.mock.minutes * 60 - charged))
        attempt.elapsed_seconds = (attempt.elapsed_seconds or 0.0) + seconds
        self._save(attempt)

    def _save(self, row: AttemptRow | MockRow) -> None:
        with self.workspace.store.transaction() as session:
            session.merge(row)

    # --- parts -----------------------------------------------------------------------------

    def revealed_parts(self, attempt: AttemptRow, variant: Variant) -> int:
        """Parts shown so far: one more than passed, or more as the clock passes each part mark."""
        by_time = 1 + int(self.elapsed() // (PART_MINUTES * 60))
        return min(1 + len(variant.parts), max(1 + (attempt.parts_passed or 0), by_time))

    def run_visible(self, attempt: AttemptRow, problem: Problem, variant: Variant) -> Verdict:
        """Visible tests of the revealed parts; passing the last revealed part unlocks the next."""
        shown = self.revealed_parts(attempt, variant)
        verdict = grade(problem, variant, Path(attempt.file_path), visible_only=True, max_part=shown, run=self.workspace.run)
        if verdict.ok and shown > (attempt.parts_passed or 0):
            attempt.parts_passed = shown
            self._save(attempt)
        return verdict

    # --- the end ---------------------------------------------------------------------------

    def finish(self) -> Scorecard:
        """Grade every file (as snapshotted at the deadline, if it passed), record and schedule."""
        self.cancel_deadline()
        if self.snapshot is None and self.remaining() <= 0:
            self.take_snapshot()
        now = self.workspace.now()
        fsrs_scheduler = scheduler.make_scheduler(self.workspace.settings())
        results = []
        for attempt, problem, variant in self.items():
            verdict, source = self._grade(attempt, problem, variant)
            parts_passed = _parts_passed(verdict, 1 + len(variant.parts))
            result = rate(Performance(verdict.ok, attempt.elapsed_seconds or 0.0, variant.target_minutes, 0, False))
            with self.workspace.store.transaction() as session:
                card = scheduler.review(session.get(CardRow, problem.id), problem.id, result, now, fsrs_scheduler)
                session.merge(card)
                attempt.status, attempt.submitted_at, attempt.source = "submitted", now, source
                attempt.tests_passed, attempt.tests_total, attempt.verdict = verdict.passed, verdict.total, verdict.status
                attempt.rating, attempt.parts_passed = int(result), parts_passed
                session.merge(attempt)
            results.append(ProblemResult(attempt, problem, variant, verdict, parts_passed, result, quality_notes(source)))
        card = Scorecard(self.mock, results)
        self.mock.status, self.mock.finished_at = "finished", now
        self.mock.paused_at = None
        self.mock.tests_passed = sum(r.verdict.passed for r in results)
        self.mock.tests_total = sum(r.verdict.total for r in results)
        self.mock.result = verdict_label(card.share)
        self._save(self.mock)
        return card

    def _grade(self, attempt: AttemptRow, problem: Problem, variant: Variant) -> tuple[Verdict, str]:
        path = Path(attempt.file_path)
        if self.snapshot is not None:
            source = self.snapshot.get(attempt.id or 0, "")
        else:
            source = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
        with tempfile.TemporaryDirectory(prefix="mlprep-mock-") as folder:
            frozen = Path(folder) / path.name
            frozen.write_text(source, encoding="utf-8")
            return grade(problem, variant, frozen, run=self.workspace.run), source

    def abandon(self) -> None:
        """End the mock without grading; its attempts are closed unreviewed. Files stay on disk."""
        self.cancel_deadline()
        with self.workspace.store.transaction() as session:
            for attempt in self.attempts():
                attempt.status = "skipped"
                session.merge(attempt)
            self.mock.status, self.mock.finished_at = "abandoned", self.workspace.now()
            session.merge(self.mock)


def _parts_passed(verdict: Verdict, parts: int) -> int:
    """The number of leading parts all of whose tests passed."""
    done = 0
    for part in range(1, parts + 1):
        tests = [t for t in verdict.tests if t.part == part]
        if not tests or any(t.outcome != "passed" for t in tests):
            break
        done = part
    return done


def history(workspace: Workspace) -> list[MockRow]:
    with workspace.store.transaction() as session:
        return list(session.exec(select(MockRow).order_by(MockRow.id)))  # type: ignore[arg-type]


Ask = Callable[[str], str]


@dataclass
class MockView:
    """What watch mode shows during a mock."""

    mock: MockSession
    items: list[tuple[AttemptRow, Problem, Variant]]
    current: int = 0
    verdicts: dict[int, Verdict] = field(default_factory=dict)
    message: str = "Save a file to run its visible tests."


def watch_loop(mock: MockSession, events: queue.Queue[Event], draw: Callable[[MockView], None]) -> str:
    """Watch mode for a mock: a save runs that problem's visible tests; keys n/p/s/q. Returns "finish" or "quit"."""
    view = MockView(mock, mock.items())
    paths = [str(Path(attempt.file_path).resolve()) for attempt, _, _ in view.items]
    draw(view)
    while mock.remaining() > 0:
        event = events.get()
        if event.kind == "change":
            changed = {event.value} | drain_changes(events)
            for index in sorted(paths.index(p) for p in changed if p in paths):
                attempt, problem, variant = view.items[index]
                view.current = index
                view.verdicts[index] = mock.run_visible(attempt, problem, variant)
                view.message = f"ran {problem.id} at {time.strftime('%H:%M:%S')}"
        elif event.kind == "key" and event.value in ("n", "p"):
            view.current = (view.current + (1 if event.value == "n" else -1)) % len(view.items)
        elif event.kind == "key" and event.value == "s":
            return "finish"
        elif event.kind == "key" and event.value == "q":
            return "quit"
        draw(view)
    return "finish"


def run(mock: MockSession, ask: Ask, *, watch: bool = False) -> int:
    """The interactive mock loop; returns the process exit code."""
    items = mock.items()
    mock.resume()
    mock.arm_deadline()
    render.mock_intro(mock, items)
    if watch:
        return _watched(mock, items)
    current = 0
    since = mock.workspace.now()

    def charge() -> None:
        nonlocal since
        now = mock.workspace.now()
        mock.add_time(items[current][0], (now - since).total_seconds())
        since = now

    try:
        while mock.remaining() > 0:
            attempt, problem, variant = items[current]
            shown = mock.revealed_parts(attempt, variant)
            answer = ask(render.mock_prompt(mock, current, len(items), problem, shown, 1 + len(variant.parts))).strip().lower()[:1]
            if mock.remaining() <= 0:
                break
            if answer == "r":
                verdict = mock.run_visible(attempt, problem, variant)
                render.verdict(verdict)
                if mock.revealed_parts(attempt, variant) > shown:
                    render.part_revealed(variant.parts[shown - 1])
            elif answer in ("n", "p"):
                charge()
                current = (current + (1 if answer == "n" else -1)) % len(items)
                render.statement(items[current][1], items[current][2], parts=mock.revealed_parts(items[current][0], items[current][2]))
                render.info(f"Your file: [bold]{items[current][0].file_path}[/]")
            elif answer == "s":
                break
            elif answer == "q":
                charge()
                mock.pause()
                render.info("Mock paused with its remaining time. `mlprep mock` resumes it; `mlprep mock --abandon` ends it.")
                return 0
            else:
                render.actions({"r": "run the visible tests of this problem", "n": "next problem", "p": "previous problem",
                                "s": "submit everything now", "q": "pause; resume later with the time left"})
    except (KeyboardInterrupt, EOFError):
        charge()
        mock.pause()
        render.info("\nInterrupted. The mock is paused with its remaining time: `mlprep mock` resumes it.")
        return 130
    charge()
    return _finish(mock)


def _finish(mock: MockSession) -> int:
    card = mock.finish()
    render.scorecard(card)
    return 0 if card.share == 1.0 else 1


def _watched(mock: MockSession, items: list[tuple[AttemptRow, Problem, Variant]]) -> int:
    """Watch mode on a terminal. Time is charged to the problem last saved or shown."""
    from rich.live import Live

    from engine import watch

    state = {"current": 0, "since": mock.workspace.now()}

    def draw(view: MockView) -> None:
        if view.current != state["current"]:
            now = mock.workspace.now()
            mock.add_time(items[state["current"]][0], (now - state["since"]).total_seconds())
            state["current"], state["since"] = view.current, now
        live.update(render.mock_view(view))

    try:
        with watch.producers([Path(a.file_path) for a, _, _ in items]) as events, watch.cbreak(), \
                Live(console=render.console, refresh_per_second=4, transient=True) as live:
            action = watch_loop(mock, events, draw)
    except KeyboardInterrupt:
        action = "interrupted"
    mock.add_time(items[state["current"]][0], (mock.workspace.now() - state["since"]).total_seconds())
    if action in ("quit", "interrupted"):
        mock.pause()
        render.info("Mock paused with its remaining time. `mlprep mock` resumes it; `mlprep mock --abandon` ends it.")
        return 130 if action == "interrupted" else 0
    return _finish(mock)
