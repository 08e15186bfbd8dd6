"""User settings with their defaults and checks; stored as JSON values in the ``setting`` table."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlmodel import Session


class SettingError(ValueError):
    """An unknown setting or a value out of range."""


@dataclass(frozen=True)
class Settings:
    desired_retention: float = 0.9
    new_per_day: int = 2
    minutes_per_day: int = 60
    day_starts_at_hour: int = 4
    timezone: str = ""  # IANA name; empty means the system's local zone
    maximum_interval_days: int = 365
    fuzz: bool = True

    def check(self) -> Settings:
        if not 0.7 <= self.desired_retention <= 0.99:
            raise SettingError("desired_retention must lie between 0.7 and 0.99")
        if self.new_per_day < 0 or self.minutes_per_day < 0 or self.maximum_interval_days < 1:
            raise SettingError("new_per_day and minutes_per_day must be >= 0, maximum_interval_days >= 1")
        if not 0 <= self.day_starts_at_hour <= 23:
            raise SettingError("day_starts_at_hour must lie between 0 and 23")
        return self


DESCRIPTIONS = {
    "desired_retention": "target probability of solving a problem when it comes due (0.7-0.99)",
    "new_per_day": "new problems introduced per study day",
    "minutes_per_day": "daily budget: the target minutes of the day's problems add up to at most this",
    "day_starts_at_hour": "local hour at which a new study day begins",
    "timezone": "IANA timezone for the study day (empty: the system's)",
    "maximum_interval_days": "longest gap between two reviews of a problem",
    "fuzz": "spread due dates by a few percent so reviews do not bunch up",
}


def from_values(values: dict[str, str]) -> Settings:
    """Settings from stored key -> JSON text pairs; unknown keys (from a newer release) are ignored."""
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: json.loads(v) for k, v in values.items() if k in known})


def parse(key: str, raw: str) -> Any:
    """Convert a command-line string to the setting's type."""
    kinds = {f.name: f.type for f in fields(Settings)}
    if key not in kinds:
        raise SettingError(f"unknown setting {key!r}; settings: {', '.join(kinds)}")
    kind = kinds[key]
    try:
        if kind == "bool":
            if raw.lower() not in ("true", "false", "1", "0", "yes", "no", "on", "off"):
                raise ValueError
            return raw.lower() in ("true", "1", "yes", "on")
        return {"float": float, "int": int, "str": str}[kind](raw)
    except ValueError:
        raise SettingError(f"{key} expects a {kind}, got {raw!r}") from None


def save(session: Session, key: str, value: Any) -> Settings:
    from sqlmodel import select

    from engine.store import SettingRow

    current = from_values({row.key: row.value for row in session.exec(select(SettingRow))})
    updated = replace(current, **{key: value}).check()
    session.merge(SettingRow(key=key, value=json.dumps(value)))
    return updated


def as_dict(settings: Settings) -> dict[str, Any]:
    return asdict(settings)
