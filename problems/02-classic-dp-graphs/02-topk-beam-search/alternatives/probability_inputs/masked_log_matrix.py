"""Matrix variant: log of the whole (live x V) probability block under errstate, -inf entries dropped."""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Hypothesis:
    tokens: tuple[int, ...]
    log_prob: float
    score: float


class TopKBeamSearch:
    def __init__(self, next_probs: Callable[[tuple[int, ...]], np.ndarray], eos_id: int, beam_width: int,
                 max_length: int, k: int, alpha: float = 1.0) -> None:
        if beam_width < 1 or max_length < 1 or k < 1:
            raise ValueError("beam_width, max_length and k must be at least 1")
        if alpha < 0:
            raise ValueError("alpha must be non-negative")
        self.next_probs, self.eos_id = next_probs, eos_id
        self.beam_width, self.max_length, self.k, self.alpha = beam_width, max_length, k, alpha

    def length_penalty(self, length: int) -> float:
        return length ** self.alpha

    def search(self) -> list[Hypothesis]:
        prefixes, totals, pool = [()], np.zeros(1), []
        for _ in range(self.max_length):
            with np.errstate(divide="ignore"):
                block = np.log(np.stack([np.asarray(self.next_probs(p), dtype=float) for p in prefixes]))
            flat = (totals[:, None] + block).ravel()
            order = np.argsort(-flat, kind="stable")
            order = order[flat[order] > -np.inf][: self.beam_width]
            vocab = block.shape[1]
            new_prefixes, new_totals = [], []
            for index in order.tolist():
                parent, token = divmod(index, vocab)
                seq = prefixes[parent] + (token,)
                if token == self.eos_id:
                    pool.append((seq, float(flat[index])))
                else:
                    new_prefixes.append(seq)
                    new_totals.append(flat[index])
            prefixes, totals = new_prefixes, np.asarray(new_totals)
            if not prefixes:
                break
        pool.extend(zip(prefixes, totals.tolist()))
        hyps = [Hypothesis(s, lp, lp / self.length_penalty(len(s))) for s, lp in pool]
        hyps.sort(key=lambda h: (-h.score, h.tokens))
        return hyps[: self.k]
