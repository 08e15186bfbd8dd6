"""Toy next-token models and brute-force oracles shared by the tests (not a test module)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator

import numpy as np

EOS = 0


class TableModel:
    """Next-token distributions looked up by prefix, with a default for unlisted prefixes.

    Counts its calls and fails loudly if asked to extend a prefix that already ended in EOS.
    `as_probs=True` returns probabilities instead of log-probabilities.
    """

    def __init__(self, table: dict[tuple[int, ...], list[float]], default: list[float], eos_id: int = EOS,
                 as_probs: bool = False) -> None:
        self.table = {prefix: np.asarray(p, dtype=np.float64) for prefix, p in table.items()}
        self.default = np.asarray(default, dtype=np.float64)
        self.eos_id = eos_id
        self.as_probs = as_probs
        self.calls: list[tuple[int, ...]] = []
        for probs in [*self.table.values(), self.default]:
            assert abs(probs.sum() - 1.0) < 1e-12, "toy distributions must sum to 1"

    @property
    def vocab(self) -> int:
        return self.default.size

    def probs(self, prefix: tuple[int, ...]) -> np.ndarray:
        return self.table.get(tuple(prefix), self.default)

    def __call__(self, prefix: tuple[int, ...]) -> np.ndarray:
        prefix = tuple(int(t) for t in prefix)
        assert self.eos_id not in prefix, f"the model was asked to extend {prefix}, which already ended with EOS"
        self.calls.append(prefix)
        probs = self.probs(prefix)
        if self.as_probs:
            return probs.copy()
        with np.errstate(divide="ignore"):
            return np.log(probs)


class RandomModel:
    """A seeded random distribution for every prefix (not Markov: the whole prefix matters)."""

    def __init__(self, vocab: int, seed: int, sharpness: float = 1.5, eos_id: int = EOS, eos_bias: float = 0.0) -> None:
        self.vocab, self.seed, self.sharpness, self.eos_id, self.eos_bias = vocab, seed, sharpness, eos_id, eos_bias
        self.calls: list[tuple[int, ...]] = []

    def logits(self, prefix: tuple[int, ...]) -> np.ndarray:
        rng = np.random.default_rng([self.seed, len(prefix), *prefix])
        logits = self.sharpness * rng.standard_normal(self.vocab)
        logits[self.eos_id] += self.eos_bias
        return logits

    def log_probs(self, prefix: tuple[int, ...]) -> np.ndarray:
        logits = self.logits(prefix)
        shifted = logits - logits.max()
        return shifted - math.log(np.exp(shifted).sum())

    def __call__(self, prefix: tuple[int, ...]) -> np.ndarray:
        prefix = tuple(int(t) for t in prefix)
        assert self.eos_id not in prefix, f"the model was asked to extend {prefix}, which already ended with EOS"
        self.calls.append(prefix)
        return self.log_probs(prefix)


def all_sequences(vocab: int, max_length: int, eos_id: int = EOS) -> Iterator[tuple[int, ...]]:
    """Every complete output: EOS-terminated ones up to max_length, plus EOS-free ones of exactly max_length."""
    others = [t for t in range(vocab) if t != eos_id]
    for length in range(1, max_length + 1):
        for body in itertools.product(others, repeat=length - 1):
            yield (*body, eos_id)
    yield from itertools.product(others, repeat=max_length)


def sequence_log_prob(log_probs: Callable[[tuple[int, ...]], np.ndarray], tokens: tuple[int, ...]) -> float:
    return float(sum(log_probs(tokens[:i])[tokens[i]] for i in range(len(tokens))))


def log_softmax(values: np.ndarray) -> np.ndarray:
    shifted = values - values.max()
    return shifted - math.log(np.exp(shifted).sum())


def reference_beam(
    log_probs: Callable[[tuple[int, ...]], np.ndarray],
    beam_width: int,
    max_length: int,
    eos_id: int = EOS,
    sibling_penalty: float = 0.0,
) -> list[tuple[tuple[int, ...], float]]:
    """The statement's search, written plainly: every finished or max-length hypothesis with its log-prob.

    With sibling_penalty > 0, candidates are selected by log-prob minus penalty x rank among their siblings.
    """
    live: list[tuple[tuple[int, ...], float]] = [((), 0.0)]
    pool: list[tuple[tuple[int, ...], float]] = []
    for _ in range(max_length):
        candidates = []
        for prefix, total in live:
            row = log_probs(prefix)
            order = sorted((t for t in range(row.size) if np.isfinite(row[t])), key=lambda t: (-row[t], t))
            for rank, token in enumerate(order):
                value = total + float(row[token])
                candidates.append((value - sibling_penalty * rank, prefix + (token,), value))
        candidates.sort(key=lambda c: (-c[0], c[1]))
        live = []
        for _, tokens, value in candidates[:beam_width]:
            (pool if tokens[-1] == eos_id else live).append((tokens, value))
        if not live:
            break
    return pool + live


class MarkovProbModel:
    """Probabilities that depend on the position and the last token; some tokens get probability exactly 0.

    EOS is impossible before position `eos_from` (0-based index of the token being generated).
    """

    def __init__(self, vocab: int, seed: int, eos_from: int, sharpness: float = 0.5, zero_fraction: float = 0.3,
                 eos_id: int = EOS) -> None:
        self.vocab, self.seed, self.eos_from, self.eos_id = vocab, seed, eos_from, eos_id
        self.sharpness, self.zero_fraction = sharpness, zero_fraction
        self.calls = 0
        self._cache: dict[tuple[int, int], np.ndarray] = {}

    def probs(self, prefix: tuple[int, ...]) -> np.ndarray:
        key = (len(prefix), prefix[-1] if prefix else -1)
        if key not in self._cache:
            rng = np.random.default_rng([self.seed, key[0], key[1] + 1])
            weights = np.exp(self.sharpness * rng.standard_normal(self.vocab))
            weights[rng.random(self.vocab) < self.zero_fraction] = 0.0
            weights[self.eos_id] = 0.0 if key[0] < self.eos_from else weights[self.eos_id] + weights.sum()
            if not weights.any():
                weights[(key[1] + 2) % self.vocab] = 1.0
            self._cache[key] = weights / weights.sum()
        return self._cache[key]

    def log_probs(self, prefix: tuple[int, ...]) -> np.ndarray:
        with np.errstate(divide="ignore"):
            return np.log(self.probs(prefix))

    def __call__(self, prefix: tuple[int, ...]) -> np.ndarray:
        prefix = tuple(int(t) for t in prefix)
        assert self.eos_id not in prefix, f"the model was asked to extend {prefix}, which already ended with EOS"
        self.calls += 1
        return self.probs(prefix).copy()
