"""The right key u**(1/w), computed directly instead of in log space.

For small weights it underflows: with w = 1e-5, u**(1/w) is 0.0 unless u > 0.9926, so most keys
tie at 0.0 and the tie-break, not the weights, decides the sample.
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
        entry = ((1.0 - self._rng.random()) ** (1.0 / weight), self._seen, item)
        if len(self._heap) < self.k:
            heapq.heappush(self._heap, entry)
        elif entry[0] > self._heap[0][0]:
            heapq.heapreplace(self._heap, entry)

    def sample(self) -> list[Any]:
        return [item for _, _, item in self._heap]
