"""Finished hypotheses stay in the beam and compete for its slots; once longer live ones push them
out they are lost, so the empty output that finished at step 1 is never returned."""

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
                if tokens and tokens[-1] == self.eos_id:
                    candidates.append((tokens, score))  # carried over unchanged
                    continue
                log_probs = self.next_log_probs(tokens)
                candidates += [(tokens + (v,), score + float(lp)) for v, lp in enumerate(log_probs)]
            beam = heapq.nlargest(self.beam_width, candidates, key=lambda h: h[1])
            if all(tokens[-1] == self.eos_id for tokens, _ in beam):
                break
        return max(beam, key=lambda h: h[1])
