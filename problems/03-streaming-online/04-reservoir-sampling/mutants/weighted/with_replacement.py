"""k independent one-item weighted reservoirs: each slot is right, but the sample is drawn WITH replacement.

Slot s replaces its item with probability w / (total weight so far) (the k = 1 rule), so the same
item can fill several slots.
"""

import math
import random
from typing import Any


class WeightedReservoirSampler:
    def __init__(self, k: int, rng: random.Random) -> None:
        if k < 1:
            raise ValueError("k must be positive")
        self.k, self._rng, self._slots, self._total = k, rng, [], 0.0

    def add(self, item: Any, weight: float) -> None:
        weight = float(weight)
        if not (weight > 0 and math.isfinite(weight)):
            raise ValueError("weight must be a finite positive number")
        self._total += weight
        if not self._slots:
            self._slots = [item] * self.k
            return
        for s in range(self.k):
            if self._rng.random() < weight / self._total:
                self._slots[s] = item

    def sample(self) -> list[Any]:
        return list(self._slots)
