"""Prefilters each parent to its own top-B children (B*B candidates instead of B*V) and then takes
the global top-B of those: the same beam, since no parent can place more than B children in it."""

import numpy as np


class BeamSearch:
    def __init__(self, next_log_probs, eos_id: int, beam_width: int, max_length: int) -> None:
        if beam_width < 1:
            raise ValueError("beam_width < 1")
        if max_length < 1:
            raise ValueError("max_length < 1")
        self.next_log_probs, self.eos_id = next_log_probs, eos_id
        self.beam_width, self.max_length = beam_width, max_length

    def decode(self) -> tuple[tuple[int, ...], float]:
        beam = [((), 0.0)]
        finished = []
        for _ in range(self.max_length):
            pool = []
            for prefix, score in beam:
                row = np.asarray(self.next_log_probs(prefix), dtype=np.float64)
                k = min(self.beam_width, row.size)
                for token in np.argpartition(-row, k - 1)[:k]:
                    pool.append((prefix + (int(token),), score + float(row[token])))
            pool.sort(key=lambda h: h[1], reverse=True)
            beam = []
            for hypothesis in pool[: self.beam_width]:
                (finished if hypothesis[0][-1] == self.eos_id else beam).append(hypothesis)
            if not beam:
                break
        return max(finished + beam, key=lambda h: h[1])
