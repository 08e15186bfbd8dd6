"""How hard constraints shrink a decoder's candidate set, and why they must act before selection.

Run: python example.py
"""

import itertools

import numpy as np

WORDS = ["<eos>", "you", "are", "dumb", "great", "so"]
EOS = 0
V = len(WORDS)
BANNED_PAIRS = {(2, 3), (5, 3)}  # "are dumb", "so dumb": a two-token blocklist


def next_log_probs(prefix: tuple[int, ...]) -> np.ndarray:
    """A toy bigram model that likes insults: it only looks at the last token."""
    table = {
        None: [0.02, 0.85, 0.05, 0.02, 0.02, 0.04],  # start of the reply
        1: [0.05, 0.02, 0.75, 0.02, 0.01, 0.15],  # after "you"
        2: [0.02, 0.01, 0.01, 0.60, 0.11, 0.25],  # after "are"
        3: [0.95, 0.01, 0.01, 0.01, 0.01, 0.01],  # after "dumb"
        4: [0.90, 0.02, 0.02, 0.02, 0.02, 0.02],  # after "great"
        5: [0.03, 0.01, 0.01, 0.80, 0.14, 0.01],  # after "so"
    }
    return np.log(table[prefix[-1] if prefix else None])


def text(tokens: tuple[int, ...]) -> str:
    return " ".join(WORDS[t] for t in tokens)


def breaks_blocklist(tokens: tuple[int, ...]) -> bool:
    return any(pair in BANNED_PAIRS for pair in itertools.pairwise(tokens))


def score(tokens: tuple[int, ...]) -> float:
    """Sum of the token log-probabilities."""
    return float(sum(next_log_probs(tokens[:i])[t] for i, t in enumerate(tokens)))


# 1. One expansion step: every (hypothesis, token) pair is a candidate until a mask removes it.
beam = [(1, 2), (1, 5)]  # "you are", "you so"
candidates = [prefix + (token,) for prefix in beam for token in range(V)]
allowed = [c for c in candidates if not breaks_blocklist(c)]
print(f"step from {[text(p) for p in beam]}: {len(candidates)} candidates, {len(allowed)} after masking the blocklist")
for name, pool in (("unmasked", candidates), ("masked", allowed)):
    top = sorted(pool, key=score, reverse=True)[:3]
    print(f"  {name} top 3:", ", ".join(f"'{text(c)}' {score(c):.2f}{' (banned)' if breaks_blocklist(c) else ''}" for c in top))

# 2. The search space: a banned prefix removes its whole subtree, so pruning early is cheap and exact.
print("\nprefixes of each length (no EOS yet), all vs. those free of banned pairs:")
for length in range(1, 5):
    prefixes = list(itertools.product(range(1, V), repeat=length))
    clean = [p for p in prefixes if not breaks_blocklist(p)]
    print(f"  length {length}: {len(prefixes):4d} -> {len(clean):4d}")

# 3. Masking with -inf: a banned token gets probability exp(-inf) = 0 ...
scores = next_log_probs((1, 2)).copy()
scores[3] = -np.inf
print("\nafter 'you are', masked probabilities:", np.round(np.exp(scores), 2))
# ... but a top-k over a row with fewer finite entries than k still returns -inf entries.
row = np.full(V, -np.inf)
row[[0, 4]] = scores[[0, 4]]
top3 = np.argsort(-row)[:3]
print("top-3 token ids of a row with only 2 allowed tokens:", top3.tolist(), "scores:", row[top3].round(2).tolist())

# 4. Required tokens and a length budget: how many prefixes can still fit a missing token and EOS?
max_length, required = 4, 4  # the reply must contain "great" within 4 tokens, EOS included
print("\nthe reply must contain 'great' within", max_length, "tokens (EOS included):")
for length in range(1, max_length):
    prefixes = list(itertools.product(range(1, V), repeat=length))
    missing = [p for p in prefixes if required not in p]
    left = max_length - length
    note = "  <- only EOS fits now: dead ends" if left < 2 else ""
    print(f"  length {length}, positions left {left}: {len(missing):3d} of {len(prefixes):3d} prefixes still miss 'great'{note}")
