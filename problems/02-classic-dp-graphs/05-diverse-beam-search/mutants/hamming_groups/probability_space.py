"""Scores kept as products of probabilities (the penalty as a factor exp(-lambda * count)): after a few hundred
tokens every product underflows to 0.0, all candidates tie, and the search picks arbitrary tokens."""

import math
from collections import Counter


class DiverseBeamSearch:
    def __init__(self, next_log_probs, eos_id, beam_width, num_groups, diversity_strength, max_length):
        if beam_width < 1 or num_groups < 1 or max_length < 1:
            raise ValueError("beam_width, num_groups and max_length must be at least 1")
        if beam_width % num_groups or diversity_strength < 0:
            raise ValueError("num_groups must divide beam_width and the strength must be >= 0")
        self.f, self.eos, self.width = next_log_probs, eos_id, beam_width // num_groups
        self.G, self.lam, self.L = num_groups, diversity_strength, max_length

    def search(self):
        live = [[((), 1.0)] for _ in range(self.G)]
        done = [[] for _ in range(self.G)]
        for _ in range(self.L):
            counts = Counter()
            for g in range(self.G):
                if not live[g]:
                    continue
                candidates = []
                for tokens, prob in live[g]:
                    for v, lp in enumerate(self.f(tokens)):
                        p = prob * math.exp(float(lp))
                        candidates.append((p * math.exp(-self.lam * counts[v]), tokens + (v,), p))
                candidates.sort(key=lambda c: -c[0])
                kept = candidates[: self.width]
                done[g] += [(t, p) for _, t, p in kept if t[-1] == self.eos]
                live[g] = [(t, p) for _, t, p in kept if t[-1] != self.eos]
                counts.update(t[-1] for _, t, _ in kept)
        log = lambda p: math.log(p) if p > 0 else -math.inf
        return [sorted(((t, log(p)) for t, p in done[g] + live[g]), key=lambda h: -h[1])[: self.width] for g in range(self.G)]
