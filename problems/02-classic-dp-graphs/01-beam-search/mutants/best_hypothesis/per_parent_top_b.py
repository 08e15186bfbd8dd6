"""Keeps the top beam_width children of every parent instead of the top beam_width overall, so the
beam grows to B, B^2, B^3, ... hypotheses: a wider search than the one specified, and B times more
model calls at every step."""

import heapq


class BeamSearch:
    def __init__(self, next_log_probs, eos_id, beam_width, max_length):
        if beam_width < 1 or max_length < 1:
            raise ValueError("beam_width and max_length must be at least 1")
        self.next_log_probs, self.eos_id = next_log_probs, eos_id
        self.beam_width, self.max_length = beam_width, max_length

    def decode(self):
        live, finished = [((), 0.0)], []
        for _ in range(self.max_length):
            next_live = []
            for tokens, score in live:
                log_probs = self.next_log_probs(tokens)
                children = [(tokens + (v,), score + float(lp)) for v, lp in enumerate(log_probs)]
                for child in heapq.nlargest(self.beam_width, children, key=lambda h: h[1]):
                    (finished if child[0][-1] == self.eos_id else next_live).append(child)
            live = next_live
            if not live:
                break
        return max(finished + live, key=lambda h: h[1])
