"""Treats EOS as an ordinary token: hypotheses keep growing after it, so outputs run on past the
end of the sentence and their scores keep dropping."""

import heapq


class BeamSearch:
    def __init__(self, next_log_probs, eos_id, beam_width, max_length):
        if beam_width < 1 or max_length < 1:
            raise ValueError("beam_width and max_length must be at least 1")
        self.next_log_probs, self.eos_id = next_log_probs, eos_id
        self.beam_width, self.max_length = beam_width, max_length

    def decode(self):
        beam = [((), 0.0)]
        for _ in range(self.max_length):
            candidates = []
            for tokens, score in beam:
                log_probs = self.next_log_probs(tokens)
                candidates += [(tokens + (v,), score + float(lp)) for v, lp in enumerate(log_probs)]
            beam = heapq.nlargest(self.beam_width, candidates, key=lambda h: h[1])
        return max(beam, key=lambda h: h[1])
