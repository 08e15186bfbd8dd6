"""Reservoir sampling by the numbers: the invariant, an off-by-one, a chi-square test, underflow.

Run: python example.py
"""

import math
import random
from collections import Counter
from fractions import Fraction


def inclusion_table(k: int, steps: int, enter_probability) -> list[list[Fraction]]:
    """Exact P(item j is in the reservoir) after each step, for a rule that lets item i (1-based)
    enter with enter_probability(i) and evict a uniformly chosen one of the k slots."""
    probabilities: list[Fraction] = []
    table = []
    for i in range(1, steps + 1):
        if i <= k:
            probabilities.append(Fraction(1))  # the reservoir is not full yet: everything is kept
        else:
            p_enter = enter_probability(i)
            # An item already inside survives unless the newcomer enters AND picks its slot.
            probabilities = [p * (1 - p_enter / k) for p in probabilities]
            probabilities.append(p_enter)
        table.append(list(probabilities))
    return table


def show(title: str, table: list[list[Fraction]]) -> None:
    print(title)
    print("   items seen | P(item j is in the reservoir), j = 1, 2, ...")
    for i, row in enumerate(table, start=1):
        print(f"   {i:10d} | " + " ".join(f"{str(p):>5}" for p in row))


K, STEPS = 3, 8
show(f"1. Enter with probability k/i (k = {K}): every item seen is kept with probability k/i",
     inclusion_table(K, STEPS, lambda i: Fraction(K, i)))
show("\n2. Off by one, enter with probability k/(i + 1): the first k items are favoured",
     inclusion_table(K, STEPS, lambda i: Fraction(K, i + 1)))

# 3. How a test can tell: Pearson's chi-square on inclusion counts. Here the sampler is
#    random.sample over a known list (uniform by construction); 20,000 runs of n = 10, k = 3.
n, k, runs = 10, 3, 20_000
rng = random.Random(7)
counts = Counter(position for _ in range(runs) for position in rng.sample(range(n), k))
expected = runs * k / n
pearson = sum((counts[j] - expected) ** 2 / expected for j in range(n))
print(f"\n3. Inclusion counts of a known-uniform sampler (expected {expected:.0f} each):")
print("  ", [counts[j] for j in range(n)])
print(f"   Pearson X = {pearson:.2f}; scaled by (n - 1)/(n - k) = {pearson * (n - 1) / (n - k):.2f},"
      f" to compare with a chi-square on {n - 1} df:")
print(f"   its mean is {n - 1}, and it exceeds 60.7 with probability 1e-9")

# 4. Floating point: u ** (1 / w) for a small weight w underflows, log(u) / w does not.
u = 0.5
print(f"\n4. Keys of a weighted item for u = {u}:")
for w in (1e-2, 1e-3, 1e-4):
    print(f"   w = {w:<6g}  u ** (1 / w) = {u ** (1 / w):<10.3e}  log(u) / w = {math.log(u) / w:.1f}")
