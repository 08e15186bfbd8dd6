"""Batch summary from np.var, merged by re-centring both parts on the combined mean."""

import numpy as np


class FeatureStats:
    def __init__(self, num_features: int) -> None:
        self.num_features = num_features
        self.n = 0
        self.mu = np.zeros(num_features)
        self.ss = np.zeros(num_features)

    @property
    def count(self) -> int:
        return self.n

    @property
    def mean(self) -> np.ndarray:
        if not self.n:
            raise ValueError("empty")
        return self.mu.copy()

    def update(self, batch: np.ndarray) -> None:
        batch = np.asarray(batch, dtype=float)
        if batch.shape[1:] != (self.num_features,) or batch.ndim != 2:
            raise ValueError("batch must be (m, num_features)")
        m = len(batch)
        if m == 0:
            return
        b_mu = batch.mean(axis=0)
        b_ss = batch.var(axis=0) * m
        total = self.n + m
        mu = (self.n * self.mu + m * b_mu) / total
        self.ss = self.ss + self.n * (self.mu - mu) ** 2 + b_ss + m * (b_mu - mu) ** 2
        self.mu = mu
        self.n = total

    def variance(self, ddof: int = 0) -> np.ndarray:
        if self.n - ddof <= 0:
            raise ValueError("too few rows")
        return self.ss / (self.n - ddof)
