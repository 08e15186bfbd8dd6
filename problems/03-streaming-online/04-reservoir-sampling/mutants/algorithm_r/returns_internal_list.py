"""Correct sampling, but sample() hands out the internal list: the caller's edits corrupt the reservoir."""

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
            return
        j = self._rng.randrange(self._seen)
        if j < self.k:
            self._reservoir[j] = item

    def sample(self) -> list[Any]:
        return self._reservoir
