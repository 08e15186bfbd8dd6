"""Row parameters derived from SHA-256 of (seed, row) instead of a PRNG; NumPy table with fancy indexing."""

import hashlib

import numpy as np

PRIME = (1 << 61) - 1


def item_key(item: str) -> int:
    return int.from_bytes(hashlib.blake2b(item.encode(), digest_size=8).digest(), byteorder="big")


def _draw(seed: int, row: int, what: str, low: int) -> int:
    digest = hashlib.sha256(f"cms|{seed}|{row}|{what}".encode()).digest()
    return low + int.from_bytes(digest, "big") % (PRIME - low)


class CountMinSketch:
    def __init__(self, width: int, depth: int, seed: int = 0, hash_params=None) -> None:
        if width < 1 or depth < 1:
            raise ValueError("empty sketch")
        if hash_params is None:
            hash_params = [(_draw(seed, j, "a", 1), _draw(seed, j, "b", 0)) for j in range(depth)]
        if len(hash_params) != depth or any(not (1 <= a < PRIME and 0 <= b < PRIME) for a, b in hash_params):
            raise ValueError("bad hash parameters")
        self.width = width
        self.depth = depth
        self.hash_params = [(int(a), int(b)) for a, b in hash_params]
        self.table = np.zeros((depth, width), dtype=np.int64)
        self._rows = np.arange(depth)

    def buckets(self, item: str) -> list[int]:
        k = item_key(item)
        return [(a * k + b) % PRIME % self.width for a, b in self.hash_params]

    def update(self, item: str, count: int = 1) -> None:
        if count < 0:
            raise ValueError("negative count")
        self.table[self._rows, self.buckets(item)] += count

    def query(self, item: str) -> int:
        return int(self.table[self._rows, self.buckets(item)].min())
