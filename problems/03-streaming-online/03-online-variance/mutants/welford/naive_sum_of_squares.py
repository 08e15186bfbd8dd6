"""Keeps Σx and Σx² and returns (Σx² − (Σx)²/n) / (n − ddof): catastrophic cancellation at a large offset."""


class RunningStats:
    def __init__(self) -> None:
        self._n = 0
        self._sum = 0.0
        self._sum_sq = 0.0

    @property
    def count(self) -> int:
        return self._n

    @property
    def mean(self) -> float:
        if self._n == 0:
            raise ValueError("empty")
        return self._sum / self._n

    def update(self, x: float) -> None:
        x = float(x)
        self._n += 1
        self._sum += x
        self._sum_sq += x * x

    def variance(self, ddof: int = 0) -> float:
        if self._n - ddof <= 0:
            raise ValueError("too few samples")
        return (self._sum_sq - self._sum * self._sum / self._n) / (self._n - ddof)
