"""Runs each group to the end before starting the next one. Group g at step t depends only on its own step t - 1
and on what groups 0..g-1 kept at step t, so recording every group's kept tokens per step and finishing the groups
one after another gives exactly the step-by-step result. Selection with heapq.nlargest."""

import heapq
from collections import Counter


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
            results.append(everything[: self.per_group])
        return results
