"""Keeps only the n best finished hypotheses in a min-heap during the search (enough for an
n-best list), with plain Python lists for the beam."""

import heapq
import itertools


class BeamSearch:
    def __init__(self, next_log_probs, eos_id: int, beam_width: int, max_length: int) -> None:
        if beam_width < 1 or max_length < 1:
            raise ValueError("beam_width and max_length must be >= 1")
        self.next_log_probs = next_log_probs
        self.eos_id = eos_id
        self.beam_width = beam_width
        self.max_length = max_length

    def search(self, n: int) -> list[tuple[tuple[int, ...], float]]:
        if n < 1:
            raise ValueError("n must be >= 1")
        counter = itertools.count()  # breaks exact ties inside the heap without comparing tuples
        best_finished: list[tuple[float, int, tuple[int, ...]]] = []
        beam = [((), 0.0)]
        for _ in range(self.max_length):
            candidates = [
                (prefix + (token,), score + float(lp))
                for prefix, score in beam
                for token, lp in enumerate(self.next_log_probs(prefix))
            ]
            candidates.sort(key=lambda c: c[1], reverse=True)
            beam = []
            for tokens, score in candidates[: self.beam_width]:
                if tokens[-1] != self.eos_id:
                    beam.append((tokens, score))
                elif len(best_finished) < n:
                    heapq.heappush(best_finished, (score, next(counter), tokens))
                else:
                    heapq.heappushpop(best_finished, (score, next(counter), tokens))
            if not beam:
                break
        pool = [(tokens, score) for score, _, tokens in best_finished] + beam
        return sorted(pool, key=lambda h: h[1], reverse=True)[:n]
