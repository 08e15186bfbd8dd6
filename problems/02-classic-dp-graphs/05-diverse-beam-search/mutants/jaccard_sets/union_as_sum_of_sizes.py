"""Divides the intersection by |A| + |B| instead of |A ∪ B|, counting shared tokens twice in the denominator:
identical sets score 0.5, not 1.0."""


def jaccard_similarity(a, b):
    set_a, set_b = set(a), set(b)
    if not set_a and not set_b:
        return 1.0
    return len(set_a & set_b) / (len(set_a) + len(set_b))


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
            kept_this_step = []
            for g in range(self.G):
                if not live[g]:
                    continue
                candidates = []
                for tokens, score in live[g]:
                    for v, lp in enumerate(self.f(tokens)):
                        y = tokens + (v,)
                        penalty = sum(jaccard_similarity(y, k) for k in kept_this_step)
                        candidates.append((score + float(lp) - self.lam * penalty, y, score + float(lp)))
                candidates.sort(key=lambda c: -c[0])
                kept = candidates[: self.width]
                done[g] += [(t, s) for _, t, s in kept if t[-1] == self.eos]
                live[g] = [(t, s) for _, t, s in kept if t[-1] != self.eos]
                kept_this_step += [t for _, t, _ in kept]
        results = [h for g in range(self.G) for h in sorted(done[g] + live[g], key=lambda h: -h[1])[: self.width]]
        return sorted(results, key=lambda h: -h[1])
