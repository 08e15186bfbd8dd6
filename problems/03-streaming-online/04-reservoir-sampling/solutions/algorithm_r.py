"""Uniform reservoir sampling with Algorithm R (Waterman; Vitter 1985)."""

import random
from typing import Any


class ReservoirSampler:
    """Keep a uniform random sample of at most k items from a stream of unknown length."""

    def __init__(self, k: int, rng: random.Random) -> None:
        """Create an empty reservoir of capacity k (ValueError unless k >= 1); draw randomness only from rng."""
        # BEGIN SOLUTION: validate k and set up the reservoir and a counter of items seen
        if k < 1:
            raise ValueError(f"k must be a positive integer, got {k}")
        self.k = k
        self._rng = rng
        self._reservoir: list[Any] = []
        self._seen = 0
        # END SOLUTION

    def add(self, item: Any) -> None:
        """Offer the next item of the stream to the reservoir. O(1) time."""
        # BEGIN SOLUTION: keep the first k items; afterwards item i enters with probability k/i
        self._seen += 1
        i = self._seen  # 1-based position of this item
        if i <= self.k:
            self._reservoir.append(item)
            return
        j = self._rng.randrange(i)  # uniform over 0..i-1, so P(j < k) = k/i
        if j < self.k:
            self._reservoir[j] = item  # given j < k, j is a uniformly chosen slot
        # END SOLUTION

    def sample(self) -> list[Any]:
        """A new list holding the current sample: min(k, items seen) items, in no particular order."""
        # BEGIN SOLUTION: return a copy, never the internal list
        return list(self._reservoir)
        # END SOLUTION
