"""Decides each token by asking 'after this token, can the missing tokens and EOS still fit?';
the search keeps a heap-selected beam and stops early once nothing alive can win."""

import heapq

import numpy as np


class Constraint:
    def allowed_mask(self, prefix, vocab_size):
        raise NotImplementedError


class RequiredTokens(Constraint):
    def __init__(self, token_ids, eos_id, max_length):
        self.needed = set(token_ids)
        if eos_id in self.needed:
            raise ValueError("EOS cannot be required")
        self.eos = eos_id
        self.limit = max_length

    def is_satisfied(self, tokens):
        return all(token in tokens for token in self.needed) if not isinstance(tokens, (set, frozenset)) else self.needed <= tokens

    def _feasible_after(self, prefix, token):
        grown = list(prefix) + [token]
        if token == self.eos:
            return self.is_satisfied(list(prefix)) and len(grown) <= self.limit
        still_missing = len(self.needed - set(grown))
        return len(grown) + still_missing + 1 <= self.limit

    def allowed_mask(self, prefix, vocab_size):
        return np.array([self._feasible_after(prefix, token) for token in range(vocab_size)])


def constrained_beam_search(next_log_probs, eos_id, beam_width, max_length, constraints=()):
    if beam_width < 1 or max_length < 1:
        raise ValueError("need beam_width >= 1 and max_length >= 1")
    beam = [(0.0, ())]
    best = None
    for position in range(max_length):
        expansions = []
        for total, prefix in beam:
            scores = np.asarray(next_log_probs(prefix), dtype=float).copy()
            for constraint in constraints:
                scores[~np.asarray(constraint.allowed_mask(prefix, scores.size), dtype=bool)] = -np.inf
            if position == max_length - 1:
                scores[np.arange(scores.size) != eos_id] = -np.inf
            for token in np.flatnonzero(np.isfinite(scores)):
                expansions.append((total + scores[token], prefix + (int(token),)))
        top = heapq.nsmallest(beam_width, expansions, key=lambda e: (-e[0], e[1]))
        beam = []
        for total, tokens in top:
            if tokens[-1] == eos_id:
                if best is None or (-total, tokens) < (-best[1], best[0]):
                    best = (tokens, float(total))
            else:
                beam.append((total, tokens))
        if not beam or (best is not None and best[1] > beam[0][0]):
            break
    return best
