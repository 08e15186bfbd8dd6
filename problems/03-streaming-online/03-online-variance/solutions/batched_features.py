"""Per-feature streaming mean and variance, updated one batch of rows at a time."""

import numpy as np


class FeatureStats:
    """Per-feature count, mean and variance of every row seen so far.

    Memory is O(num_features) whatever the stream length; each batch is folded in
    with vectorised NumPy work, as a merge of the batch's own statistics.
    """

    def __init__(self, num_features: int) -> None:
        """Start empty for rows of `num_features` values."""
        # BEGIN SOLUTION: keep a row count and float64 arrays for the mean and M2
        self.num_features = num_features
        self._n = 0
        self._mean = np.zeros(num_features, dtype=np.float64)
        self._m2 = np.zeros(num_features, dtype=np.float64)
        # END SOLUTION

    @property
    def count(self) -> int:
        """Number of rows seen."""
        # BEGIN SOLUTION: return the row count
        return self._n
        # END SOLUTION

    @property
    def mean(self) -> np.ndarray:
        """Per-feature mean, float64 of shape (num_features,); ValueError when empty."""
        # BEGIN SOLUTION: return a copy of the mean, or raise ValueError when empty
        if self._n == 0:
            raise ValueError("the mean of zero rows is undefined")
        return self._mean.copy()
        # END SOLUTION

    def update(self, batch: np.ndarray) -> None:
        """Fold in a batch of shape (m, num_features); m = 0 is a no-op.

        Raises ValueError for any other shape.
        """
        # BEGIN SOLUTION: batch mean and centred M2 in NumPy, then merge them into the state
        batch = np.asarray(batch, dtype=np.float64)
        if batch.ndim != 2 or batch.shape[1] != self.num_features:
            raise ValueError(f"expected a batch of shape (m, {self.num_features}), got {batch.shape}")
        m = batch.shape[0]
        if m == 0:
            return
        batch_mean = batch.mean(axis=0)
        batch_m2 = np.square(batch - batch_mean).sum(axis=0)
        n = self._n + m
        delta = batch_mean - self._mean
        self._mean = self._mean + delta * (m / n)
        self._m2 = self._m2 + batch_m2 + np.square(delta) * (self._n * m / n)
        self._n = n
        # END SOLUTION

    def variance(self, ddof: int = 0) -> np.ndarray:
        """Per-feature M2 / (n - ddof), float64 of shape (num_features,).

        Raises ValueError when n - ddof <= 0.
        """
        # BEGIN SOLUTION: divide M2 by n - ddof, rejecting n <= ddof
        if self._n - ddof <= 0:
            raise ValueError(f"variance with ddof={ddof} needs more than {ddof} row(s), got {self._n}")
        return self._m2 / (self._n - ddof)
        # END SOLUTION
