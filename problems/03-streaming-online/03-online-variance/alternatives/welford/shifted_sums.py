"""Sums of deviations from the first sample (a fixed shift K): Σ(x−K) and Σ(x−K)² stay small when the data do."""


class RunningStats:
    def __init__(self) -> None:
        self.n = 0
        self.shift = 0.0
        self.s1 = 0.0
        self.s2 = 0.0

    @property
    def count(self) -> int:
        return self.n

    @property
    def mean(self) -> float:
        if self.n == 0:
            raise ValueError("no samples")
        return self.shift + self.s1 / self.n

    def update(self, x: float) -> None:
        x = float(x)
        if self.n == 0:
            self.shift = x
        d = x - self.shift
        self.n += 1
        self.s1 += d
        self.s2 += d * d

    def variance(self, ddof: int = 0) -> float:
        if self.n <= ddof:
            raise ValueError("not enough samples")
        m2 = self.s2 - self.s1 * self.s1 / self.n
        return max(m2, 0.0) / (self.n - ddof)
