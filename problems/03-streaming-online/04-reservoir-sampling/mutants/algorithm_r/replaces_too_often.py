"""Off by one: item i (1-based) enters with probability k/(i - 1) instead of k/i.

Uses the 0-based index of the item as the range, so item k + 1 always enters. The first k
items end up kept with probability (k - 1)/(n - 1) and every later one with k/(n - 1).
"""

import random
from typing import Any


class ReservoirSampler:
    def __init__(self, k: int, rng: random.Random) -> None:
        if k < 1:
            raise ValueError("k must be positive")
        self.k, self._rng, self._reservoir, self._index = k, rng, [], -1

    def add(self, item: Any) -> None:
        self._index += 1  # 0-based position of this item
        if self._index < self.k:
            self._reservoir.append(item)
            return
        j = self._rng.randrange(self._index)  # should be randrange(self._index + 1)
        if j < self.k:
            self._reservoir[j] = item

    def sample(self) -> list[Any]:
        return list(self._reservoir)
