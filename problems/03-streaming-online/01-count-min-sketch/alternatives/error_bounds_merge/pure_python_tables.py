"""Pure-Python rows, sizing via -log(delta), and merge written as a row-by-row sum after a full compatibility check."""

import hashlib
import math
import random

PRIME = 2**61 - 1


def item_key(item: str) -> int:
    return int.from_bytes(hashlib.blake2b(item.encode("utf-8"), digest_size=8).digest(), "big")


class CountMinSketch:
    def __init__(self, width: int, depth: int, seed: int = 0, hash_params=None) -> None:
        if width <= 0 or depth <= 0:
            raise ValueError("width and depth must be >= 1")
        if hash_params is None:
            r = random.Random(seed)
            hash_params = []
            for _ in range(depth):
                a = r.randint(1, PRIME - 1)
                b = r.randint(0, PRIME - 1)
                hash_params.append((a, b))
        hash_params = [(int(a), int(b)) for a, b in hash_params]
        if len(hash_params) != depth or not all(0 < a < PRIME and 0 <= b < PRIME for a, b in hash_params):
            raise ValueError("bad hash_params")
        self.width, self.depth = width, depth
        self.hash_params = hash_params
        self.table = [[0] * width for _ in range(depth)]
        self.total = 0

    @classmethod
    def from_error(cls, epsilon: float, delta: float, seed: int = 0) -> "CountMinSketch":
        if epsilon <= 0 or delta <= 0 or delta >= 1:
            raise ValueError("epsilon must be > 0 and delta in (0, 1)")
        return cls(width=math.ceil(math.e / epsilon), depth=math.ceil(-math.log(delta)), seed=seed)

    def buckets(self, item: str) -> list[int]:
        x = item_key(item)
        return [((a * x + b) % PRIME) % self.width for (a, b) in self.hash_params]

    def update(self, item: str, count: int = 1) -> None:
        if count < 0:
            raise ValueError("count < 0")
        for j, c in enumerate(self.buckets(item)):
            self.table[j][c] += count
        self.total += count

    def query(self, item: str) -> int:
        return min(self.table[j][c] for j, c in enumerate(self.buckets(item)))

    def merge(self, other: "CountMinSketch") -> None:
        same = (
            self.width == other.width
            and self.depth == other.depth
            and [tuple(p) for p in self.hash_params] == [tuple(p) for p in other.hash_params]
        )
        if not same:
            raise ValueError("incompatible sketches")
        self.table = [[x + y for x, y in zip(mine, theirs)] for mine, theirs in zip(self.table, other.table)]
        self.total += other.total
