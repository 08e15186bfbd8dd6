"""The user's workspace: the store, the attempt files in ``drills/`` and the clock, over the catalog.

Every operation the CLI offers is a plain method here, so tests drive it directly. An
attempt is written to the store the moment it starts; quitting, Ctrl-C or a crash loses
nothing, and the next session resumes it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Any

from engine import clock, history, report, scheduler, settings as settings_module, stats
from engine.catalog import Catalog, file_stem
from engine.paths import database_path, drills_dir
from engine.problem import Problem, Variant
from engine.runner import RunTests, Verdict, grade
from engine.scoring import Grade, Performance, rate
from engine.settings import Settings

if TYPE_CHECKING:
    from engine.store import AttemptRow, CardRow, Store


@dataclass(frozen=True)
class Progress:
    today: date
    streak: int
    per_day: Counter[date]
    forecast: list[int]
    retention: stats.Retention
    desired_retention: float


class WorkspaceError(RuntimeError):
    """A request that cannot be carried out in the current state; the message says why."""


@dataclass(frozen=True)
class SubmitResult:
    attempt: AttemptRow
    verdict: Verdict
    grade: Grade
    card: CardRow

    def to_dict(self) -> dict[str, Any]:
        return {
            "attempt_id": self.attempt.id,
            "problem": self.attempt.problem_id,
            "variant": self.attempt.variant,
            "passed": self.verdict.ok,
            "rating": self.grade.name,
            "elapsed_seconds": round(self.attempt.elapsed_seconds or 0.0, 1),
            "hints_used": self.attempt.hints_used,
            "solution_viewed": self.attempt.solution_viewed,
            "next_due": self.card.due.isoformat(),
            "verdict": self.verdict.to_dict(),
        }


def elapsed_seconds(attempt: AttemptRow, now: datetime) -> float:
    """Working time: wall time since the start, less the time spent paused."""
    total = (now - clock.as_utc(attempt.started_at)).total_seconds() - attempt.paused_seconds
    if attempt.paused_at is not None:
        total -= (now - clock.as_utc(attempt.paused_at)).total_seconds()
    return max(0.0, total)


class Workspace:
    """One user's home folder (``drills/`` and ``db/``) over a catalog of problems.

    Reads go through :mod:`engine.history` on a plain sqlite3 connection; the SQLAlchemy
    store is opened (created or migrated) only when something is written, or when the file
    needs a migration before it can be read.
    """

    def __init__(self, home: Path, catalog: Catalog) -> None:
        self.home, self.catalog = home, catalog
        self.run: RunTests | None = None  # a warm runner's run_tests; None grades cold
        self._store: Store | None = None

    @classmethod
    def open(cls, home: Path, catalog: Catalog) -> Workspace:
        return cls(home, catalog)

    @property
    def store(self) -> Store:
        if self._store is None:
            from engine.store import Store

            self._store = Store(database_path(self.home))
        return self._store

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: tuple[type[BaseException] | None, BaseException | None, TracebackType | None]) -> None:
        if self._store is not None:
            self._store.close()

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection | None]:
        """A read-only connection to an up-to-date store (None before the first write)."""
        path = database_path(self.home)
        try:
            with history.reading(path) as connection:
                yield connection
                return
        except history.StaleSchema:
            pass
        self.store  # noqa: B018 - opening migrates the file, or raises StoreError saying what to do
        with history.reading(path) as connection:
            yield connection

    # --- reading -------------------------------------------------------------------------

    def now(self) -> datetime:
        return clock.now()

    def settings(self) -> Settings:
        with self._reading() as connection:
            return settings_module.from_values(history.settings_values(connection))

    def set_setting(self, key: str, raw: str) -> Settings:
        value = settings_module.parse(key, raw)
        if key == "timezone":
            clock.zone(value)
        with self.store.transaction() as session:
            return settings_module.save(session, key, value)

    def cards(self) -> dict[str, history.Card]:
        with self._reading() as connection:
            return history.cards(connection)

    def attempts(self, problem_id: str | None = None) -> list[AttemptRow]:
        """Full attempt rows, source text included (for inspection, not for statistics)."""
        from sqlmodel import select

        from engine.store import AttemptRow

        with self.store.transaction() as session:
            query = select(AttemptRow).order_by(AttemptRow.id)  # type: ignore[arg-type]
            if problem_id is not None:
                query = query.where(AttemptRow.problem_id == problem_id)
            return list(session.exec(query))

    def open_attempt(self, problem: Problem) -> AttemptRow | None:
        """The open drill attempt at this problem (a mock's attempts belong to the mock)."""
        from sqlmodel import select

        from engine.store import AttemptRow

        with self.store.transaction() as session:
            query = select(AttemptRow).where(
                AttemptRow.problem_id == problem.id, AttemptRow.status == "open", AttemptRow.mode == "drill"
            )
            return session.exec(query).first()

    def today(self) -> scheduler.Queue:
        settings, now = self.settings(), self.now()
        day_start = clock.study_day_start(now, settings.day_starts_at_hour, clock.zone(settings.timezone))
        with self._reading() as connection:
            recent, cards = history.recent(connection, day_start), history.cards(connection)
        return scheduler.build_queue(self.catalog.problems, cards, recent, settings, now)

    def last_seen(self, problem_id: str | None = None) -> dict[tuple[str, str], datetime]:
        with self._reading() as connection:
            return history.last_seen(connection, problem_id)

    def listing(self, chapter: int | None = None) -> list[dict[str, Any]]:
        """One row per problem with its review state (the shape of ``list --json``)."""
        cards = self.cards()
        rows = []
        for problem in self.catalog.problems:
            if chapter is not None and problem.chapter != chapter:
                continue
            card = cards.get(problem.id)
            rows.append({
                "id": problem.id,
                "number": problem.number,
                "chapter": problem.chapter,
                "title": problem.title,
                "difficulty": problem.difficulty,
                "target_minutes": problem.target_minutes,
                "variants": [v.id for v in problem.variants],
                "state": scheduler.state_name(card),
                "due": card.due.isoformat() if card else None,
                "stability": card.stability if card else None,
                "reviews": card.reviews if card else 0,
                "lapses": card.lapses if card else 0,
            })
        return rows

    def chapter_reports(self) -> list[report.ChapterReport]:
        with self._reading() as connection:
            outcomes, cards = history.outcomes(connection), history.cards(connection)
        fsrs_scheduler = scheduler.make_scheduler(self.settings())
        return report.chapter_reports(self.catalog, cards, outcomes, self.now(), fsrs_scheduler)

    def next_steps(self, reports: list[report.ChapterReport]) -> list[str]:
        settings = self.settings()
        recalls = report.problem_recalls(self.catalog, self.cards(), self.now(), scheduler.make_scheduler(settings))
        return report.next_steps(reports, recalls, settings.desired_retention)

    def _facts(self) -> list[history.AttemptFacts]:
        with self._reading() as connection:
            return history.attempts(connection)

    def reviews_per_day(self) -> Counter[date]:
        settings = self.settings()
        return stats.reviews_per_day(self._facts(), settings.day_starts_at_hour, clock.zone(settings.timezone))

    def progress(self) -> Progress:
        settings = self.settings()
        tz = clock.zone(settings.timezone)
        today = stats.study_date(self.now(), settings.day_starts_at_hour, tz)
        attempts = self._facts()
        per_day = stats.reviews_per_day(attempts, settings.day_starts_at_hour, tz)
        return Progress(
            today=today,
            streak=stats.streak(per_day, today),
            per_day=per_day,
            forecast=stats.forecast(self.cards().values(), today, settings.day_starts_at_hour, tz),
            retention=stats.true_retention(attempts),
            desired_retention=settings.desired_retention,
        )

    def attempt_path(self, problem: Problem, variant: Variant) -> Path:
        return drills_dir(self.home) / problem.id / f"{file_stem(variant.id)}.py"

    # --- attempts ------------------------------------------------------------------------

    def start(self, problem: Problem, variant_id: str | None = None, mode: str = "drill") -> AttemptRow:
        """Open an attempt (or resume the open one) and write the starter file if needed."""
        existing = self.open_attempt(problem)
        if existing is not None:
            if variant_id is not None and variant_id != existing.variant:
                raise WorkspaceError(
                    f"an attempt at {problem.id} (variant {existing.variant}) is already open; "
                    f"submit it or `mlprep skip {problem.id}` first"
                )
            return self.resume(existing)
        variant = problem.variant(variant_id) if variant_id else scheduler.next_variant(problem, self.last_seen(problem.id))
        path = self.attempt_path(problem, variant)
        self._write_starter(path, variant)
        now = self.now()
        from engine.store import AttemptRow

        attempt = AttemptRow(
            problem_id=problem.id, variant=variant.id, mode=mode, status="open",
            file_path=str(path), started_at=now,
        )
        with self.store.transaction() as session:
            session.add(attempt)
        return attempt

    def _write_starter(self, path: Path, variant: Variant) -> None:
        """Write the starter; an earlier file with the user's work is kept beside it, never overwritten."""
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.read_text(encoding="utf-8") != variant.starter:
            stamp = self.now().strftime("%Y%m%dT%H%M%S")
            path.rename(path.with_name(f"{path.stem}.{stamp}.py.bak"))
        path.write_text(variant.starter, encoding="utf-8")

    def pause(self, attempt: AttemptRow) -> AttemptRow:
        """Stop the attempt's clock (on quit or Ctrl-C)."""
        if attempt.paused_at is None:
            attempt.paused_at = self.now()
            self._save(attempt)
        return attempt

    def resume(self, attempt: AttemptRow) -> AttemptRow:
        if attempt.paused_at is not None:
            attempt.paused_seconds += max(0.0, (self.now() - clock.as_utc(attempt.paused_at)).total_seconds())
            attempt.paused_at = None
            self._save(attempt)
        return attempt

    def _save(self, attempt: AttemptRow) -> None:
        with self.store.transaction() as session:
            session.merge(attempt)

    def _require_open(self, problem: Problem) -> AttemptRow:
        attempt = self.open_attempt(problem)
        if attempt is None:
            raise WorkspaceError(f"no attempt at {problem.id} is open; start one with `mlprep start {problem.id}`")
        return attempt

    def run_visible(self, problem: Problem) -> Verdict:
        """Grade the open attempt's file on the visible tests; records nothing."""
        attempt = self._require_open(problem)
        return grade(problem, problem.variant(attempt.variant), self._attempt_file(attempt), visible_only=True, run=self.run)

    def _attempt_file(self, attempt: AttemptRow, override: Path | None = None) -> Path:
        path = override or Path(attempt.file_path)
        if not path.is_file():
            raise WorkspaceError(f"the attempt file {path} is missing; `mlprep start {attempt.problem_id}` writes it again")
        return path

    def reveal_hint(self, problem: Problem) -> tuple[int, int, str]:
        """The next hint of the open attempt (1-based number, total, text); counts towards the rating."""
        attempt = self._require_open(problem)
        hints = problem.hints_for(problem.variant(attempt.variant))
        if attempt.hints_used >= len(hints):
            return len(hints), len(hints), hints[-1]
        attempt.hints_used += 1
        self._save(attempt)
        return attempt.hints_used, len(hints), hints[attempt.hints_used - 1]

    def solution(self, problem: Problem, variant_id: str | None = None, *, force: bool = False) -> tuple[Variant, str]:
        """The reference solution. Viewing it during an open attempt rates that attempt Again."""
        attempt = self.open_attempt(problem)
        if attempt is not None:
            variant = problem.variant(variant_id or attempt.variant)
            if not force:
                raise WorkspaceError(
                    f"an attempt at {problem.id} is open: seeing the solution now rates it Again. "
                    "Pass --force to see it anyway"
                )
            attempt.solution_viewed = True
            self._save(attempt)
            return variant, variant.solution
        tried = [a for a in self.attempts(problem.id) if a.status == "submitted"]
        if not tried and not force:
            raise WorkspaceError(f"you have not attempted {problem.id} yet; try it first, or pass --force")
        variant = problem.variant(variant_id or (tried[-1].variant if tried else None))
        return variant, variant.solution

    def skip(self, problem: Problem) -> AttemptRow:
        """Close the open attempt without a review; the problem stays due for another day."""
        attempt = self._require_open(problem)
        attempt.status = "skipped"
        attempt.elapsed_seconds = elapsed_seconds(attempt, self.now())
        self._save(attempt)
        return attempt

    def submit(self, problem: Problem, file: Path | None = None) -> SubmitResult:
        """Grade the open attempt on every test, rate it, and update the problem's schedule."""
        attempt = self._require_open(problem)
        variant = problem.variant(attempt.variant)
        path = self._attempt_file(attempt, file)
        source = path.read_text(encoding="utf-8", errors="replace")
        verdict = grade(problem, variant, path, run=self.run)
        now = self.now()
        elapsed = elapsed_seconds(attempt, now)
        result = rate(Performance(verdict.ok, elapsed, variant.target_minutes, attempt.hints_used, attempt.solution_viewed))
        fsrs_scheduler = scheduler.make_scheduler(self.settings())
        from engine.store import CardRow

        with self.store.transaction() as session:
            card = scheduler.review(session.get(CardRow, problem.id), problem.id, result, now, fsrs_scheduler)
            session.merge(card)
            attempt.status = "submitted"
            attempt.submitted_at = now
            attempt.paused_at = None
            attempt.elapsed_seconds = elapsed
            attempt.tests_passed, attempt.tests_total = verdict.passed, verdict.total
            attempt.verdict, attempt.rating, attempt.source = verdict.status, int(result), source
            session.merge(attempt)
        return SubmitResult(attempt, verdict, result, card)
