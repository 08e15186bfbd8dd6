"""Pure-Python table; the conservative rule written as 'new estimate, then lift the laggards'."""

import hashlib
import random

PRIME = (1 << 61) - 1


def item_key(item: str) -> int:
    return int.from_bytes(hashlib.blake2b(item.encode("utf-8"), digest_size=8).digest(), "big")


class ConservativeCountMinSketch:
    def __init__(self, width: int, depth: int, seed: int = 0, hash_params=None) -> None:
        if width < 1 or depth < 1:
            raise ValueError("bad shape")
        if hash_params is None:
            rng = random.Random(seed * 7919 + 17)
            hash_params = [(1 + rng.getrandbits(64) % (PRIME - 1), rng.getrandbits(64) % PRIME) for _ in range(depth)]
        pairs = [(int(a), int(b)) for a, b in hash_params]
        if len(pairs) != depth or any(a < 1 or a >= PRIME or b < 0 or b >= PRIME for a, b in pairs):
            raise ValueError("bad hash_params")
        self.width, self.depth, self.hash_params = width, depth, pairs
        self.table = [[0] * width for _ in range(depth)]

    def buckets(self, item: str) -> list[int]:
        x = item_key(item)
        return [((a * x + b) % PRIME) % self.width for a, b in self.hash_params]

    def update(self, item: str, count: int = 1) -> None:
        if count < 0:
            raise ValueError("conservative update needs count >= 0")
        cols = self.buckets(item)
        new_estimate = self.query(item) + count
        for row, col in zip(self.table, cols):
            row[col] = max(row[col], new_estimate)

    def query(self, item: str) -> int:
        return min(row[col] for row, col in zip(self.table, self.buckets(item)))
