"""Welford with the increment written as δ² · (n − 1) / n and the state kept in a small list."""


class RunningStats:
    def __init__(self) -> None:
        self._state: list = [0, 0.0, 0.0]  # n, mean, M2

    @property
    def count(self) -> int:
        return self._state[0]

    @property
    def mean(self) -> float:
        n, mean, _ = self._state
        if not n:
            raise ValueError("mean of an empty stream")
        return mean

    def update(self, x: float) -> None:
        n, mean, m2 = self._state
        n += 1
        delta = float(x) - mean
        self._state = [n, mean + delta / n, m2 + delta * delta * (n - 1) / n]

    def variance(self, ddof: int = 0) -> float:
        n, _, m2 = self._state
        if n - ddof < 1:
            raise ValueError("not enough samples for this ddof")
        return m2 / (n - ddof)
