"""Exact (concatenates and calls np.var at query time) but keeps a copy of every batch: O(stream) memory."""

import numpy as np


class FeatureStats:
    def __init__(self, num_features: int) -> None:
        self.num_features = num_features
        self._batches: list[np.ndarray] = []

    @property
    def count(self) -> int:
        return sum(len(b) for b in self._batches)

    def _rows(self) -> np.ndarray:
        return np.concatenate(self._batches) if self._batches else np.empty((0, self.num_features))

    @property
    def mean(self) -> np.ndarray:
        if self.count == 0:
            raise ValueError("empty")
        return self._rows().mean(axis=0)

    def update(self, batch: np.ndarray) -> None:
        batch = np.asarray(batch, dtype=np.float64)
        if batch.ndim != 2 or batch.shape[1] != self.num_features:
            raise ValueError("bad shape")
        if len(batch):
            self._batches.append(batch.copy())

    def variance(self, ddof: int = 0) -> np.ndarray:
        if self.count - ddof <= 0:
            raise ValueError("too few rows")
        return self._rows().var(axis=0, ddof=ddof)
