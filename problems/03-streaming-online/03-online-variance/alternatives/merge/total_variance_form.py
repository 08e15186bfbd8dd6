"""Merge by re-centring each part's M2 on the combined mean: M2 = Σ_parts [M2_p + n_p (mean_p − mean)²]."""

from __future__ import annotations


class RunningStats:
    def __init__(self) -> None:
        self.n = 0
        self.mu = 0.0
        self.ss = 0.0

    @property
    def count(self) -> int:
        return self.n

    @property
    def mean(self) -> float:
        if self.n == 0:
            raise ValueError("no data")
        return self.mu

    def update(self, x: float) -> None:
        old_mu = self.mu
        self.n += 1
        self.mu = old_mu + (float(x) - old_mu) / self.n
        self.ss += (float(x) - old_mu) * (float(x) - self.mu)

    def variance(self, ddof: int = 0) -> float:
        if self.n <= ddof:
            raise ValueError("not enough data")
        return self.ss / (self.n - ddof)

    def merge(self, other: RunningStats) -> RunningStats:
        out = RunningStats()
        out.n = self.n + other.n
        if out.n == 0:
            return out
        out.mu = (self.n * self.mu + other.n * other.mu) / out.n
        out.ss = (self.ss + self.n * (self.mu - out.mu) ** 2) + (other.ss + other.n * (other.mu - out.mu) ** 2)
        return out
