"""Keeps the beam_width best children of every parent (beam_width ** 2 candidates) and then the best
beam_width of those by parent order, instead of the global top beam_width over all candidates."""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

NextLogProbs = Callable[[tuple[int, ...]], np.ndarray]


@dataclass(frozen=True)
class Hypothesis:
    tokens: tuple[int, ...]
    log_prob: float
    score: float


class TopKBeamSearch:
    def __init__(self, next_log_probs: NextLogProbs, eos_id: int, beam_width: int, max_length: int, k: int,
                 alpha: float = 0.0) -> None:
        if beam_width < 1 or max_length < 1 or k < 1 or alpha < 0:
            raise ValueError("bad settings")
        self.next_log_probs, self.eos_id, self.beam_width = next_log_probs, eos_id, beam_width
        self.max_length, self.k, self.alpha = max_length, k, alpha

    def length_penalty(self, length: int) -> float:
        return ((5.0 + length) / 6.0) ** self.alpha

    def search(self) -> list[Hypothesis]:
        live: list[tuple[tuple[int, ...], float]] = [((), 0.0)]
        finished: list[tuple[tuple[int, ...], float]] = []
        for _ in range(self.max_length):
            kept = []
            for tokens, log_prob in live:
                step = np.asarray(self.next_log_probs(tokens), dtype=np.float64)
                best = np.argsort(-step, kind="stable")[: self.beam_width]
                kept += [(tokens + (int(t),), log_prob + float(step[t])) for t in best]
            kept = kept[: self.beam_width]  # the first parent's children crowd out the others
            live = []
            for tokens, log_prob in kept:
                (finished if tokens[-1] == self.eos_id else live).append((tokens, log_prob))
            if not live:
                break
        finished.extend(live)
        ranked = [Hypothesis(t, lp, lp / self.length_penalty(len(t))) for t, lp in finished]
        ranked.sort(key=lambda h: (-h.score, h.tokens))
        return ranked[: self.k]
