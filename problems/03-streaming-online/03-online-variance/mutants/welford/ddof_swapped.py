"""n versus n − 1 confusion: divides by n − 1 for the population variance and by n for the sample variance."""


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
        divisor = self._n - (1 - ddof)
        if divisor <= 0:
            raise ValueError("too few samples")
        return self._m2 / divisor
