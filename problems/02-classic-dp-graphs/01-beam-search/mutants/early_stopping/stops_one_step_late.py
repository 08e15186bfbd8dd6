"""Runs the stop test before recording the step's newly finished hypotheses, so it compares
the live beam with a stale best finished score and always makes one step (and its model calls)
too many before stopping. The answer is right; the call count is not."""

import heapq
import math


class BeamSearch:
    def __init__(self, next_log_probs, eos_id, beam_width, max_length):
        if beam_width < 1 or max_length < 1:
            raise ValueError("beam_width and max_length must be at least 1")
        self.next_log_probs, self.eos_id = next_log_probs, eos_id
        self.beam_width, self.max_length = beam_width, max_length

    def decode(self):
        live, finished, best_finished = [((), 0.0)], [], -math.inf
        for _ in range(self.max_length):
            candidates = []
            for tokens, score in live:
                log_probs = self.next_log_probs(tokens)
                candidates += [(tokens + (v,), score + float(lp)) for v, lp in enumerate(log_probs)]
            kept = heapq.nlargest(self.beam_width, candidates, key=lambda h: h[1])
            live = [child for child in kept if child[0][-1] != self.eos_id]
            if not live or best_finished >= max(s for _, s in live):
                finished += [child for child in kept if child[0][-1] == self.eos_id]
                break
            for child in kept:
                if child[0][-1] == self.eos_id:
                    finished.append(child)
                    best_finished = max(best_finished, child[1])
        return max(finished + live, key=lambda h: h[1])
