"""Drops every live hypothesis that already scores at or below the best finished one (it can never
overtake it); the search ends when none is left. Same answer, never more model calls."""

import numpy as np


class BeamSearch:
    def __init__(self, next_log_probs, eos_id, beam_width, max_length):
        if beam_width < 1 or max_length < 1:
            raise ValueError("invalid beam search settings")
        self.next_log_probs, self.eos_id = next_log_probs, eos_id
        self.beam_width, self.max_length = beam_width, max_length

    def decode(self):
        beam = [((), 0.0)]
        winner = None
        for _ in range(self.max_length):
            pool = []
            for prefix, score in beam:
                row = np.asarray(self.next_log_probs(prefix), dtype=float)
                pool.extend((prefix + (t,), score + float(row[t])) for t in range(row.size))
            pool.sort(key=lambda h: h[1], reverse=True)
            kept = pool[: self.beam_width]
            for hypothesis in kept:
                if hypothesis[0][-1] == self.eos_id and (winner is None or hypothesis[1] > winner[1]):
                    winner = hypothesis
            beam = [h for h in kept if h[0][-1] != self.eos_id and (winner is None or h[1] > winner[1])]
            if not beam:
                break
        return max(([winner] if winner else []) + beam, key=lambda h: h[1])
