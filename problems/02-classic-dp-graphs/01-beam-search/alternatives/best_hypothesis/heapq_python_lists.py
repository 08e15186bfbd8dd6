"""Plain Python: candidates as (score, tokens) tuples, heapq.nlargest for the global top-B."""

import heapq


class BeamSearch:
    def __init__(self, next_log_probs, eos_id: int, beam_width: int, max_length: int) -> None:
        if beam_width < 1 or max_length < 1:
            raise ValueError("beam_width and max_length must be positive")
        self.model = next_log_probs
        self.eos = eos_id
        self.width = beam_width
        self.max_length = max_length

    def decode(self) -> tuple[tuple[int, ...], float]:
        beam: list[tuple[float, tuple[int, ...]]] = [(0.0, ())]
        done: list[tuple[float, tuple[int, ...]]] = []
        for _ in range(self.max_length):
            candidates = []
            for score, prefix in beam:
                for token, log_prob in enumerate(self.model(prefix)):
                    candidates.append((score + float(log_prob), prefix + (token,)))
            beam = []
            for score, tokens in heapq.nlargest(self.width, candidates, key=lambda c: c[0]):
                if tokens[-1] == self.eos:
                    done.append((score, tokens))
                else:
                    beam.append((score, tokens))
            if not beam:
                break
        score, tokens = max(done + beam, key=lambda c: c[0])
        return tokens, score
