"""Enters with probability 1/i instead of k/i (the k = 1 rule applied to any k).

Late items are k times too rare and the first k items too common.
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
        elif self._rng.random() < 1 / self._seen:
            self._reservoir[self._rng.randrange(self.k)] = item

    def sample(self) -> list[Any]:
        return list(self._reservoir)
