"""Penalises a group against every other group, later ones included: the token counts carry the latest choices of
all groups (this step's for earlier groups, the previous step's for later ones), so group 0 pays too."""

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
        live = [[((), 0.0)] for _ in range(self.G)]
        done = [[] for _ in range(self.G)]
        latest = [[] for _ in range(self.G)]
        for _ in range(self.L):
            for g in range(self.G):
                if not live[g]:
                    latest[g] = []
                    continue
                counts = Counter(v for h in range(self.G) if h != g for v in latest[h])
                candidates = []
                for tokens, score in live[g]:
                    for v, lp in enumerate(self.f(tokens)):
                        candidates.append((score + float(lp) - self.lam * counts[v], tokens + (v,), score + float(lp)))
                candidates.sort(key=lambda c: -c[0])
                kept = candidates[: self.width]
                done[g] += [(t, s) for _, t, s in kept if t[-1] == self.eos]
                live[g] = [(t, s) for _, t, s in kept if t[-1] != self.eos]
                latest[g] = [t[-1] for _, t, _ in kept]
        return [sorted(done[g] + live[g], key=lambda h: -h[1])[: self.width] for g in range(self.G)]
