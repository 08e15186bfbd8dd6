"""Independent uniform keys, keep the k smallest in a heap (bottom-k): uniform by symmetry, O(log k) per item."""

import heapq
import itertools
import random
from typing import Any


class ReservoirSampler:
    def __init__(self, k: int, rng: random.Random) -> None:
        if k <= 0:
            raise ValueError("k must be positive")
        self._k = k
        self._rng = rng
        self._heap: list[tuple[float, int, Any]] = []  # (-key, arrival, item): the root has the largest key
        self._arrivals = itertools.count()

    def add(self, item: Any) -> None:
        entry = (-self._rng.random(), next(self._arrivals), item)
        if len(self._heap) < self._k:
            heapq.heappush(self._heap, entry)
        elif entry[0] > self._heap[0][0]:  # the new key is smaller than the largest kept key
            heapq.heapreplace(self._heap, entry)

    def sample(self) -> list[Any]:
        return [item for _, _, item in self._heap]
