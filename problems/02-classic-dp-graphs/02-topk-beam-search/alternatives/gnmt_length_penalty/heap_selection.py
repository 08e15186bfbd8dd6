"""heapq-based variant: candidates as (negated score, tokens) pairs, so nsmallest applies the tie rule."""

import heapq
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Hypothesis:
    tokens: tuple[int, ...]
    log_prob: float
    score: float


class TopKBeamSearch:
    def __init__(self, next_log_probs: Callable[[tuple[int, ...]], Sequence[float]], eos_id: int, beam_width: int,
                 max_length: int, k: int, alpha: float = 0.0) -> None:
        if beam_width < 1 or max_length < 1 or k < 1 or alpha < 0:
            raise ValueError("invalid beam search settings")
        self._next = next_log_probs
        self._eos = eos_id
        self._width = beam_width
        self._max_length = max_length
        self._k = k
        self._alpha = alpha

    def length_penalty(self, length: int) -> float:
        return math.pow((5 + length) / (5 + 1), self._alpha)

    def search(self) -> list[Hypothesis]:
        beam: list[tuple[float, tuple[int, ...]]] = [(0.0, ())]
        results: list[Hypothesis] = []
        for _ in range(self._max_length):
            pool = []
            for neg, prefix in beam:
                for token, lp in enumerate(self._next(prefix)):
                    if lp != -math.inf:
                        pool.append((neg - float(lp), prefix + (token,)))
            beam = []
            for neg, seq in heapq.nsmallest(self._width, pool):
                if seq[-1] == self._eos:
                    results.append(Hypothesis(seq, -neg, -neg / self.length_penalty(len(seq))))
                else:
                    beam.append((neg, seq))
            if not beam:
                break
        results += [Hypothesis(seq, -neg, -neg / self.length_penalty(len(seq))) for neg, seq in beam]
        return heapq.nsmallest(self._k, results, key=lambda h: (-h.score, h.tokens))
