"""Adds (x − new mean)² to M2, using the new mean in both factors: undercounts."""


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
        self._mean += (x - self._mean) / self._n
        self._m2 += (x - self._mean) ** 2

    def variance(self, ddof: int = 0) -> float:
        if self._n - ddof <= 0:
            raise ValueError("too few samples")
        return self._m2 / (self._n - ddof)
