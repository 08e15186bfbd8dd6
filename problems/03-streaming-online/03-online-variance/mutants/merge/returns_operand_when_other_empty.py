"""Shortcut for empty operands: returns the non-empty operand itself instead of a new accumulator, so updating the "merged" result silently changes that operand too."""

class RunningStats:
    def __init__(self) -> None:
        self._n, self._mean, self._m2 = 0, 0.0, 0.0

    @property
    def count(self) -> int:
        return self._n

    @property
    def mean(self) -> float:
        if self._n == 0:
            raise ValueError("empty")
        return self._mean

    def update(self, x: float) -> None:
        x = float(x)
        self._n += 1
        delta = x - self._mean
        self._mean += delta / self._n
        self._m2 += delta * (x - self._mean)

    def variance(self, ddof: int = 0) -> float:
        if self._n - ddof <= 0:
            raise ValueError("too few samples")
        return self._m2 / (self._n - ddof)

    def merge(self, other: "RunningStats") -> "RunningStats":
        if other._n == 0:
            return self
        if self._n == 0:
            return other
        merged = RunningStats()
        n = self._n + other._n
        delta = other._mean - self._mean
        merged._n = n
        merged._mean = self._mean + delta * other._n / n
        merged._m2 = self._m2 + other._m2 + delta * delta * self._n * other._n / n
        return merged
