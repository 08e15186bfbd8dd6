"""Multiplies probabilities instead of adding log-probabilities: after a few hundred tokens every
product underflows to 0.0, all candidates tie, and the search picks arbitrary tokens."""

import heapq
import math

import numpy as np


class BeamSearch:
    def __init__(self, next_log_probs, eos_id, beam_width, max_length):
        if beam_width < 1 or max_length < 1:
            raise ValueError("beam_width and max_length must be at least 1")
        self.next_log_probs, self.eos_id = next_log_probs, eos_id
        self.beam_width, self.max_length = beam_width, max_length

    def decode(self):
        live, finished = [((), 1.0)], []
        for _ in range(self.max_length):
            candidates = []
            for tokens, prob in live:
                probs = np.exp(np.asarray(self.next_log_probs(tokens), dtype=np.float64))
                candidates += [(tokens + (v,), prob * float(p)) for v, p in enumerate(probs)]
            live = []
            for child in heapq.nlargest(self.beam_width, candidates, key=lambda h: h[1]):
                (finished if child[0][-1] == self.eos_id else live).append(child)
            if not live:
                break
        tokens, prob = max(finished + live, key=lambda h: h[1])
        return tokens, (math.log(prob) if prob > 0 else float("-inf"))
