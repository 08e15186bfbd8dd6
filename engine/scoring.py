"""Turn a graded attempt into an FSRS rating.

The rule (also in the README):

- **Again**: not every test passed, or the solution was viewed before submitting.
- **Hard**: solved, but over the target time or with at least one hint revealed.
- **Easy**: solved in at most half the target time with no hints.
- **Good**: solved within the target time with no hints (and not Easy).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Grade(IntEnum):
    """Mirrors ``fsrs.Rating`` values, so this module needs no fsrs import."""

    Again = 1
    Hard = 2
    Good = 3
    Easy = 4


@dataclass(frozen=True)
class Performance:
    solved: bool
    elapsed_seconds: float
    target_minutes: int
    hints_used: int
    solution_viewed: bool


def rate(performance: Performance) -> Grade:
    """The FSRS rating for one attempt, by the rule above."""
    if not performance.solved or performance.solution_viewed:
        return Grade.Again
    target_seconds = performance.target_minutes * 60
    if performance.hints_used > 0 or performance.elapsed_seconds > target_seconds:
        return Grade.Hard
    if performance.elapsed_seconds <= target_seconds / 2:
        return Grade.Easy
    return Grade.Good
