"""UTC-only time: every timestamp the engine handles is timezone-aware UTC.

``MLPREP_NOW`` (ISO 8601) overrides the clock, for tests and for demonstrating a schedule
over simulated days. Local time appears only where a study day begins.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

NOW_VARIABLE = "MLPREP_NOW"


class ClockError(ValueError):
    """The clock override or timezone setting cannot be understood."""


def as_utc(moment: datetime) -> datetime:
    """The same instant as an aware UTC datetime; a naive value is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def now() -> datetime:
    """The current instant in UTC, or ``MLPREP_NOW`` when set."""
    override = os.environ.get(NOW_VARIABLE)
    if not override:
        return datetime.now(timezone.utc)
    try:
        return as_utc(datetime.fromisoformat(override))
    except ValueError:
        raise ClockError(f"{NOW_VARIABLE}={override!r} is not an ISO-8601 timestamp (e.g. 2026-12-04T09:00:00Z)") from None


def zone(name: str) -> tzinfo:
    """The named IANA zone, or the system's local zone for an empty name."""
    if not name:
        local = datetime.now().astimezone().tzinfo
        assert local is not None
        return local
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ClockError(f"unknown timezone {name!r} (expected an IANA name such as Europe/Paris)") from None


def study_day_start(moment: datetime, day_starts_at_hour: int, tz: tzinfo) -> datetime:
    """The UTC instant at which the study day containing ``moment`` began.

    A study day runs from ``day_starts_at_hour`` local time to the same hour the next day,
    so a late-night session still counts towards the evening's day.
    """
    local = as_utc(moment).astimezone(tz)
    start = local.replace(hour=day_starts_at_hour, minute=0, second=0, microsecond=0)
    if local < start:
        start -= timedelta(days=1)
    return as_utc(start)
