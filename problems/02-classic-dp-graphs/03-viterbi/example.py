"""What the Viterbi algorithm replaces, and why it works in log space.

Run: python example.py
"""

import itertools
import math

import numpy as np

TAGS = ["DET", "NOUN", "VERB"]
INITIAL = {"DET": 0.6, "NOUN": 0.3, "VERB": 0.1}
TRANSITION = {
    "DET": {"DET": 0.05, "NOUN": 0.9, "VERB": 0.05},
    "NOUN": {"DET": 0.1, "NOUN": 0.3, "VERB": 0.6},
    "VERB": {"DET": 0.5, "NOUN": 0.3, "VERB": 0.2},
}
EMISSION = {
    "DET": {"the": 0.7, "a": 0.3},
    "NOUN": {"cat": 0.5, "mat": 0.3, "sat": 0.2},
    "VERB": {"sat": 0.5, "ran": 0.4, "cat": 0.1},
}


def joint_probability(words: list[str], tags: tuple[str, ...]) -> float:
    """P(words, tags) by the chain rule of the HMM: one initial, T-1 transitions, T emissions."""
    p = INITIAL[tags[0]] * EMISSION[tags[0]].get(words[0], 0.0)
    for prev, tag, word in zip(tags, tags[1:], words[1:]):
        p *= TRANSITION[prev][tag] * EMISSION[tag].get(word, 0.0)
    return p


print("1. Brute force: score every tagging of 'a cat sat' (3 tags ** 3 words = 27)")
words = ["a", "cat", "sat"]
scored = sorted(((joint_probability(words, tags), tags) for tags in itertools.product(TAGS, repeat=3)), reverse=True)
for p, tags in scored:
    if p > 0:
        print(f"   {' '.join(tags):16s} P = {p:.6f}   log P = {math.log(p):8.4f}")
print(f"   the other {sum(p == 0 for p, _ in scored)} taggings have probability 0 (log P = -inf)")
print(f"   P(words) = sum over all taggings = {sum(p for p, _ in scored):.6f}  (what the forward algorithm computes)")

print("\n2. Why brute force is hopeless: S ** T taggings versus about T * S**2 steps (S = 17 tags)")
for length in (5, 10, 20, 40):
    print(f"   T = {length:2d}: {17 ** length:.2e} taggings vs {length * 17 ** 2:,} steps")

print("\n3. Underflow: 300 tokens with probability 0.05 each")
product = 1.0
for _ in range(300):
    product *= 0.05
print(f"   product of probabilities: {product}")
print(f"   sum of log-probabilities: {300 * math.log(0.05):.2f}")
print(f"   smallest positive float64: {np.nextafter(0.0, 1.0):.3g};  np.exp(-746.0) = {np.exp(-746.0)}")

print("\n4. max versus log-sum-exp over the same scores")
scores = np.array([-1000.0, -1001.0, -1003.0])
with np.errstate(divide="ignore"):
    naive = np.log(np.sum(np.exp(scores)))
peak = scores.max()
shifted = peak + np.log(np.sum(np.exp(scores - peak)))
print(f"   max:                         {peak:.4f}   (the best single term)")
print(f"   log(sum(exp(x))) unshifted:  {naive}   (every exp underflowed)")
print(f"   m + log(sum(exp(x - m))):    {shifted:.4f}   (the whole sum; always >= max)")
impossible = np.array([-np.inf, -np.inf])
with np.errstate(invalid="ignore"):
    print(f"   all terms -inf, shifted by their max: {impossible.max() + np.log(np.sum(np.exp(impossible - impossible.max())))}"
          "   (-inf - -inf is NaN: guard it)")

print("\n5. Broadcasting a column vector against a matrix: table[i, j] = a[i] + b[i, j]")
a = np.array([0.0, -1.0, -5.0])
b = np.array([[0.0, -2.0], [-3.0, 0.5], [1.0, 1.0]])  # b[i, j]: a score for each pair (i, j)
table = a[:, None] + b
print(f"   a shape {a.shape}, b shape {b.shape} -> table shape {table.shape}")
print("   table.max(axis=0) =", table.max(axis=0), " table.argmax(axis=0) =", table.argmax(axis=0))
print("   axis 0 runs over i, so reducing it leaves one number per j.")
