"""The arithmetic behind top-k beam search scores: length normalisation, temperature, sibling penalty.

Run: python example.py
"""

import math

import numpy as np


def log_softmax(values: np.ndarray) -> np.ndarray:
    """Stable log-softmax: subtract the maximum before exponentiating."""
    shifted = values - values.max()
    return shifted - math.log(np.exp(shifted).sum())


# 1. Length normalisation: two finished candidates, a short one and a long one.
short_lp, short_len = math.log(0.50 * 0.40), 2  # "ok </s>"
long_lp, long_len = math.log(0.30 * 0.95 * 0.90 * 0.85 * 0.80), 5  # "sounds good to me </s>"
print("1. Length normalisation (the greater score wins)")
print(f"   {'alpha':>5} | {'GNMT short':>10} {'GNMT long':>10} | {'|Y|^a short':>11} {'|Y|^a long':>10}")
for alpha in (0.0, 0.6, 1.0, 2.0):
    gnmt = [lp / ((5 + n) / 6) ** alpha for lp, n in ((short_lp, short_len), (long_lp, long_len))]
    power = [lp / n**alpha for lp, n in ((short_lp, short_len), (long_lp, long_len))]
    print(f"   {alpha:5.1f} | {gnmt[0]:10.4f} {gnmt[1]:10.4f} | {power[0]:11.4f} {power[1]:10.4f}")
print("   -> the longer output overtakes once alpha is large enough; at equal alpha, |Y|^alpha\n"
      "      favours long outputs more strongly than GNMT's ((5 + |Y|) / 6)^alpha.\n")

# 2. Temperature on a two-step toy: first step, then a second step per branch.
first = np.log(np.array([0.7, 0.3]))  # branch x is likelier ...
second = {"x": np.log(np.array([0.5, 0.5])), "y": np.log(np.array([0.99, 0.01]))}  # ... y is more decisive
print("2. Temperature: best continuation of each branch, total log-prob")
for temperature in (0.25, 1.0, 4.0):
    renorm = {b: log_softmax(first / temperature)[i] + log_softmax(second[b] / temperature).max() for i, b in enumerate("xy")}
    scaled = {b: first[i] / temperature + (second[b] / temperature).max() for i, b in enumerate("xy")}
    best_r = max(renorm, key=renorm.get)
    best_s = max(scaled, key=scaled.get)
    print(f"   T={temperature:4.2f}  renormalised x={renorm['x']:7.3f} y={renorm['y']:7.3f} best={best_r}"
          f"   |  divided only x={scaled['x']:7.3f} y={scaled['y']:7.3f} best={best_s}")
print("   -> dividing without renormalising rescales both totals by 1/T: the winner never changes.\n")

# 3. The sibling-rank penalty on one step's candidates (parent total + token log-prob).
candidates = [("p", "u", -1.00), ("p", "v", -1.10), ("p", "w", -1.60), ("q", "u", -1.30), ("q", "v", -2.00)]
gamma = 0.4
print(f"3. Sibling-rank penalty, gamma={gamma}: rank counts only candidates with the same parent")
for parent in ("p", "q"):
    siblings = sorted((c for c in candidates if c[0] == parent), key=lambda c: -c[2])
    for rank, (_, token, total) in enumerate(siblings):
        print(f"   parent {parent} + {token}: total {total:5.2f}  rank {rank}  selection score {total - gamma * rank:5.2f}")
print("   -> compare which two candidates have the highest totals with the two highest selection scores.\n")

# 4. Why probabilities must become logs.
p = np.full(300, 0.05)
print("4. 300 tokens at probability 0.05")
print(f"   product of probabilities: {np.prod(p)}   sum of log-probabilities: {np.log(p).sum():.2f}")
with np.errstate(divide="ignore"):
    print(f"   np.log(0.0) = {np.log(0.0)}: a zero-probability token can never be part of an output")
