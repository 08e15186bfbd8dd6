"""Beam-search mechanics on a toy captioning model: log-space scores, one global top-B step,
and a walkthrough of a fixed-length beam next to greedy and exhaustive search.

The toy has no end-of-sequence token and always writes exactly three words, so none of
the EOS bookkeeping of the exercise appears here.

Run: python example.py
"""

import itertools
import math

import numpy as np

WORDS = ["a", "dog", "cat", "runs", "sleeps"]


def next_log_probs(prefix: tuple[int, ...]) -> np.ndarray:
    """A made-up bigram captioner: the next word depends only on the previous one."""
    rows = {
        None: [0.55, 0.25, 0.20, 0.00, 0.00],  # first word
        0: [0.00, 0.45, 0.50, 0.03, 0.02],     # after "a"
        1: [0.02, 0.00, 0.02, 0.94, 0.02],     # after "dog"
        2: [0.05, 0.05, 0.00, 0.40, 0.50],     # after "cat"
        3: [0.40, 0.20, 0.20, 0.10, 0.10],     # after "runs"
        4: [0.40, 0.20, 0.20, 0.10, 0.10],     # after "sleeps"
    }
    with np.errstate(divide="ignore"):  # log(0) = -inf marks an impossible word
        return np.log(rows[prefix[-1] if prefix else None])


def show(tokens: tuple[int, ...]) -> str:
    return " ".join(WORDS[t] for t in tokens) or "(empty)"


# 1. Why log space: a product of 400 probabilities of 0.1 underflows, a sum of logs does not.
probabilities = np.full(400, 0.1)
print("product of 400 x 0.1 in float64:", np.prod(probabilities))
print("sum of their logs:              ", np.log(probabilities).sum())
print()

# 2. A walkthrough with beam width 2. The candidates of a step form a (beam, vocab) matrix:
#    parent score (a column) + next-token log-probabilities (one row per parent).
width, length = 2, 3
beam = [((), 0.0)]
for step in range(1, length + 1):
    rows = np.stack([next_log_probs(tokens) for tokens, _ in beam])
    scores = np.array([score for _, score in beam])[:, None] + rows
    flat = scores.ravel()
    top = np.argpartition(-flat, width - 1)[:width]  # indices of the `width` largest, any order
    top = top[np.argsort(-flat[top])]  # sorted only to print them in order
    print(f"step {step}: {scores.size} candidates; kept:")
    new_beam = []
    for index in top:
        parent, token = divmod(int(index), rows.shape[1])
        tokens = beam[parent][0] + (token,)
        new_beam.append((tokens, float(flat[index])))
        print(f"    parent {parent} + {WORDS[token]!r:9} -> {show(tokens):18} p = {math.exp(flat[index]):.4f}")
    beam = new_beam
print("(at step 2 both survivors extend 'a': the ranking is global, so 'dog' at 0.25 drops out)")
print()

# 3. Greedy (width 1) against exhaustive search over all 5**3 three-word captions.
tokens, score = (), 0.0
for _ in range(length):
    log_probs = next_log_probs(tokens)
    best = int(np.argmax(log_probs))
    tokens, score = tokens + (best,), score + float(log_probs[best])
print(f"greedy:     {show(tokens):18} p = {math.exp(score):.4f}")

def caption_score(caption: tuple[int, ...]) -> float:
    return sum(float(next_log_probs(caption[:i])[caption[i]]) for i in range(len(caption)))

best_caption = max(itertools.product(range(len(WORDS)), repeat=length), key=caption_score)
print(f"exhaustive: {show(best_caption):18} p = {math.exp(caption_score(best_caption)):.4f}")
print(f"beam (B=2): {show(beam[0][0]):18} p = {math.exp(beam[0][1]):.4f}")
