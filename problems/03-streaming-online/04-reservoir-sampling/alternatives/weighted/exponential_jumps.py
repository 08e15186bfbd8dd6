"""A-ExpJ (Efraimidis & Spirakis 2006) in log space: jump over a random amount of weight.

With T the smallest key kept, an item of weight w beats T with probability 1 - T^w. Summed
over the stream that is an exponential clock in cumulative weight with rate -ln T, so the
weight to skip before the next entry is X = ln(r) / ln(T). The entering item's key is
u^(1/w) conditioned on exceeding T, i.e. u uniform on (T^w, 1). Two draws per entry instead
of one per item; same distribution as A-Res.
"""

import heapq
import math
import random
from typing import Any


class WeightedReservoirSampler:
    def __init__(self, k: int, rng: random.Random) -> None:
        if k < 1:
            raise ValueError("k must be positive")
        self.k = k
        self.rng = rng
        self.heap: list[tuple[float, int, Any]] = []  # (log key, arrival, item), min at the root
        self.arrivals = 0
        self.to_skip = 0.0  # weight still to jump over before the next entry

    def _schedule(self) -> None:
        log_t = self.heap[0][0]  # ln T <= 0
        log_r = math.log(1.0 - self.rng.random())
        self.to_skip = math.inf if log_t == 0.0 else log_r / log_t

    def add(self, item: Any, weight: float) -> None:
        w = float(weight)
        if not (w > 0 and math.isfinite(w)):
            raise ValueError("weight must be a finite positive number")
        self.arrivals += 1
        if len(self.heap) < self.k:
            key = math.log(1.0 - self.rng.random()) / w
            heapq.heappush(self.heap, (key, self.arrivals, item))
            if len(self.heap) == self.k:
                self._schedule()
            return
        if self.to_skip > w:
            self.to_skip -= w
            return
        # Enters: u uniform on (T^w, 1), so 1 - u = (1 - T^w) * (1 - U) with U uniform on [0, 1).
        log_t = self.heap[0][0]
        one_minus_tw = -math.expm1(w * log_t)
        one_minus_u = one_minus_tw * (1.0 - self.rng.random())
        key = math.log1p(-one_minus_u) / w if one_minus_u < 1.0 else -math.inf
        heapq.heapreplace(self.heap, (key, self.arrivals, item))
        self._schedule()

    def sample(self) -> list[Any]:
        return [item for _, _, item in self.heap]
