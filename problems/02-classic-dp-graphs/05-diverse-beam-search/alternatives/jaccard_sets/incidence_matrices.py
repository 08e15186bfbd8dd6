"""Token-presence matrices: row c of P marks the tokens of candidate c, row k of K those of kept extension k.
P @ K.T counts the shared tokens of every pair at once; the union is |P_c| + |K_k| minus that."""

import numpy as np


def jaccard_similarity(a, b):
    union = set(a) | set(b)
    return 1.0 if not union else len(set(a) & set(b)) / len(union)


class DiverseBeamSearch:
    def __init__(self, next_log_probs, eos_id, beam_width, num_groups, diversity_strength, max_length):
        if min(beam_width, num_groups, max_length) < 1 or beam_width % num_groups or diversity_strength < 0:
            raise ValueError("invalid diverse beam search settings")
        self.model, self.eos = next_log_probs, eos_id
        self.b, self.groups, self.lam, self.steps = beam_width // num_groups, num_groups, diversity_strength, max_length

    def search(self):
        beams = [[((), 0.0)] for _ in range(self.groups)]
        finished = [[] for _ in range(self.groups)]
        for _ in range(self.steps):
            kept_rows = []  # presence rows of the extensions kept at this step
            for g in range(self.groups):
                if not beams[g]:
                    continue
                rows = np.array([self.model(tokens) for tokens, _ in beams[g]], dtype=float)
                n, vocab = rows.shape
                totals = np.array([s for _, s in beams[g]])[:, None] + rows
                presence = np.zeros((n, vocab, vocab))  # candidate (parent i, token v) -> its token set
                for i, (tokens, _) in enumerate(beams[g]):
                    presence[i, :, list(set(tokens))] = 1.0
                presence[:, np.arange(vocab), np.arange(vocab)] = 1.0
                presence = presence.reshape(n * vocab, vocab)
                penalty = np.zeros(n * vocab)
                if kept_rows:
                    kept = np.array(kept_rows)
                    shared = presence @ kept.T
                    union = presence.sum(1)[:, None] + kept.sum(1)[None, :] - shared
                    penalty = (shared / union).sum(1)
                keys = totals.ravel() - self.lam * penalty
                order = np.argsort(-keys, kind="stable")[: self.b]
                survivors = []
                for flat in order:
                    i, v = divmod(int(flat), vocab)
                    hyp = (beams[g][i][0] + (v,), float(totals.ravel()[flat]))
                    (finished[g] if v == self.eos else survivors).append(hyp)
                    kept_rows.append(presence[flat])
                beams[g] = survivors
        out = []
        for g in range(self.groups):
            out += sorted(finished[g] + beams[g], key=lambda h: -h[1])[: self.b]
        return sorted(out, key=lambda h: -h[1])
