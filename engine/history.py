"""Fast, read-only queries over the store with the standard library's sqlite3.

Reading the schedule and years of attempts is what `today`, `list` and `report` do, and
importing SQLAlchemy alone costs more than their whole budget. These queries therefore
run on a plain read-only sqlite3 connection and return light named tuples with the same
field names as the store's rows; everything that writes goes through :mod:`engine.store`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

SCHEMA_VERSION = 2  # engine.store checks that its migrations end here


class StaleSchema(RuntimeError):
    """The store needs a migration (or is unreadable): open it with engine.store first."""


class Card(NamedTuple):
    problem_id: str
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    reviews: int
    lapses: int


class AttemptFacts(NamedTuple):
    problem_id: str
    variant: str
    mode: str
    status: str
    started_at: datetime
    submitted_at: datetime | None
    verdict: str | None


class Outcome(NamedTuple):
    """One submitted attempt, reduced to what the report needs."""

    problem_id: str
    variant: str
    passed: bool
    elapsed_seconds: float
    hints_used: int


class Recent(NamedTuple):
    """What the daily queue needs to know about the history."""

    first_started: dict[str, datetime]  # problem id -> its first attempt's start
    last_seen: dict[tuple[str, str], datetime]  # (problem, variant) -> latest submitted attempt's start
    current: list[AttemptFacts]  # attempts started since the day began, and open ones


def _utc(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def _stored(moment: datetime) -> str:
    """A UTC instant in the text form the store keeps, for comparisons in SQL."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


@contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection | None]:
    """A read-only connection, or None when no store exists yet. Raises StaleSchema when it needs migrating."""
    if not path.exists():
        yield None
        return
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise StaleSchema(str(error)) from None
    try:
        if version != SCHEMA_VERSION:
            raise StaleSchema(f"schema version {version}")
        yield connection
    finally:
        connection.close()


def settings_values(connection: sqlite3.Connection | None) -> dict[str, str]:
    """Stored settings as key -> JSON text."""
    return {} if connection is None else dict(connection.execute("SELECT key, value FROM setting"))


def cards(connection: sqlite3.Connection | None) -> dict[str, Card]:
    if connection is None:
        return {}
    rows = connection.execute(
        "SELECT problem_id, state, step, stability, difficulty, due, last_review, reviews, lapses FROM card"
    )
    return {row[0]: Card(*row[:5], _utc(row[5]), _utc(row[6]), *row[7:]) for row in rows}  # type: ignore[arg-type]


def attempts(connection: sqlite3.Connection | None, where: str = "1", *parameters: object) -> list[AttemptFacts]:
    if connection is None:
        return []
    rows = connection.execute(
        "SELECT problem_id, variant, mode, status, started_at, submitted_at, verdict FROM attempt"
        f" WHERE {where} ORDER BY id", parameters,
    )
    return [AttemptFacts(*row[:4], _utc(row[4]), _utc(row[5]), row[6]) for row in rows]  # type: ignore[arg-type]


def outcomes(connection: sqlite3.Connection | None) -> list[Outcome]:
    if connection is None:
        return []
    rows = connection.execute(
        "SELECT problem_id, variant, verdict = 'passed', coalesce(elapsed_seconds, 0), hints_used"
        " FROM attempt WHERE status = 'submitted'"
    )
    return [Outcome(pid, variant, bool(passed), elapsed, hints) for pid, variant, passed, elapsed, hints in rows]


def last_seen(connection: sqlite3.Connection | None, problem_id: str | None = None) -> dict[tuple[str, str], datetime]:
    if connection is None:
        return {}
    query = "SELECT problem_id, variant, max(started_at) FROM attempt WHERE status = 'submitted'"
    parameters: tuple[str, ...] = ()
    if problem_id is not None:
        query, parameters = query + " AND problem_id = ?", (problem_id,)
    rows = connection.execute(query + " GROUP BY problem_id, variant", parameters)
    return {(pid, variant): _utc(moment) for pid, variant, moment in rows}  # type: ignore[misc]


def recent(connection: sqlite3.Connection | None, since: datetime) -> Recent:
    if connection is None:
        return Recent({}, {}, [])
    first = connection.execute("SELECT problem_id, min(started_at) FROM attempt GROUP BY problem_id")
    current = attempts(connection, "started_at >= ? OR status = 'open'", _stored(since))
    return Recent({pid: _utc(moment) for pid, moment in first}, last_seen(connection), current)  # type: ignore[misc]
