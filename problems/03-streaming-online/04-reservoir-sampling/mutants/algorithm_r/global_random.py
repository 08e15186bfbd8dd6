"""Correct Algorithm R, but draws from the global `random` module instead of the given rng.

The sample is uniform, yet a seeded rng no longer makes a run reproducible.
"""

import random
from typing import Any


class ReservoirSampler:
    def __init__(self, k: int, rng: random.Random) -> None:
        if k < 1:
            raise ValueError("k must be positive")
        self.k, self._reservoir, self._seen = k, [], 0

    def add(self, item: Any) -> None:
        self._seen += 1
        if self._seen <= self.k:
            self._reservoir.append(item)
            return
        j = random.randrange(self._seen)
        if j < self.k:
            self._reservoir[j] = item

    def sample(self) -> list[Any]:
        return list(self._reservoir)
