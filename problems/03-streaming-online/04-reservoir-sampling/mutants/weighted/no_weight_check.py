"""Correct A-Res keys in log space, but accepts zero, negative and non-finite weights.

A negative weight turns log(u)/w positive, so that item beats every valid one.
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
        self._seen += 1
        try:
            key = math.log(1.0 - self._rng.random()) / float(weight)
        except ZeroDivisionError:
            key = -math.inf
        entry = (key, self._seen, item)
        if len(self._heap) < self.k:
            heapq.heappush(self._heap, entry)
        elif key > self._heap[0][0]:
            heapq.heapreplace(self._heap, entry)

    def sample(self) -> list[Any]:
        return [item for _, _, item in self._heap]
