"""Plain Python; the stop test sits at the top of the loop, before the model is called again."""

import heapq
import math


class BeamSearch:
    def __init__(self, next_log_probs, eos_id: int, beam_width: int, max_length: int) -> None:
        if beam_width < 1 or max_length < 1:
            raise ValueError("beam_width and max_length must be positive")
        self.model, self.eos = next_log_probs, eos_id
        self.width, self.max_length = beam_width, max_length

    def decode(self) -> tuple[tuple[int, ...], float]:
        live = [((), 0.0)]
        best = ((), -math.inf)  # best finished hypothesis so far
        for _ in range(self.max_length):
            if not live or best[1] >= max(score for _, score in live):
                break
            candidates = [
                (tokens + (v,), score + float(lp)) for tokens, score in live for v, lp in enumerate(self.model(tokens))
            ]
            live = []
            for tokens, score in heapq.nlargest(self.width, candidates, key=lambda c: c[1]):
                if tokens[-1] == self.eos:
                    if score > best[1]:
                        best = (tokens, score)
                else:
                    live.append((tokens, score))
        return max([best, *live], key=lambda h: h[1])
