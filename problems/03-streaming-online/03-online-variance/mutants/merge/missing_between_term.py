"""Merge adds M2_A + M2_B only: the δ² · n_A · n_B / n spread between the two means is missing."""

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
        merged = RunningStats()
        n = self._n + other._n
        if n == 0:
            return merged
        merged._n = n
        merged._mean = (self._n * self._mean + other._n * other._mean) / n
        merged._m2 = self._m2 + other._m2
        return merged
