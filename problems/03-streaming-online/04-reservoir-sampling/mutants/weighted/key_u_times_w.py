"""Uses the key u * w instead of u**(1/w): heavier items win more often, but not in proportion to w.

With k = 1 and weights 1, 2, 3, 4 the heaviest item is chosen with probability 0.566, not 0.4.
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
        entry = (self._rng.random() * weight, self._seen, item)
        if len(self._heap) < self.k:
            heapq.heappush(self._heap, entry)
        elif entry[0] > self._heap[0][0]:
            heapq.heapreplace(self._heap, entry)

    def sample(self) -> list[Any]:
        return [item for _, _, item in self._heap]
