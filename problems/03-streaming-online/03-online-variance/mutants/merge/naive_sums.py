"""Keeps (n, Σx, Σx²): merging is just adding the sums, but the variance cancels catastrophically at a large offset."""


class RunningStats:
    def __init__(self) -> None:
        self._n, self._sum, self._sum_sq = 0, 0.0, 0.0

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

    def merge(self, other: "RunningStats") -> "RunningStats":
        merged = RunningStats()
        merged._n = self._n + other._n
        merged._sum = self._sum + other._sum
        merged._sum_sq = self._sum_sq + other._sum_sq
        return merged
