"""Adds each batch's centred M2 but drops the δ² · n · m / (n + m) spread between the running mean and the batch mean."""

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
        batch = self._check(batch)
        m = batch.shape[0]
        if m == 0:
            return
        batch_mean = batch.mean(axis=0)
        n = self._n + m
        self._mean = self._mean + (batch_mean - self._mean) * m / n
        self._m2 = self._m2 + ((batch - batch_mean) ** 2).sum(axis=0)
        self._n = n
