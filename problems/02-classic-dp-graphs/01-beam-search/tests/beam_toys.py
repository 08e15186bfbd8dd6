"""Toy next-token models and a brute-force oracle shared by the beam-search tests."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

EOS = 0
# The worked example of the statement: translating "Merci !" into English.
THANKS, THANK, YOU = 1, 2, 3


def as_hypothesis(result: tuple[Sequence[int], float]) -> tuple[tuple[int, ...], float]:
    """Normalise a returned (tokens, score) pair: a tuple of Python ints and a float."""
    tokens, score = result
    return tuple(int(t) for t in tokens), float(score)


def _key(prefix: Sequence[int]) -> tuple[int, ...]:
    return tuple(int(t) for t in prefix)


class _Recorder:
    """Records every prefix the model is called on; fails fast once `budget` calls are exceeded."""

    def __init__(self, budget: int) -> None:
        self.calls: list[tuple[int, ...]] = []
        self.budget = budget

    def _record(self, prefix: Sequence[int]) -> tuple[int, ...]:
        key = _key(prefix)
        self.calls.append(key)
        if len(self.calls) > self.budget:
            raise AssertionError(f"the model was called more than {self.budget} times: is the beam growing?")
        return key


class TableModel(_Recorder):
    """Next-token probabilities looked up by prefix, with a default row; records every call."""

    def __init__(self, table: dict[tuple[int, ...], Sequence[float]], default: Sequence[float], budget: int = 5_000) -> None:
        super().__init__(budget)
        self.rows = {prefix: np.log(np.asarray(row, dtype=np.float64)) for prefix, row in table.items()}
        self.default = np.log(np.asarray(default, dtype=np.float64))

    def __call__(self, prefix: Sequence[int]) -> np.ndarray:
        return self.rows.get(self._record(prefix), self.default).copy()


class FixedRowModel(_Recorder):
    """The same next-token distribution after every prefix (a model without memory)."""

    def __init__(self, log_probs: np.ndarray, budget: int = 5_000) -> None:
        super().__init__(budget)
        self.row = np.asarray(log_probs, dtype=np.float64)

    def __call__(self, prefix: Sequence[int]) -> np.ndarray:
        self._record(prefix)
        return self.row.copy()


class RandomModel(_Recorder):
    """A fixed pseudo-random distribution for every prefix, seeded by the prefix itself.

    `eos_shift` moves the end-of-sequence logit (negative: EOS is rare).
    """

    def __init__(self, vocab: int, seed: int, eos_shift: float = 0.0, spread: float = 1.5, budget: int = 5_000) -> None:
        super().__init__(budget)
        self.vocab, self.seed, self.eos_shift, self.spread = vocab, seed, eos_shift, spread

    def __call__(self, prefix: Sequence[int]) -> np.ndarray:
        key = self._record(prefix)
        rng = np.random.default_rng([self.seed, len(key), *key])
        logits = rng.normal(0.0, self.spread, self.vocab)
        logits[EOS] += self.eos_shift
        return logits - np.logaddexp.reduce(logits)


def thank_you_model() -> TableModel:
    """Greedy picks "thanks <eos>" (0.20); "thank you <eos>" is better (0.324)."""
    return TableModel(
        {
            (): [0.06, 0.50, 0.40, 0.04],
            (THANKS,): [0.40, 0.17, 0.13, 0.30],
            (THANK,): [0.03, 0.03, 0.04, 0.90],
            (THANK, YOU): [0.90, 0.04, 0.035, 0.025],
        },
        default=[0.70, 0.12, 0.10, 0.08],
    )


def all_hypotheses(model, vocab: int, max_length: int) -> list[tuple[tuple[int, ...], float]]:  # type: ignore[no-untyped-def]
    """Every complete hypothesis (ended by EOS, or max_length tokens without EOS), best first."""
    found: list[tuple[tuple[int, ...], float]] = []

    def walk(prefix: tuple[int, ...], score: float) -> None:
        log_probs = model(prefix)
        for token in range(vocab):
            tokens, total = prefix + (token,), score + float(log_probs[token])
            if token == EOS or len(tokens) == max_length:
                found.append((tokens, total))
            else:
                walk(tokens, total)

    walk((), 0.0)
    found.sort(key=lambda h: -h[1])
    return found


def assert_same_hypothesis(got: tuple[tuple[int, ...], float], expected: tuple[tuple[int, ...], float]) -> None:
    assert got[0] == expected[0], f"expected tokens {expected[0]} (score {expected[1]:.6f}), got {got[0]} (score {got[1]:.6f})"
    assert math.isclose(got[1], expected[1], rel_tol=1e-9, abs_tol=1e-9), f"score {got[1]!r} != {expected[1]!r}"
