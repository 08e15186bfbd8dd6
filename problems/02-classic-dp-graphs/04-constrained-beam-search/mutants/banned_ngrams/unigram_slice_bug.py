"""Takes the context with prefix[-length:]; for a 1-gram length is 0 and prefix[-0:] is the whole
prefix, so a banned single token is only banned at the very first step."""

from collections.abc import Callable, Iterable, Sequence

import numpy as np

LogProbFn = Callable[[tuple[int, ...]], np.ndarray]
Hypothesis = tuple[tuple[int, ...], float]


class Constraint:
    """A hard rule on the generated tokens, checked one token at a time."""

    def allowed_mask(self, prefix: tuple[int, ...], vocab_size: int) -> np.ndarray:
        """Boolean array of length `vocab_size`: True where the token may follow `prefix`."""
        raise NotImplementedError


class BannedTokens(Constraint):
    """Token ids that may never be generated."""

    def __init__(self, token_ids: Iterable[int]) -> None:
        self.token_ids = sorted({int(token) for token in token_ids})

    def allowed_mask(self, prefix: tuple[int, ...], vocab_size: int) -> np.ndarray:
        """False exactly at the banned ids, whatever the prefix."""
        mask = np.ones(vocab_size, dtype=bool)
        mask[self.token_ids] = False
        return mask


class BannedNGrams(Constraint):
    """Token sequences that may never appear contiguously in the output.

    An n-gram (g1, ..., gn) bans token gn right after a prefix ending in (g1, ..., g(n-1));
    a 1-gram bans its token everywhere. The cost of one `allowed_mask` call must not grow
    with the number of banned n-grams.
    """

    def __init__(self, ngrams: Iterable[Sequence[int]]) -> None:
        """Raises ValueError for an empty n-gram."""
        self._banned_after: dict[tuple[int, ...], set[int]] = {}
        for ngram in ngrams:
            tokens = tuple(int(token) for token in ngram)
            if not tokens:
                raise ValueError("a banned n-gram needs at least one token")
            self._banned_after.setdefault(tokens[:-1], set()).add(tokens[-1])
        self._context_lengths = sorted({len(context) for context in self._banned_after})

    def allowed_mask(self, prefix: tuple[int, ...], vocab_size: int) -> np.ndarray:
        """False at every token that would complete a banned n-gram after `prefix`."""
        mask = np.ones(vocab_size, dtype=bool)
        for length in self._context_lengths:
            if length > len(prefix):
                break
            banned = self._banned_after.get(tuple(prefix[-length:]))
            if banned:
                mask[list(banned)] = False
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
