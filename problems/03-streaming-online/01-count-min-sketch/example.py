"""Hashing for sketches: salted hash(), stable digests, and a universal family.

Run: python example.py
"""

import hashlib
import os
import random
import subprocess
import sys
from collections import Counter

PRIME = (1 << 61) - 1


def builtin_hash_in_fresh_process(text: str, hash_seed: str) -> int:
    """hash(text) as computed by a new interpreter started with PYTHONHASHSEED=hash_seed."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    out = subprocess.run([sys.executable, "-c", f"print(hash({text!r}))"], capture_output=True, text=True, env=env)
    return int(out.stdout)


def digest_key(text: str) -> int:
    """A stable 64-bit integer from a string (SHA-256 here; the exercise specifies its own digest)."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


# 1. The built-in hash() of a string changes between interpreters; a digest does not.
print("hash('weather') in three fresh interpreters:")
for seed in ("1", "2", "3"):
    print(f"  PYTHONHASHSEED={seed}: {builtin_hash_in_fresh_process('weather', seed)}")
print(f"sha256-based key, any process: {digest_key('weather')}")

# 2. Collision rate of two hash families on keys that are multiples of the width.
#    A universal family keeps every pair's collision probability near 1/width.
width = 64
keys = [width * k for k in range(1, 2001)]  # structured keys, like sequential IDs
rng = random.Random(0)
a, b = rng.randrange(1, PRIME), rng.randrange(PRIME)
good = Counter(((a * x + b) % PRIME) % width for x in keys)
bad = Counter((a * x + b) % width for x in keys)
print(f"\n2,000 keys into {width} columns (ideal: about {2000 / width:.0f} per column)")
print(f"  ((a*x + b) mod p) mod w: fullest column {max(good.values())}, columns used {len(good)}")
print(f"  (a*x + b) mod w:         fullest column {max(bad.values())}, columns used {len(bad)}")

# 3. One row of hashed counters overestimates: a counter also holds every item that collides
#    with it. Over random draws of (a, b), the excess has mean at most N/w, and Markov's
#    inequality caps the chance that it reaches e*N/w at 1/e.
stream_rng = random.Random(1)
stream = [f"q{int(stream_rng.paretovariate(0.7))}" for _ in range(20_000)]
truth = Counter(stream)
keys_of = {item: digest_key(item) for item in truth}
target = "q40"
excesses = []
for _ in range(500):
    a, b = rng.randrange(1, PRIME), rng.randrange(PRIME)
    home = ((a * keys_of[target] + b) % PRIME) % width
    counter = sum(n for item, n in truth.items() if ((a * keys_of[item] + b) % PRIME) % width == home)
    excesses.append(counter - truth[target])
n_total = len(stream)
print(f"\none row of {width} counters, {n_total:,} queries ({len(truth):,} distinct); {target!r} seen {truth[target]} times")
print(f"  its counter's excess over 500 random (a, b): mean {sum(excesses) / 500:.0f}"
      f" (bound (N - a)/w = {(n_total - truth[target]) / width:.0f}), largest {max(excesses):,}")
share = sum(e >= 2.718281828 * n_total / width for e in excesses) / 500
print(f"  draws with excess >= e*N/w = {2.718281828 * n_total / width:.0f}: {share:.1%} (Markov: at most 36.8%)")
