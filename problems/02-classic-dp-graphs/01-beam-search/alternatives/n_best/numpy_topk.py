"""Vectorised step: one (live, V) score matrix per step, a full argsort of the flattened scores."""

import numpy as np


class BeamSearch:
    def __init__(self, next_log_probs, eos_id, beam_width, max_length):
        if beam_width < 1:
            raise ValueError("beam_width")
        if max_length < 1:
            raise ValueError("max_length")
        self.f, self.eos, self.b, self.L = next_log_probs, eos_id, beam_width, max_length

    def search(self, n):
        if n < 1:
            raise ValueError("n")
        prefixes, scores, done = [()], np.array([0.0]), []
        for _ in range(self.L):
            table = scores[:, None] + np.array([self.f(p) for p in prefixes], dtype=float)
            order = np.argsort(table, axis=None)[::-1][: self.b]
            rows, cols = np.unravel_index(order, table.shape)
            prefixes_next, scores_next = [], []
            for r, c in zip(rows, cols):
                tokens = prefixes[r] + (int(c),)
                if int(c) == self.eos:
                    done.append((tokens, float(table[r, c])))
                else:
                    prefixes_next.append(tokens)
                    scores_next.append(float(table[r, c]))
            prefixes, scores = prefixes_next, np.array(scores_next)
            if not prefixes:
                break
        everything = done + list(zip(prefixes, scores.tolist()))
        everything.sort(key=lambda h: -h[1])
        return everything[:n]
