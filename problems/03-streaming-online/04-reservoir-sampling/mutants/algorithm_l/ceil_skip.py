"""Rounds the geometric skip up (ceil) instead of down (floor).

A skip of 0 can never happen, so the item right after an entry never enters: the skip is
always at least one too long and entries come too late.
"""

import math
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
            if self._seen < self.k:
                return
        elif self._seen == self._next:
            self._reservoir[self._rng.randrange(self.k)] = item
        else:
            return
        self._w *= math.exp(math.log(1.0 - self._rng.random()) / self.k)
        skip = 0 if self._w >= 1.0 else math.ceil(math.log(1.0 - self._rng.random()) / math.log1p(-self._w))
        self._next = self._seen + skip + 1

    def sample(self) -> list[Any]:
        return list(self._reservoir)
