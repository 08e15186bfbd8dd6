"""Correct Welford state, but returns nan for too few samples instead of raising ValueError as specified."""

import math


class RunningStats:
    def __init__(self) -> None:
        self._n, self._mean, self._m2 = 0, 0.0, 0.0

    @property
    def count(self) -> int:
        return self._n

    @property
    def mean(self) -> float:
        return self._mean if self._n else math.nan

    def update(self, x: float) -> None:
        x = float(x)
        self._n += 1
        delta = x - self._mean
        self._mean += delta / self._n
        self._m2 += delta * (x - self._mean)

    def variance(self, ddof: int = 0) -> float:
        if self._n - ddof <= 0:
            return math.nan
        return self._m2 / (self._n - ddof)
