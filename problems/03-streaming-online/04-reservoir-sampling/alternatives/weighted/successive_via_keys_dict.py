"""A-Res with log keys kept in a dict keyed by arrival number; the minimum is found by a scan.

O(k) per entering item instead of O(log k), but the same distribution.
"""

import math
import random
from typing import Any


class WeightedReservoirSampler:
    def __init__(self, k: int, rng: random.Random) -> None:
        if k < 1:
            raise ValueError("k must be positive")
        self.k = k
        self.rng = rng
        self.kept: dict[int, tuple[float, Any]] = {}
        self.count = 0

    def add(self, item: Any, weight: float) -> None:
        w = float(weight)
        if math.isnan(w) or math.isinf(w) or w <= 0:
            raise ValueError("weight must be finite and positive")
        key = math.log(1.0 - self.rng.random()) / w
        self.count += 1
        if len(self.kept) < self.k:
            self.kept[self.count] = (key, item)
            return
        weakest = min(self.kept, key=lambda arrival: self.kept[arrival][0])
        if key > self.kept[weakest][0]:
            del self.kept[weakest]
            self.kept[self.count] = (key, item)

    def sample(self) -> list[Any]:
        return [item for _, item in self.kept.values()]
