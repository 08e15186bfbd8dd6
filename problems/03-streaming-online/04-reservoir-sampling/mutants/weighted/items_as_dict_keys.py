"""A-Res with log keys, but the reservoir is a dict keyed by the item itself: unhashable items raise TypeError, and an item added twice is kept once, though every add is a separate item."""

import math
import random
from typing import Any


class WeightedReservoirSampler:
    def __init__(self, k: int, rng: random.Random) -> None:
        if k < 1:
            raise ValueError("k must be positive")
        self.k = k
        self.rng = rng
        self.keys: dict[Any, float] = {}

    def add(self, item: Any, weight: float) -> None:
        w = float(weight)
        if not (w > 0.0 and math.isfinite(w)):
            raise ValueError("weight must be finite and positive")
        key = math.log(1.0 - self.rng.random()) / w
        if item in self.keys:
            self.keys[item] = max(self.keys[item], key)
        else:
            self.keys[item] = key
        if len(self.keys) > self.k:
            weakest = min(self.keys, key=self.keys.__getitem__)
            del self.keys[weakest]

    def sample(self) -> list[Any]:
        return list(self.keys)
