"""Plain Python lists for the table, parameters drawn with NumPy's seeded Generator, min via a loop."""

import hashlib

import numpy as np

PRIME = 2**61 - 1


def item_key(item):
    h = hashlib.blake2b(digest_size=8)
    h.update(item.encode("utf-8"))
    return int(h.hexdigest(), 16)


class CountMinSketch:
    def __init__(self, width, depth, seed=0, hash_params=None):
        if not (isinstance(width, int) and isinstance(depth, int)) or width <= 0 or depth <= 0:
            raise ValueError("width and depth must be positive integers")
        if hash_params is None:
            gen = np.random.default_rng(seed)
            a_values = gen.integers(1, PRIME, size=depth)  # PRIME < 2**63 fits in int64
            b_values = gen.integers(0, PRIME, size=depth)
            hash_params = list(zip(a_values.tolist(), b_values.tolist()))
        hash_params = [tuple(map(int, pair)) for pair in hash_params]
        if len(hash_params) != depth:
            raise ValueError("one (a, b) pair per row")
        for a, b in hash_params:
            if not (0 < a < PRIME) or not (0 <= b < PRIME):
                raise ValueError("hash parameter out of range")
        self.width, self.depth, self.hash_params = width, depth, hash_params
        self.table = [[0] * width for _ in range(depth)]

    def buckets(self, item):
        x = item_key(item)
        out = []
        for a, b in self.hash_params:
            out.append((a * x + b) % PRIME % self.width)
        return out

    def update(self, item, count=1):
        if count < 0:
            raise ValueError("counts must be non-negative")
        if count == 0:
            return
        for row, col in zip(self.table, self.buckets(item)):
            row[col] += count

    def query(self, item):
        best = None
        for row, col in zip(self.table, self.buckets(item)):
            if best is None or row[col] < best:
                best = row[col]
        return best
