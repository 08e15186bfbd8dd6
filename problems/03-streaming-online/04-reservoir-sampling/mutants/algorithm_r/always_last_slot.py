"""Enters with the right probability k/i but always overwrites the last slot.

The first k - 1 items can never be evicted, and the last slot churns.
"""

import random
from typing import Any


class ReservoirSampler:
    def __init__(self, k: int, rng: random.Random) -> None:
        if k < 1:
            raise ValueError("k must be positive")
        self.k, self._rng, self._reservoir, self._seen = k, rng, [], 0

    def add(self, item: Any) -> None:
        self._seen += 1
        if self._seen <= self.k:
            self._reservoir.append(item)
        elif self._rng.random() < self.k / self._seen:
            self._reservoir[-1] = item

    def sample(self) -> list[Any]:
        return list(self._reservoir)
