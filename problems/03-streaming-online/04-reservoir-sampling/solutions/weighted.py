"""Weighted reservoir sampling without replacement: A-Res (Efraimidis & Spirakis 2006), in log space."""

import heapq
import math
import random
from typing import Any


class WeightedReservoirSampler:
    """Keep k items drawn without replacement with probabilities proportional to their weights."""

    def __init__(self, k: int, rng: random.Random) -> None:
        """Create an empty reservoir of capacity k (ValueError unless k >= 1); draw randomness only from rng."""
        # BEGIN SOLUTION: validate k; keep a min-heap of (log-key, arrival number, item)
        if k < 1:
            raise ValueError(f"k must be a positive integer, got {k}")
        self.k = k
        self._rng = rng
        self._heap: list[tuple[float, int, Any]] = []
        self._seen = 0
        # END SOLUTION

    def add(self, item: Any, weight: float) -> None:
        """Offer the next item with its weight (a finite float > 0, else ValueError). O(log k) time."""
        # BEGIN SOLUTION: key log(u)/w orders items like u**(1/w) without underflow; keep the k largest keys
        weight = float(weight)
        if not (weight > 0.0 and math.isfinite(weight)):
            raise ValueError(f"weight must be a finite positive number, got {weight}")
        u = 1.0 - self._rng.random()  # uniform on (0, 1]
        key = math.log(u) / weight  # log of u**(1/weight), an increasing transform
        self._seen += 1
        entry = (key, self._seen, item)  # the arrival number breaks ties before items are compared
        if len(self._heap) < self.k:
            heapq.heappush(self._heap, entry)
        elif key > self._heap[0][0]:
            heapq.heapreplace(self._heap, entry)  # evict the smallest key
        # END SOLUTION

    def sample(self) -> list[Any]:
        """A new list holding the current sample: min(k, items seen) items, in no particular order."""
        # BEGIN SOLUTION: the items of the heap entries
        return [item for _, _, item in self._heap]
        # END SOLUTION
