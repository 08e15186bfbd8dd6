"""Keeps only the beam_width best finished hypotheses (a bounded heap, as some production decoders
do), so an n-best list longer than the beam loses hypotheses the search did produce."""

import heapq


class BeamSearch:
    def __init__(self, next_log_probs, eos_id, beam_width, max_length):
        if beam_width < 1 or max_length < 1:
            raise ValueError("beam_width and max_length must be at least 1")
        self.next_log_probs, self.eos_id = next_log_probs, eos_id
        self.beam_width, self.max_length = beam_width, max_length

    def search(self, n):
        if n < 1:
            raise ValueError("n must be at least 1")
        live, finished = [((), 0.0)], []
        for _ in range(self.max_length):
            candidates = []
            for tokens, score in live:
                log_probs = self.next_log_probs(tokens)
                candidates += [(tokens + (v,), score + float(lp)) for v, lp in enumerate(log_probs)]
            live = []
            for child in heapq.nlargest(self.beam_width, candidates, key=lambda h: h[1]):
                (finished if child[0][-1] == self.eos_id else live).append(child)
            finished = heapq.nlargest(self.beam_width, finished, key=lambda h: h[1])
            if not live:
                break
        pool = sorted(finished + live, key=lambda h: h[1], reverse=True)
        return pool[: min(n, self.beam_width)]
