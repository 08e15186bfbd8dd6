"""Group-major search (each group run to the end before the next, with every group's kept tokens recorded per
step), merged and ranked; the curve's pairwise distances come from a token-presence matrix: P @ P.T counts
the shared tokens of every pair at once."""

import heapq
from collections import Counter

import numpy as np


class DiverseBeamSearch:
    def __init__(self, next_log_probs, eos_id, beam_width, num_groups, diversity_strength, max_length):
        if min(beam_width, num_groups, max_length) < 1:
            raise ValueError("sizes must be positive")
        if beam_width % num_groups != 0:
            raise ValueError("num_groups must divide beam_width")
        if diversity_strength < 0:
            raise ValueError("diversity_strength must be >= 0")
        self.model = next_log_probs
        self.eos = eos_id
        self.per_group = beam_width // num_groups
        self.groups = num_groups
        self.lam = diversity_strength
        self.max_length = max_length

    def search(self):
        chosen_at = [Counter() for _ in range(self.max_length)]  # tokens kept at each step by the groups run so far
        results = []
        for _ in range(self.groups):
            beam, finished, mine = [((), 0.0)], [], []
            for step in range(self.max_length):
                if not beam:
                    break
                penalty = chosen_at[step]
                pool = []
                for tokens, score in beam:
                    row = self.model(tokens)
                    for v in range(len(row)):
                        total = score + float(row[v])
                        pool.append((total - self.lam * penalty[v], total, tokens + (v,)))
                best = heapq.nlargest(self.per_group, pool, key=lambda c: c[0])
                mine.append(Counter(tokens[-1] for _, _, tokens in best))
                beam = []
                for _, total, tokens in best:
                    (finished if tokens[-1] == self.eos else beam).append((tokens, total))
            for step, counter in enumerate(mine):
                chosen_at[step].update(counter)
            everything = finished + beam
            everything.sort(key=lambda h: h[1], reverse=True)
            results.extend(everything[: self.per_group])
        results.sort(key=lambda h: h[1], reverse=True)
        return results


def quality_diversity_curve(next_log_probs, eos_id, beam_width, num_groups, max_length, strengths):
    points = []
    for lam in strengths:
        found = DiverseBeamSearch(next_log_probs, eos_id, beam_width, num_groups, lam, max_length).search()
        n = len(found)
        quality = float(np.mean([score for _, score in found]))
        if n < 2:
            points.append((quality, 0.0))
            continue
        vocab = 1 + max(t for tokens, _ in found for t in tokens)
        presence = np.zeros((n, vocab))
        for i, (tokens, _) in enumerate(found):
            presence[i, list(set(tokens))] = 1.0
        shared = presence @ presence.T
        sizes = presence.sum(1)
        distance = 1.0 - shared / (sizes[:, None] + sizes[None, :] - shared)
        upper = np.triu_indices(n, k=1)
        points.append((quality, float(distance[upper].mean())))
    return points
