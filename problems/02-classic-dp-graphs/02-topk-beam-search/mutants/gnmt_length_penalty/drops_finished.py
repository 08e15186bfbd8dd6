"""Keeps finished hypotheses inside the beam, where they compete with live ones for the beam_width slots;
a finished hypothesis pushed out by better live prefixes is lost, and only what is in the final beam is returned."""

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
        beam: list[tuple[float, tuple[int, ...]]] = [(0.0, ())]
        for _ in range(self.max_length):
            candidates = []
            for log_prob, tokens in beam:
                if tokens and tokens[-1] == self.eos_id:
                    candidates.append((log_prob, tokens))  # finished: carried along unchanged
                    continue
                step = np.asarray(self.next_log_probs(tokens), dtype=np.float64)
                candidates += [(log_prob + float(v), tokens + (t,)) for t, v in enumerate(step)]
            candidates.sort(key=lambda c: (-c[0], c[1]))
            beam = candidates[: self.beam_width]
            if all(tokens[-1] == self.eos_id for _, tokens in beam):
                break
        ranked = [Hypothesis(t, lp, lp / self.length_penalty(len(t))) for lp, t in beam]
        ranked.sort(key=lambda h: (-h.score, h.tokens))
        return ranked[: self.k]
