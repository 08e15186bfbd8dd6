from collections import Counter
from datetime import date, datetime, timedelta, timezone

from engine.stats import forecast, reviews_per_day, streak, true_retention
from engine.store import AttemptRow, CardRow

UTC = timezone.utc


def attempt(problem, day, verdict="passed", status="submitted"):
    moment = datetime(2026, 3, day, 12, tzinfo=UTC)
    return AttemptRow(problem_id=problem, variant="v", mode="drill", status=status, file_path="f",
                      started_at=moment, submitted_at=moment, verdict=verdict)


def test_streak_counts_back_from_today_or_yesterday():
    per_day = Counter({date(2026, 3, d): 1 for d in (1, 3, 4, 5)})
    assert streak(per_day, date(2026, 3, 5)) == 3
    assert streak(per_day, date(2026, 3, 6)) == 3  # nothing yet today: the streak still stands
    assert streak(per_day, date(2026, 3, 7)) == 0


def test_reviews_per_day_use_study_days():
    late = AttemptRow(problem_id="p", variant="v", mode="drill", status="submitted", file_path="f",
                      started_at=datetime(2026, 3, 2, 2, tzinfo=UTC), submitted_at=datetime(2026, 3, 2, 2, tzinfo=UTC))
    counts = reviews_per_day([late, attempt("p", 2), attempt("q", 2, status="skipped")], 4, UTC)
    assert counts == Counter({date(2026, 3, 1): 1, date(2026, 3, 2): 1})


def test_forecast_puts_overdue_reviews_on_the_first_day():
    today = date(2026, 3, 10)
    cards = [CardRow(problem_id=str(i), state=2, due=datetime(2026, 3, 10, 12, tzinfo=UTC) + timedelta(days=offset))
             for i, offset in enumerate((-5, 0, 1, 1, 29, 30))]
    counts = forecast(cards, today, 4, UTC)
    assert len(counts) == 30 and counts[0] == 2 and counts[1] == 2 and counts[29] == 1 and sum(counts) == 5


def test_true_retention_ignores_first_exposures():
    history = [attempt("a", 1, "failed"), attempt("a", 2), attempt("a", 3, "failed"), attempt("b", 4), attempt("b", 5)]
    retention = true_retention(history)
    assert (retention.reviews, retention.passed) == (3, 2)
    assert true_retention([]).rate is None
