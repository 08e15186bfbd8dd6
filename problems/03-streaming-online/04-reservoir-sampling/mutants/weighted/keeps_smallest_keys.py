"""Right keys, wrong end: evicts the largest key instead of the smallest (a max-heap by negation).

The reservoir keeps the k smallest u**(1/w), so light items are favoured.
"""

import heapq
import math
import random
from typing import Any


class WeightedReservoirSampler:
    def __init__(self, k: int, rng: random.Random) -> None:
        if k < 1:
            raise ValueError("k must be positive")
        self.k, self._rng, self._heap, self._seen = k, rng, [], 0

    def add(self, item: Any, weight: float) -> None:
        weight = float(weight)
        if not (weight > 0 and math.isfinite(weight)):
            raise ValueError("weight must be a finite positive number")
        self._seen += 1
        key = math.log(1.0 - self._rng.random()) / weight
        entry = (-key, self._seen, item)  # root = the largest key
        if len(self._heap) < self.k:
            heapq.heappush(self._heap, entry)
        elif key < -self._heap[0][0]:  # smaller than the largest kept key
            heapq.heapreplace(self._heap, entry)

    def sample(self) -> list[Any]:
        return [item for _, _, item in self._heap]
