"""Accurate (two-pass over a stored list) but keeps every sample: O(n) memory where O(1) is asked."""


class RunningStats:
    def __init__(self) -> None:
        self._values: list[float] = []

    @property
    def count(self) -> int:
        return len(self._values)

    @property
    def mean(self) -> float:
        if not self._values:
            raise ValueError("empty")
        return sum(self._values) / len(self._values)

    def update(self, x: float) -> None:
        self._values.append(float(x))

    def variance(self, ddof: int = 0) -> float:
        n = len(self._values)
        if n - ddof <= 0:
            raise ValueError("too few samples")
        mean = sum(self._values) / n
        return sum((x - mean) ** 2 for x in self._values) / (n - ddof)
