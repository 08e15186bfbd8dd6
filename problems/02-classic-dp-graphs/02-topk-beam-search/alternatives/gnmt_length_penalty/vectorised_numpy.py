"""Vectorised variant: one (live x V) score matrix per step and a stable argsort over it."""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Hypothesis:
    tokens: tuple[int, ...]
    log_prob: float
    score: float


class TopKBeamSearch:
    def __init__(self, next_log_probs: Callable[[tuple[int, ...]], np.ndarray], eos_id: int, beam_width: int,
                 max_length: int, k: int, alpha: float = 0.0) -> None:
        if min(beam_width, max_length, k) < 1:
            raise ValueError("beam_width, max_length and k must be positive")
        if alpha < 0:
            raise ValueError("alpha must be >= 0")
        self.model, self.eos = next_log_probs, eos_id
        self.width, self.steps, self.k, self.alpha = beam_width, max_length, k, alpha

    def length_penalty(self, length: int) -> float:
        return float(np.power((5 + length) / 6, self.alpha))

    def search(self) -> list[Hypothesis]:
        prefixes: list[tuple[int, ...]] = [()]
        totals = np.zeros(1)
        done: list[tuple[tuple[int, ...], float]] = []
        for _ in range(self.steps):
            rows = np.stack([np.asarray(self.model(p), dtype=float) for p in prefixes])
            flat = (totals[:, None] + rows).ravel()
            order = np.argsort(-flat, kind="stable")
            order = order[np.isfinite(flat[order])][: self.width]
            parents, tokens = np.divmod(order, rows.shape[1])
            next_prefixes, next_totals = [], []
            for parent, token, value in zip(parents.tolist(), tokens.tolist(), flat[order].tolist()):
                seq = prefixes[parent] + (token,)
                if token == self.eos:
                    done.append((seq, value))
                else:
                    next_prefixes.append(seq)
                    next_totals.append(value)
            prefixes, totals = next_prefixes, np.array(next_totals)
            if not prefixes:
                break
        done += list(zip(prefixes, totals.tolist()))
        results = [Hypothesis(seq, lp, lp / self.length_penalty(len(seq))) for seq, lp in done]
        return sorted(results, key=lambda h: (-h.score, h.tokens))[: self.k]
