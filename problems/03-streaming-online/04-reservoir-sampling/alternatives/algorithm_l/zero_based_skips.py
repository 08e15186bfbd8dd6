"""Algorithm L written with a 0-based position and a countdown of items still to skip.

Draws the slot as int(k * random()) and the threshold in log space (log W), so that W never
has to be stored as a float close to 0 or 1.
"""

import math
import random


class ReservoirSampler:
    def __init__(self, k: int, rng: random.Random) -> None:
        if k < 1:
            raise ValueError("k must be >= 1")
        self.k = k
        self.rng = rng
        self.reservoir: list = []
        self.log_w = 0.0  # log W
        self.to_skip = 0  # items to discard before the next one enters

    def _log_uniform(self) -> float:
        return math.log(1.0 - self.rng.random())  # log of a uniform on (0, 1]

    def _draw_skip(self) -> None:
        w = math.exp(self.log_w)
        self.to_skip = 0 if w >= 1.0 else int(self._log_uniform() // math.log1p(-w))

    def add(self, item) -> None:
        if len(self.reservoir) < self.k:
            self.reservoir.append(item)
            if len(self.reservoir) == self.k:
                self.log_w = self._log_uniform() / self.k
                self._draw_skip()
            return
        if self.to_skip > 0:
            self.to_skip -= 1
            return
        slot = min(int(self.k * self.rng.random()), self.k - 1)
        self.reservoir[slot] = item
        self.log_w += self._log_uniform() / self.k
        self._draw_skip()

    def sample(self) -> list:
        return list(self.reservoir)
