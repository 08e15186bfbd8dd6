"""Compact queries over the attempt history, so that years of it stay fast to read.

Loading tens of thousands of attempts as ORM objects (with their source text) takes
seconds; the scheduler and the report need only aggregates and a few columns.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import func
from sqlmodel import Session, col, or_, select

from engine.store import AttemptRow


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
    current: list[AttemptRow]  # attempts started since the day began, and open ones


def outcomes(session: Session) -> list[Outcome]:
    query = select(AttemptRow.problem_id, AttemptRow.variant, AttemptRow.verdict, AttemptRow.elapsed_seconds, AttemptRow.hints_used)
    rows = session.exec(query.where(AttemptRow.status == "submitted"))
    return [Outcome(pid, variant, verdict == "passed", elapsed or 0.0, hints) for pid, variant, verdict, elapsed, hints in rows]


def last_seen(session: Session, problem_id: str | None = None) -> dict[tuple[str, str], datetime]:
    started = func.max(AttemptRow.started_at).label("started")
    query = select(AttemptRow.problem_id, AttemptRow.variant, started).where(AttemptRow.status == "submitted")
    if problem_id is not None:
        query = query.where(AttemptRow.problem_id == problem_id)
    rows = session.exec(query.group_by(AttemptRow.problem_id, AttemptRow.variant))
    return {(pid, variant): _aware(moment) for pid, variant, moment in rows}


def recent(session: Session, since: datetime) -> Recent:
    first = session.exec(select(AttemptRow.problem_id, func.min(AttemptRow.started_at)).group_by(AttemptRow.problem_id))
    current = session.exec(
        select(AttemptRow).where(or_(col(AttemptRow.started_at) >= since, AttemptRow.status == "open")).order_by(col(AttemptRow.id))
    )
    return Recent({pid: _aware(moment) for pid, moment in first}, last_seen(session), list(current))


def _aware(moment: datetime | str) -> datetime:
    """Aggregates bypass the column type, so SQLite hands back its stored text."""
    from engine.clock import as_utc

    return as_utc(datetime.fromisoformat(moment) if isinstance(moment, str) else moment)
