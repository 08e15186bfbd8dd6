from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from engine import clock


def test_now_override_is_aware_utc(monkeypatch):
    monkeypatch.setenv("MLPREP_NOW", "2026-05-01T12:30:00+02:00")
    assert clock.now() == datetime(2026, 5, 1, 10, 30, tzinfo=timezone.utc)
    assert clock.now().tzinfo is timezone.utc


def test_naive_override_is_taken_as_utc(monkeypatch):
    monkeypatch.setenv("MLPREP_NOW", "2026-05-01T10:30:00")
    assert clock.now() == datetime(2026, 5, 1, 10, 30, tzinfo=timezone.utc)


def test_bad_override_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("MLPREP_NOW", "yesterday")
    with pytest.raises(clock.ClockError, match="ISO-8601"):
        clock.now()


def test_study_day_starts_at_the_local_hour():
    paris = ZoneInfo("Europe/Paris")
    # 02:00 in Paris on 10 Jan belongs to the study day that began 9 Jan at 04:00 local.
    moment = datetime(2026, 1, 10, 1, 0, tzinfo=timezone.utc)
    assert clock.study_day_start(moment, 4, paris) == datetime(2026, 1, 9, 3, 0, tzinfo=timezone.utc)
    later = datetime(2026, 1, 10, 3, 0, tzinfo=timezone.utc)  # 04:00 Paris: a new day
    assert clock.study_day_start(later, 4, paris) == later


def test_unknown_timezone():
    with pytest.raises(clock.ClockError, match="unknown timezone"):
        clock.zone("Mars/Olympus")
