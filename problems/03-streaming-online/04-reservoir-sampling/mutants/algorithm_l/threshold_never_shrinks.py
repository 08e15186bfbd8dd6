"""Draws the threshold W once when the reservoir fills and never shrinks it after a replacement.

Entries then arrive at a constant rate W instead of a rate falling like k/i, so late items are
over-represented.
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
            self._w = math.exp(math.log(1.0 - self._rng.random()) / self.k)
        elif self._seen == self._next:
            self._reservoir[self._rng.randrange(self.k)] = item
        else:
            return
        skip = 0 if self._w >= 1.0 else math.floor(math.log(1.0 - self._rng.random()) / math.log1p(-self._w))
        self._next = self._seen + skip + 1

    def sample(self) -> list[Any]:
        return list(self._reservoir)
