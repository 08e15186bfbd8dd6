"""How different are two generated lines? Jaccard similarity of token sets, the distinct-n
statistic, and a group-by-group pick of four lines from a fixed candidate list that trades
score for variety.

Everything here works on a finished list of candidates, as a reranker would. Diverse beam
search moves the same pressure inside the search, one step at a time; that part is the exercise.

Run: python example.py
"""

from collections import Counter
from itertools import combinations

# Eight opening lines for a poem with made-up log-probabilities, best first, as a plain beam
# search of width 8 might return them: most are small edits of the first one.
CANDIDATES = [
    ("the storm rose over the sea", -4.1),
    ("the storm rose over the bay", -4.3),
    ("the storm rose above the sea", -4.6),
    ("the storm rose over the sea again", -5.0),
    ("a storm rose over the sea", -5.2),
    ("rain fell on the quiet harbour", -6.9),
    ("the sea rose over the storm", -7.4),
    ("night came with thunder", -7.8),
]


def jaccard(a: str, b: str) -> float:
    """|A ∩ B| / |A ∪ B| for the sets of words of a and b."""
    set_a, set_b = set(a.split()), set(b.split())
    return len(set_a & set_b) / len(set_a | set_b)


def positional_matches(a: str, b: str) -> int:
    """How many positions hold the same word (the idea behind a Hamming comparison)."""
    return sum(x == y for x, y in zip(a.split(), b.split()))


def distinct_n(lines: list[str], n: int) -> float:
    """Distinct n-grams over all lines divided by the number of words."""
    grams, words = set(), 0
    for line in lines:
        tokens = line.split()
        words += len(tokens)
        grams.update(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return len(grams) / words


def mean_distance(lines: list[str]) -> float:
    pairs = list(combinations(lines, 2))
    return sum(1.0 - jaccard(a, b) for a, b in pairs) / len(pairs)


# 1. Similarity measures disagree about what "different" means.
first, mirrored = CANDIDATES[0][0], CANDIDATES[6][0]
print(f"{first!r} vs {mirrored!r}")
print(f"  Jaccard of word sets: {jaccard(first, mirrored):.2f}   (same words, so identical as sets)")
print(f"  same word at the same position: {positional_matches(first, mirrored)} of 6")
repeated = "the the the storm"
print(f"{repeated!r}: set {sorted(set(repeated.split()))}, multiset {dict(Counter(repeated.split()))}")
print()

# 2. The top of the list is nearly one line.
top4 = [line for line, _ in CANDIDATES[:4]]
print("top 4 by score:", top4)
print(f"  mean pairwise Jaccard distance {mean_distance(top4):.3f}, distinct-2 {distinct_n(top4, 2):.3f}")
print()

# 3. Four groups of one pick each, chosen in order: group g takes the line with the best
#    score - lam * (sum of its similarities to the lines groups 0..g-1 took). Group 0 pays nothing.
for lam in (0.0, 1.5, 4.0):
    picked: list[tuple[str, float]] = []
    for _ in range(4):
        rest = [c for c in CANDIDATES if c not in picked]
        picked.append(max(rest, key=lambda c: c[1] - lam * sum(jaccard(c[0], p[0]) for p in picked)))
    lines = [line for line, _ in picked]
    quality = sum(score for _, score in picked) / len(picked)
    print(f"lam = {lam}: mean log-prob {quality:.2f}, mean distance {mean_distance(lines):.3f}, "
          f"distinct-2 {distinct_n(lines, 2):.3f}")
    for line in lines:
        print("   ", line)
