"""BatchNorm(momentum=None) style: plain averages of per-batch means and unbiased per-batch variances."""

import numpy as np


class FeatureStats:
    def __init__(self, num_features: int) -> None:
        self.num_features = num_features
        self._n = 0
        self._batches = 0
        self._mean = np.zeros(num_features)
        self._var = np.zeros(num_features)

    @property
    def count(self) -> int:
        return self._n

    @property
    def mean(self) -> np.ndarray:
        if self._n == 0:
            raise ValueError("empty")
        return self._mean.copy()

    def update(self, batch: np.ndarray) -> None:
        batch = np.asarray(batch, dtype=np.float64)
        if batch.ndim != 2 or batch.shape[1] != self.num_features:
            raise ValueError("bad shape")
        m = batch.shape[0]
        if m == 0:
            return
        self._n += m
        self._batches += 1
        batch_var = batch.var(axis=0, ddof=1) if m > 1 else np.zeros(self.num_features)
        self._mean += (batch.mean(axis=0) - self._mean) / self._batches
        self._var += (batch_var - self._var) / self._batches

    def variance(self, ddof: int = 0) -> np.ndarray:
        if self._n - ddof <= 0:
            raise ValueError("too few rows")
        return self._var.copy()
