"""Why leading zeros count distinct items, and why one counter is not enough.

Run: python example.py
"""

import hashlib
import math
from collections import Counter

import numpy as np


def hash64(item: str) -> int:
    """Deterministic 64-bit hash (Python's hash() of a str changes from process to process)."""
    return int.from_bytes(hashlib.blake2b(item.encode("utf-8"), digest_size=8).digest(), "big")


def first_one(value: int, width: int) -> int:
    """Position, counting from 1, of the first 1-bit of `value` written with `width` bits."""
    return width - value.bit_length() + 1


# 1. Coin flips. A uniform hash is 64 fair coin flips; "first 1 at position k" has
#    probability 2**-k, so among n distinct ids the best run is about log2(n) long.
print("1) longest run of leading zeros (+1) among n distinct ids, 5 independent id sets")
for n in (10, 100, 1_000, 10_000, 100_000):
    runs = [max(first_one(hash64(f"set{s}-user-{i}"), 64) for i in range(n)) for s in range(5)]
    print(f"   n = {n:>7,}  log2(n) = {math.log2(n):5.1f}  max position: {runs}")
print("   right order of magnitude, but 2**max alone is off by factors of 2 or more.\n")

# Repeats never matter: the same id always gives the same bits.
print("   hash64('user-7') twice:", hash64("user-7") == hash64("user-7"), "\n")

# 2. Splitting one hash into a bucket number and a coin-flip sequence (here 4 + 60 bits).
print("2) top 4 bits pick a bucket; the other 60 bits are the coin flips")
for item in ["user-1", "user-2", "user-3"]:
    bits = format(hash64(item), "064b")
    rest = bits[4:]
    print(f"   {item}: {bits[:4]} | {rest[:24]}...  bucket {int(bits[:4], 2):2d}, first 1 at {rest.index('1') + 1}")

# 3. Many buckets: each sees about n / m ids. The per-bucket guesses 2**max are heavy-tailed.
n, p = 20_000, 6
m = 2**p
best = [0] * m
for i in range(n):
    h = hash64(f"user-{i}")
    j, w = h >> (64 - p), h & ((1 << (64 - p)) - 1)
    best[j] = max(best[j], first_one(w, 64 - p))
guesses = sorted(2**b for b in best)
print(f"\n3) n = {n:,} ids over m = {m} buckets: about n/m = {n / m:.0f} ids per bucket")
print(f"   per-bucket 2**max: min {guesses[0]}, median {guesses[m // 2]}, max {guesses[-1]}")
print(f"   arithmetic mean {np.mean(guesses):.0f}: a few lucky buckets drag it far above n/m")
print("   histogram of max positions:", dict(sorted(Counter(best).items())))

# 4. With few ids most buckets stay empty; the empty fraction follows balls-into-bins.
print("\n4) empty buckets out of m = 1024 (expected fraction exp(-n/m))")
for n in (10, 100, 1_000, 5_000):
    used = {hash64(f"user-{i}") >> 54 for i in range(n)}
    print(f"   n = {n:>5}: empty {1024 - len(used):4d} ({(1024 - len(used)) / 1024:.3f}), exp(-n/m) = {math.exp(-n / 1024):.3f}")

# 5. Two NumPy traps when the bits are processed in bulk.
w = np.array([2**54 - 1], dtype=np.uint64)
print("\n5) float64 keeps 53 significant bits:")
print(f"   int(w).bit_length() = {int(w[0]).bit_length()},  floor(log2(float(w))) + 1 = {int(np.floor(np.log2(w.astype(np.float64)))[0]) + 1}")
a = np.zeros(3, dtype=np.uint8)
a[[0, 0, 0]] = np.array([3, 7, 2], dtype=np.uint8)
b = np.zeros(3, dtype=np.uint8)
np.maximum.at(b, [0, 0, 0], np.array([3, 7, 2], dtype=np.uint8))
print(f"   a[[0, 0, 0]] = [3, 7, 2] leaves a[0] = {a[0]};  np.maximum.at gives {b[0]}")
