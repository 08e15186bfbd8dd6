"""Adds δ² to M2, using the old mean in both factors instead of δ · (x − new mean): overcounts."""


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
        self._n += 1
        delta = float(x) - self._mean
        self._mean += delta / self._n
        self._m2 += delta * delta

    def variance(self, ddof: int = 0) -> float:
        if self._n - ddof <= 0:
            raise ValueError("too few samples")
        return self._m2 / (self._n - ddof)
