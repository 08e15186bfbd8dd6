"""Scheduling: FSRS reviews (the ``fsrs`` package) and the choice of today's drills.

Learning and relearning steps are empty: redoing a coding problem minutes after failing
it tests short-term memory of the code just read, not skill. With empty steps, FSRS
schedules even a failed problem at least a day later (see the README).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import fsrs

from engine.clock import as_utc, study_day_start, zone
from engine.problem import Problem, Variant
from engine.scoring import Grade
from engine.settings import Settings
from engine.history import Card, Recent

if TYPE_CHECKING:
    from engine.store import CardRow


def make_scheduler(settings: Settings) -> fsrs.Scheduler:
    return fsrs.Scheduler(
        desired_retention=settings.desired_retention,
        learning_steps=(),
        relearning_steps=(),
        maximum_interval=settings.maximum_interval_days,
        enable_fuzzing=settings.fuzz,
    )


def to_card(row: Card | CardRow) -> fsrs.Card:
    return fsrs.Card(
        card_id=1,  # fsrs needs an id; the store keys on problem_id. Passing one avoids Card()'s 1 ms sleep.
        state=fsrs.State(row.state),
        step=row.step,
        stability=row.stability,
        difficulty=row.difficulty,
        due=as_utc(row.due),
        last_review=as_utc(row.last_review) if row.last_review else None,
    )


def review(row: CardRow | None, problem_id: str, grade: Grade, when: datetime, scheduler: fsrs.Scheduler) -> CardRow:
    """The card after one review; a problem seen for the first time starts as a new FSRS card."""
    from engine.store import CardRow
    if row is None:
        row = CardRow(problem_id=problem_id, state=fsrs.State.Learning.value, step=0, due=when)
    was_review = row.state == fsrs.State.Review.value
    card, _log = scheduler.review_card(to_card(row), fsrs.Rating(int(grade)), review_datetime=as_utc(when))
    return CardRow(
        problem_id=problem_id,
        state=card.state.value,
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        reviews=row.reviews + 1,
        lapses=row.lapses + (1 if was_review and grade == Grade.Again else 0),
    )


def retrievability(row: Card | CardRow, when: datetime, scheduler: fsrs.Scheduler) -> float:
    """FSRS's predicted probability of solving the problem at ``when`` (0 for an unseen one)."""
    return scheduler.get_card_retrievability(to_card(row), current_datetime=as_utc(when))


def state_name(row: Card | CardRow | None) -> str:
    return "new" if row is None else fsrs.State(row.state).name.lower()


def next_variant(problem: Problem, last_seen: Mapping[tuple[str, str], datetime]) -> Variant:
    """Rotate variants: one never submitted first (in declared order), else the least recently seen.

    ``last_seen`` maps (problem id, variant id) to the start of its latest submitted attempt.
    """
    never = as_utc(datetime.min)
    order = {v.id: i for i, v in enumerate(problem.variants)}
    return min(problem.variants, key=lambda v: ((problem.id, v.id) in last_seen, last_seen.get((problem.id, v.id), never), order[v.id]))


@dataclass(frozen=True)
class QueueItem:
    problem: Problem
    variant: Variant
    kind: str  # "resume", "review" or "new"
    due: datetime | None
    retrievability: float | None


@dataclass(frozen=True)
class Queue:
    day_start: datetime
    items: tuple[QueueItem, ...]
    budget_minutes: int
    used_minutes: int
    due_beyond_budget: int

    @property
    def planned_minutes(self) -> int:
        return sum(item.variant.target_minutes for item in self.items)


def build_queue(
    problems: Sequence[Problem],
    cards: Mapping[str, Card | CardRow],
    history: Recent,
    settings: Settings,
    now: datetime,
) -> Queue:
    """Today's drills: open attempts, then due reviews (least retrievable first), then new problems.

    New problems come in curriculum order, at most ``new_per_day`` a study day; the target
    minutes of the day's work, done and planned, stay within ``minutes_per_day``, except
    that an open attempt is always offered for resumption.
    """
    scheduler = make_scheduler(settings)
    day_start = study_day_start(now, settings.day_starts_at_hour, zone(settings.timezone))
    day_end = day_start + timedelta(days=1)
    by_id = {p.id: p for p in problems}
    today = [a for a in history.current if as_utc(a.started_at) >= day_start]
    used = sum(by_id[a.problem_id].variant(a.variant).target_minutes for a in today
               if a.status == "submitted" and a.problem_id in by_id and _has_variant(by_id[a.problem_id], a.variant))
    settled_today = {a.problem_id for a in today if a.status in ("submitted", "skipped")}
    open_attempts = [a for a in history.current if a.status == "open" and a.mode == "drill" and a.problem_id in by_id]

    items: list[QueueItem] = []
    for attempt in sorted(open_attempts, key=lambda a: as_utc(a.started_at)):
        problem = by_id[attempt.problem_id]
        if _has_variant(problem, attempt.variant):
            items.append(QueueItem(problem, problem.variant(attempt.variant), "resume", None, None))
    busy = {item.problem.id for item in items} | settled_today

    due = [
        (retrievability(card, now, scheduler), by_id[pid])
        for pid, card in cards.items()
        if pid in by_id and pid not in busy and as_utc(card.due) < day_end
    ]
    due.sort(key=lambda pair: (pair[0], pair[1].chapter, pair[1].position))
    introduced_today = sum(started >= day_start for started in history.first_started.values())
    new_slots = max(0, settings.new_per_day - introduced_today)
    fresh = [p for p in problems if p.id not in cards and p.id not in busy][:new_slots]

    remaining = settings.minutes_per_day - used - sum(item.variant.target_minutes for item in items)
    beyond = 0
    candidates = [(p, "review", cards[p.id].due, r) for r, p in due] + [(p, "new", None, None) for p in fresh]
    for problem, kind, due_at, recall in candidates:
        variant = next_variant(problem, history.last_seen)
        if variant.target_minutes <= remaining:
            items.append(QueueItem(problem, variant, kind, due_at, recall))
            remaining -= variant.target_minutes
        elif kind == "review":
            beyond += 1
    return Queue(day_start, tuple(items), settings.minutes_per_day, used, beyond)


def _has_variant(problem: Problem, variant_id: str) -> bool:
    return any(v.id == variant_id for v in problem.variants)

