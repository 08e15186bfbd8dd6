"""Masks EOS until the required tokens appear but never checks the length budget: a narrow beam
fills with hypotheses that can no longer fit the missing tokens and all of them die."""

from collections.abc import Callable, Iterable, Sequence

import numpy as np

LogProbFn = Callable[[tuple[int, ...]], np.ndarray]
Hypothesis = tuple[tuple[int, ...], float]


class Constraint:
    """A hard rule on the generated tokens, checked one token at a time."""

    def allowed_mask(self, prefix: tuple[int, ...], vocab_size: int) -> np.ndarray:
        """Boolean array of length `vocab_size`: True where the token may follow `prefix`."""
        raise NotImplementedError


class RequiredTokens(Constraint):
    """Token ids that must each appear at least once before EOS, within `max_length` tokens.

    EOS is disallowed until every required token has appeared, and a token is disallowed
    when, after it, the tokens left before `max_length` could no longer hold the missing
    required tokens plus EOS.
    """

    def __init__(self, token_ids: Iterable[int], eos_id: int, max_length: int) -> None:
        """Raises ValueError if `eos_id` is among the required tokens."""
        self.required = frozenset(int(token) for token in token_ids)
        if eos_id in self.required:
            raise ValueError("EOS cannot be a required token")
        self.eos_id = eos_id
        self.max_length = max_length

    def is_satisfied(self, tokens: Iterable[int]) -> bool:
        """True if every required token occurs in `tokens`."""
        return self.required.issubset(int(token) for token in tokens)

    def allowed_mask(self, prefix: tuple[int, ...], vocab_size: int) -> np.ndarray:
        """EOS only once satisfied; other tokens only while the budget can still fit the rest."""
        missing = self.required.difference(prefix)
        mask = np.ones(vocab_size, dtype=bool)
        mask[self.eos_id] = not missing
        return mask


def constrained_beam_search(
    next_log_probs: LogProbFn,
    eos_id: int,
    beam_width: int,
    max_length: int,
    constraints: Sequence[Constraint] = (),
) -> Hypothesis | None:
    """Return the best finished hypothesis `(tokens, score)` found, or None if none finished.

    Every constraint is applied while the beam is selected: a disallowed token never
    becomes a candidate. Raises ValueError if `beam_width` or `max_length` is below 1.
    """
    if beam_width < 1 or max_length < 1:
        raise ValueError("beam_width and max_length must be at least 1")
    beam: list[Hypothesis] = [((), 0.0)]
    finished: list[Hypothesis] = []
    for step in range(max_length):
        candidates: list[Hypothesis] = []
        for prefix, score in beam:
            log_probs = np.asarray(next_log_probs(prefix), dtype=np.float64)
            allowed = log_probs > -np.inf
            for constraint in constraints:
                allowed &= np.asarray(constraint.allowed_mask(prefix, len(log_probs)), dtype=bool)
            if step == max_length - 1:  # the last position left: only EOS can finish in time
                only_eos = np.zeros_like(allowed)
                only_eos[eos_id] = allowed[eos_id]
                allowed = only_eos
            for token in np.flatnonzero(allowed):
                candidates.append((prefix + (int(token),), score + float(log_probs[token])))
        candidates.sort(key=lambda hypothesis: (-hypothesis[1], hypothesis[0]))
        beam = []
        for hypothesis in candidates[:beam_width]:
            (finished if hypothesis[0][-1] == eos_id else beam).append(hypothesis)
        if not beam:
            break
    if not finished:
        return None
    return min(finished, key=lambda hypothesis: (-hypothesis[1], hypothesis[0]))
