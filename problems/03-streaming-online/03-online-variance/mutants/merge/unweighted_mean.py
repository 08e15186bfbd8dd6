"""Combined mean is the unweighted average of the two means, ignoring the group sizes."""

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
        if self._n == 0 or other._n == 0:
            source = self if self._n else other
            merged._n, merged._mean, merged._m2 = source._n, source._mean, source._m2
            return merged
        delta = other._mean - self._mean
        merged._n = n
        merged._mean = (self._mean + other._mean) / 2
        merged._m2 = self._m2 + other._m2 + delta * delta * self._n * other._n / n
        return merged
