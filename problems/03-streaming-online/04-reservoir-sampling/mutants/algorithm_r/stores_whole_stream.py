"""Keeps every item and draws the sample at query time: uniform, but O(n) memory instead of O(k)."""

import random
from typing import Any


class ReservoirSampler:
    def __init__(self, k: int, rng: random.Random) -> None:
        if k < 1:
            raise ValueError("k must be positive")
        self.k, self._rng, self._items = k, rng, []

    def add(self, item: Any) -> None:
        self._items.append(item)

    def sample(self) -> list[Any]:
        if len(self._items) <= self.k:
            return list(self._items)
        return self._rng.sample(self._items, self.k)
