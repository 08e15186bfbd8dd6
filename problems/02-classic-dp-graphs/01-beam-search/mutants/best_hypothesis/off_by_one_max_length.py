"""Stops one step early (range(1, max_length)): hypotheses are at most max_length - 1 tokens long,
so a best output of exactly max_length tokens is never reached."""

import heapq


class BeamSearch:
    def __init__(self, next_log_probs, eos_id, beam_width, max_length):
        if beam_width < 1 or max_length < 1:
            raise ValueError("beam_width and max_length must be at least 1")
        self.next_log_probs, self.eos_id = next_log_probs, eos_id
        self.beam_width, self.max_length = beam_width, max_length

    def decode(self):
        live, finished = [((), 0.0)], []
        for _ in range(1, max(self.max_length, 2)):
            candidates = []
            for tokens, score in live:
                log_probs = self.next_log_probs(tokens)
                candidates += [(tokens + (v,), score + float(lp)) for v, lp in enumerate(log_probs)]
            live = []
            for child in heapq.nlargest(self.beam_width, candidates, key=lambda h: h[1]):
                (finished if child[0][-1] == self.eos_id else live).append(child)
            if not live:
                break
        return max(finished + live, key=lambda h: h[1])
