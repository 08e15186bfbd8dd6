"""Exponential clocks: item i arrives at time Exp(rate w_i); keep the k earliest, in a sorted list.

-log(u)/w is the same order as u**(1/w) reversed, so the k earliest arrivals are A-Res's k
largest keys. Insertion into a sorted list is O(k), fine for small k.
"""

import bisect
import math


class WeightedReservoirSampler:
    def __init__(self, k, rng):
        if k < 1:
            raise ValueError("k must be positive")
        self.k = k
        self.rng = rng
        self.times = []  # sorted arrival times of the kept items
        self.items = []  # items, aligned with self.times

    def add(self, item, weight):
        if not (isinstance(weight, (int, float)) and math.isfinite(weight) and weight > 0):
            raise ValueError(f"bad weight {weight!r}")
        t = self.rng.expovariate(weight)
        if len(self.times) == self.k:
            if t >= self.times[-1]:
                return
            self.times.pop()
            self.items.pop()
        index = bisect.bisect_right(self.times, t)
        self.times.insert(index, t)
        self.items.insert(index, item)

    def sample(self):
        return list(self.items)
