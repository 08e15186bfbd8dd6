"""Correct Welford, but a Python loop over the rows of every batch: O(m) interpreter steps per batch."""

import numpy as np


class FeatureStats:
    def __init__(self, num_features: int) -> None:
        self.num_features = num_features
        self._n = 0
        self._mean = np.zeros(num_features)
        self._m2 = np.zeros(num_features)

    @property
    def count(self) -> int:
        return self._n

    @property
    def mean(self) -> np.ndarray:
        if self._n == 0:
            raise ValueError("empty")
        return self._mean.copy()

    def variance(self, ddof: int = 0) -> np.ndarray:
        if self._n - ddof <= 0:
            raise ValueError("too few rows")
        return self._m2 / (self._n - ddof)

    def _check(self, batch) -> np.ndarray:
        batch = np.asarray(batch, dtype=np.float64)
        if batch.ndim != 2 or batch.shape[1] != self.num_features:
            raise ValueError("bad shape")
        return batch

    def update(self, batch: np.ndarray) -> None:
        for row in self._check(batch):
            self._n += 1
            delta = row - self._mean
            self._mean = self._mean + delta / self._n
            self._m2 = self._m2 + delta * (row - self._mean)
