"""Uniform reservoir sampling with geometric skips: Algorithm L (Li 1994)."""

import math
import random
from typing import Any


class ReservoirSampler:
    """Keep a uniform random sample of at most k items, drawing O(k(1 + log(n/k))) random numbers."""

    def __init__(self, k: int, rng: random.Random) -> None:
        """Create an empty reservoir of capacity k (ValueError unless k >= 1); draw randomness only from rng."""
        # BEGIN SOLUTION: validate k; keep the reservoir, the count seen, the threshold W and the next entry
        if k < 1:
            raise ValueError(f"k must be a positive integer, got {k}")
        self.k = k
        self._rng = rng
        self._reservoir: list[Any] = []
        self._seen = 0
        self._w = 1.0  # W: the largest of the k smallest uniform keys so far (1 until the reservoir is full)
        self._next = 0  # 1-based position of the next item that will enter the reservoir
        # END SOLUTION

    def add(self, item: Any) -> None:
        """Offer the next item of the stream; only the items that enter draw random numbers."""
        # BEGIN SOLUTION: fill the first k slots, then replace a random slot at each scheduled position
        self._seen += 1
        if self._seen <= self.k:
            self._reservoir.append(item)
            if self._seen < self.k:
                return
        elif self._seen == self._next:
            self._reservoir[self._rng.randrange(self.k)] = item
        else:
            return
        # The reservoir holds the k smallest keys, all uniform on (0, W) given W: the new W is
        # the largest of k uniforms on (0, W), that is W * U**(1/k). (At the k-th item W = 1.)
        u = 1.0 - self._rng.random()  # uniform on (0, 1]: log() needs a non-zero argument
        self._w *= math.exp(math.log(u) / self.k)
        # A later item enters when its key falls below W, probability W each, so the number of
        # items skipped first is geometric: P(skip >= g) = (1 - W)**g.
        if self._w >= 1.0:
            skip = 0
        else:
            u = 1.0 - self._rng.random()
            skip = math.floor(math.log(u) / math.log1p(-self._w))
        self._next = self._seen + skip + 1
        # END SOLUTION

    def sample(self) -> list[Any]:
        """A new list holding the current sample: min(k, items seen) items, in no particular order."""
        # BEGIN SOLUTION: return a copy, never the internal list
        return list(self._reservoir)
        # END SOLUTION
