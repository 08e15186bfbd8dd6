"""Off by one: item i (1-based) enters with probability k/(i + 1) instead of k/i.

Draws j from 0..i inclusive, as if i were a 0-based index. The first k items end up kept with
probability (k + 1)/(n + 1) and every later one with k/(n + 1).
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
            return
        j = self._rng.randint(0, self._seen)  # randint includes both ends: i + 1 outcomes
        if j < self.k:
            self._reservoir[j] = item

    def sample(self) -> list[Any]:
        return list(self._reservoir)
