"""merge keeps the larger of each pair of counters instead of their sum, as if merging Bloom-filter bits."""

import hashlib
import math
import random
from collections.abc import Sequence

import numpy as np

PRIME = (1 << 61) - 1  # the Mersenne prime p of the family h(x) = ((a*x + b) mod p) mod width


def item_key(item: str) -> int:
    """The item's 64-bit integer key: the 8-byte BLAKE2b digest of its UTF-8 bytes, big-endian."""
    digest = hashlib.blake2b(item.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


class CountMinSketch:
    """Approximate counts of a stream of strings in a depth x width table of counters.

    Attributes: width, depth, hash_params (one (a, b) pair per row), table (depth x width counters)
    and total (the sum of all counts recorded).
    """

    def __init__(
        self,
        width: int,
        depth: int,
        seed: int = 0,
        hash_params: Sequence[tuple[int, int]] | None = None,
    ) -> None:
        """Create an all-zero sketch with `depth` rows of `width` counters.

        Row j hashes with its own pair (a_j, b_j), 1 <= a_j < PRIME and 0 <= b_j < PRIME:
        taken from `hash_params` when given (one pair per row), otherwise drawn
        deterministically from `seed`. Raises ValueError for a width or depth below 1 or
        for malformed `hash_params`.
        """
        if width < 1 or depth < 1:
            raise ValueError(f"width and depth must be at least 1, got {width} x {depth}")
        if hash_params is None:
            rng = random.Random(seed)
            hash_params = [(rng.randrange(1, PRIME), rng.randrange(PRIME)) for _ in range(depth)]
        params = [(int(a), int(b)) for a, b in hash_params]
        if len(params) != depth:
            raise ValueError(f"need one (a, b) pair per row: {depth} rows, {len(params)} pairs")
        if not all(1 <= a < PRIME and 0 <= b < PRIME for a, b in params):
            raise ValueError("hash parameters must satisfy 1 <= a < PRIME and 0 <= b < PRIME")
        self.width = width
        self.depth = depth
        self.hash_params = params
        self.table = np.zeros((depth, width), dtype=np.int64)
        self.total = 0

    @classmethod
    def from_error(cls, epsilon: float, delta: float, seed: int = 0) -> "CountMinSketch":
        """A sketch whose estimates exceed the true count by more than epsilon * total with
        probability at most delta: width = ceil(e / epsilon), depth = ceil(ln(1 / delta)).

        Raises ValueError unless 0 < epsilon and 0 < delta < 1.
        """
        if not epsilon > 0 or not 0 < delta < 1:
            raise ValueError(f"need epsilon > 0 and 0 < delta < 1, got {epsilon}, {delta}")
        width = math.ceil(math.e / epsilon)
        depth = math.ceil(math.log(1 / delta))
        return cls(width, depth, seed=seed)

    def buckets(self, item: str) -> list[int]:
        """The column of `item` in each row: ((a_j * item_key(item) + b_j) mod PRIME) mod width."""
        key = item_key(item)
        return [((a * key + b) % PRIME) % self.width for a, b in self.hash_params]

    def update(self, item: str, count: int = 1) -> None:
        """Record `count` more occurrences of `item` (count >= 0, else ValueError)."""
        if count < 0:
            raise ValueError(f"count must be non-negative, got {count}")
        for row, column in enumerate(self.buckets(item)):
            self.table[row, column] += count
        self.total += count

    def query(self, item: str) -> int:
        """Estimated count of `item`: never below the true count."""
        return int(min(self.table[row, column] for row, column in enumerate(self.buckets(item))))

    def merge(self, other: "CountMinSketch") -> None:
        """Add `other`'s counts into this sketch, in place, as if it had seen both streams.

        Raises ValueError unless both sketches have the same width, depth and hash_params.
        """
        if (self.width, self.depth) != (other.width, other.depth) or list(self.hash_params) != list(other.hash_params):
            raise ValueError("can only merge sketches with the same width, depth and hash parameters")
        np.maximum(self.table, np.asarray(other.table, dtype=np.int64), out=self.table)
        self.total += other.total
