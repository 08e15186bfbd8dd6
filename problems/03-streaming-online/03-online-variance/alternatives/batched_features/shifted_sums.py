"""Per-feature sums of deviations from the first row (a fixed shift), all updated with whole-batch NumPy sums."""

import numpy as np


class FeatureStats:
    def __init__(self, num_features: int) -> None:
        self.d = num_features
        self.rows = 0
        self.shift: np.ndarray | None = None
        self.s1 = np.zeros(num_features)
        self.s2 = np.zeros(num_features)

    @property
    def count(self) -> int:
        return self.rows

    @property
    def mean(self) -> np.ndarray:
        if self.rows == 0:
            raise ValueError("no rows yet")
        return self.shift + self.s1 / self.rows

    def update(self, batch: np.ndarray) -> None:
        x = np.asarray(batch, dtype=np.float64)
        if x.ndim != 2 or x.shape[1] != self.d:
            raise ValueError(f"expected (m, {self.d}), got {x.shape}")
        if x.shape[0] == 0:
            return
        if self.shift is None:
            self.shift = x[0].copy()
        dev = x - self.shift
        self.s1 += dev.sum(axis=0)
        self.s2 += np.einsum("ij,ij->j", dev, dev)
        self.rows += x.shape[0]

    def variance(self, ddof: int = 0) -> np.ndarray:
        if self.rows <= ddof:
            raise ValueError("not enough rows")
        m2 = np.maximum(self.s2 - self.s1 * self.s1 / self.rows, 0.0)
        return m2 / (self.rows - ddof)
