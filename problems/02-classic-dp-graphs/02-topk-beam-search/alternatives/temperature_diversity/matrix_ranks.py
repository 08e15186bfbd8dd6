"""Matrix variant: temper a (live x V) block at once, get sibling ranks from a double argsort."""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Hypothesis:
    tokens: tuple[int, ...]
    log_prob: float


def _log_softmax_rows(x: np.ndarray) -> np.ndarray:
    peak = x.max(axis=1, keepdims=True)
    return x - peak - np.log(np.exp(x - peak).sum(axis=1, keepdims=True))


class TopKBeamSearch:
    def __init__(self, next_log_probs: Callable[[tuple[int, ...]], np.ndarray], eos_id: int, beam_width: int,
                 max_length: int, k: int, temperature: float = 1.0, diversity_penalty: float = 0.0) -> None:
        if beam_width < 1 or max_length < 1 or k < 1:
            raise ValueError("sizes must be positive")
        if temperature <= 0 or diversity_penalty < 0:
            raise ValueError("need temperature > 0 and diversity_penalty >= 0")
        self.f, self.eos, self.B, self.L, self.k = next_log_probs, eos_id, beam_width, max_length, k
        self.T, self.gamma = float(temperature), float(diversity_penalty)

    def search(self) -> list[Hypothesis]:
        seqs, totals, done = [()], np.zeros(1), []
        for _ in range(self.L):
            logp = _log_softmax_rows(np.stack([np.asarray(self.f(s), dtype=float) for s in seqs]) / self.T)
            cand = totals[:, None] + logp
            ranks = np.argsort(np.argsort(-logp, axis=1, kind="stable"), axis=1, kind="stable")
            select = (cand - self.gamma * ranks).ravel()
            flat = cand.ravel()
            order = [i for i in np.argsort(-select, kind="stable") if np.isfinite(flat[i])][: self.B]
            nxt, nxt_tot = [], []
            for i in order:
                parent, tok = divmod(int(i), logp.shape[1])
                seq = seqs[parent] + (tok,)
                if tok == self.eos:
                    done.append(Hypothesis(seq, float(flat[i])))
                else:
                    nxt.append(seq)
                    nxt_tot.append(flat[i])
            seqs, totals = nxt, np.array(nxt_tot)
            if not seqs:
                break
        done += [Hypothesis(s, float(t)) for s, t in zip(seqs, totals)]
        done.sort(key=lambda h: (-h.log_prob, h.tokens))
        return done[: self.k]
