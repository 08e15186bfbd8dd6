"""Progress statistics: streak, reviews per day, the due forecast and true retention.

Days are study days (see ``clock.study_day_start``), identified by the local date on which
they begin.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from engine.clock import as_utc, study_day_start
from engine.history import AttemptFacts, Card


def study_date(moment: datetime, day_starts_at_hour: int, tz: tzinfo) -> date:
    return study_day_start(moment, day_starts_at_hour, tz).astimezone(tz).date()


def reviews_per_day(attempts: Iterable[AttemptFacts], day_starts_at_hour: int, tz: tzinfo) -> Counter[date]:
    """Submitted attempts per study day."""
    return Counter(
        study_date(as_utc(a.submitted_at or a.started_at), day_starts_at_hour, tz)
        for a in attempts if a.status == "submitted"
    )


def streak(per_day: Counter[date], today: date) -> int:
    """Consecutive study days with a review, ending today, or yesterday if today has none yet."""
    day = today if per_day.get(today) else today - timedelta(days=1)
    count = 0
    while per_day.get(day):
        count += 1
        day -= timedelta(days=1)
    return count


def forecast(cards: Iterable[Card], today: date, day_starts_at_hour: int, tz: tzinfo, days: int = 30) -> list[int]:
    """Reviews due on each of the next ``days`` study days; overdue ones count on the first."""
    counts = [0] * days
    for card in cards:
        offset = (study_date(as_utc(card.due), day_starts_at_hour, tz) - today).days
        if offset < days:
            counts[max(0, offset)] += 1
    return counts


@dataclass(frozen=True)
class Retention:
    reviews: int
    passed: int

    @property
    def rate(self) -> float | None:
        return self.passed / self.reviews if self.reviews else None


def true_retention(attempts: Sequence[AttemptFacts]) -> Retention:
    """Share of reviews passed: submissions of a problem after its first, which are recall, not learning."""
    seen: set[str] = set()
    reviews = passed = 0
    for attempt in sorted((a for a in attempts if a.status == "submitted"), key=lambda a: as_utc(a.submitted_at or a.started_at)):
        if attempt.problem_id in seen:
            reviews += 1
            passed += attempt.verdict == "passed"
        seen.add(attempt.problem_id)
    return Retention(reviews, passed)
