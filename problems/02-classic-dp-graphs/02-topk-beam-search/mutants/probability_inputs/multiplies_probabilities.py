"""Scores hypotheses by the running product of probabilities and takes the log only at the end:
after a few hundred tokens the product underflows to 0.0, every hypothesis ties and log_prob is -inf."""

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

NextProbs = Callable[[tuple[int, ...]], np.ndarray]


@dataclass(frozen=True)
class Hypothesis:
    tokens: tuple[int, ...]
    log_prob: float
    score: float


class TopKBeamSearch:
    def __init__(self, next_probs: NextProbs, eos_id: int, beam_width: int, max_length: int, k: int,
                 alpha: float = 1.0) -> None:
        if beam_width < 1 or max_length < 1 or k < 1 or alpha < 0:
            raise ValueError("bad settings")
        self.next_probs, self.eos_id, self.beam_width = next_probs, eos_id, beam_width
        self.max_length, self.k, self.alpha = max_length, k, alpha

    def length_penalty(self, length: int) -> float:
        return float(length) ** self.alpha

    def search(self) -> list[Hypothesis]:
        live: list[tuple[tuple[int, ...], float]] = [((), 1.0)]
        finished: list[tuple[tuple[int, ...], float]] = []
        for _ in range(self.max_length):
            candidates = []
            for tokens, prob in live:
                step = np.asarray(self.next_probs(tokens), dtype=np.float64)
                candidates += [(prob * float(p), tokens + (t,)) for t, p in enumerate(step) if p > 0]
            candidates.sort(key=lambda c: (-c[0], c[1]))
            live = []
            for prob, tokens in candidates[: self.beam_width]:
                (finished if tokens[-1] == self.eos_id else live).append((tokens, prob))
            if not live:
                break
        finished.extend(live)
        results = []
        for tokens, prob in finished:
            log_prob = math.log(prob) if prob > 0 else -math.inf
            results.append(Hypothesis(tokens, log_prob, log_prob / self.length_penalty(len(tokens))))
        results.sort(key=lambda h: (-h.score, h.tokens))
        return results[: self.k]
