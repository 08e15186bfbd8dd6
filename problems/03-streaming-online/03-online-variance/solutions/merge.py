"""Streaming mean and variance whose accumulators merge (Chan, Golub & LeVeque)."""

from __future__ import annotations


class RunningStats:
    """Count, mean and variance of every number seen so far, in O(1) memory.

    The state is three numbers: the count n, the running mean, and M2, the sum of
    squared deviations from the current mean. Two accumulators built on different
    parts of a stream merge into the accumulator of the whole stream.
    """

    def __init__(self) -> None:
        """Start empty: no samples seen."""
        # BEGIN SOLUTION: start with n = 0, mean = 0.0, M2 = 0.0
        self._n = 0
        self._mean = 0.0
        self._m2 = 0.0
        # END SOLUTION

    @property
    def count(self) -> int:
        """Number of samples seen."""
        # BEGIN SOLUTION: return the count
        return self._n
        # END SOLUTION

    @property
    def mean(self) -> float:
        """Mean of the samples seen; raises ValueError when there are none."""
        # BEGIN SOLUTION: return the running mean, or raise ValueError when empty
        if self._n == 0:
            raise ValueError("the mean of zero samples is undefined")
        return self._mean
        # END SOLUTION

    def update(self, x: float) -> None:
        """Add one sample in O(1) time and memory."""
        # BEGIN SOLUTION: Welford's step (the merge with a one-sample accumulator)
        x = float(x)
        self._n += 1
        delta = x - self._mean
        self._mean += delta / self._n
        self._m2 += delta * (x - self._mean)
        # END SOLUTION

    def variance(self, ddof: int = 0) -> float:
        """M2 / (n - ddof): population variance for ddof=0, sample variance for ddof=1.

        Raises ValueError when n - ddof <= 0.
        """
        # BEGIN SOLUTION: divide M2 by n - ddof, rejecting n <= ddof
        if self._n - ddof <= 0:
            raise ValueError(f"variance with ddof={ddof} needs more than {ddof} sample(s), got {self._n}")
        return self._m2 / (self._n - ddof)
        # END SOLUTION

    def merge(self, other: RunningStats) -> RunningStats:
        """Return a new accumulator for the samples of `self` and `other` together.

        Neither operand is modified. Either or both may be empty.
        """
        # BEGIN SOLUTION: combine both (n, mean, M2) states into a new accumulator; mind empty operands
        merged = RunningStats()
        n = self._n + other._n
        if n == 0:
            return merged
        delta = other._mean - self._mean
        merged._n = n
        merged._mean = self._mean + delta * (other._n / n)
        merged._m2 = self._m2 + other._m2 + delta * delta * (self._n * other._n / n)
        return merged
        # END SOLUTION
