"""Toy language models and a brute-force oracle shared by the tests.

A model is a callable `next_log_probs(prefix) -> np.ndarray` of natural-log probabilities.
Every call returns a fresh array, so a search that masks the array in place cannot
corrupt the model.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

import numpy as np

Model = Callable[[tuple[int, ...]], np.ndarray]


def table_model(table: dict[tuple[int, ...], dict[int, float]], vocab_size: int, eos_id: int) -> Model:
    """Next-token probabilities looked up by prefix.

    Each row lists some probabilities; the leftover mass is spread over the unlisted tokens
    with unequal weights (so that no two sequences tie by accident). A prefix missing from
    the table ends with EOS with probability 0.9.
    """
    rows: dict[tuple[int, ...], np.ndarray] = {}

    def row(prefix: tuple[int, ...]) -> np.ndarray:
        listed = table.get(prefix, {eos_id: 0.9})
        leftover = 1.0 - sum(listed.values())
        assert leftover > 0, f"row {prefix} leaves no mass for the unlisted tokens"
        unlisted = [t for t in range(vocab_size) if t not in listed]
        weights = np.array([1.0 / (3 + 1.7 * t) for t in unlisted])
        probs = np.zeros(vocab_size)
        probs[unlisted] = leftover * weights / weights.sum()
        for token, p in listed.items():
            probs[token] = p
        return np.log(probs)

    def next_log_probs(prefix: tuple[int, ...]) -> np.ndarray:
        prefix = tuple(int(t) for t in prefix)
        if prefix not in rows:
            rows[prefix] = row(prefix)
        return rows[prefix].copy()

    return next_log_probs


def random_model(vocab_size: int, seed: int, scale: float = 2.0) -> Model:
    """A context-dependent random model: each prefix gets its own seeded distribution."""
    rows: dict[tuple[int, ...], np.ndarray] = {}

    def next_log_probs(prefix: tuple[int, ...]) -> np.ndarray:
        prefix = tuple(int(t) for t in prefix)
        if prefix not in rows:
            rng = np.random.default_rng([seed, len(prefix), *prefix])
            logits = rng.normal(size=vocab_size) * scale
            rows[prefix] = logits - np.logaddexp.reduce(logits)
        return rows[prefix].copy()

    return next_log_probs


def finished_sequences(vocab_size: int, eos_id: int, max_length: int) -> Iterator[tuple[int, ...]]:
    """Every sequence of at most `max_length` tokens that ends with its only EOS."""
    body_tokens = [t for t in range(vocab_size) if t != eos_id]
    for body_length in range(max_length):
        for body in itertools.product(body_tokens, repeat=body_length):
            yield (*body, eos_id)


def score(model: Model, tokens: tuple[int, ...]) -> float:
    """Sum of the token log-probabilities of `tokens`."""
    return float(sum(model(tokens[:i])[token] for i, token in enumerate(tokens)))


def ranked_valid(
    model: Model, vocab_size: int, eos_id: int, max_length: int, is_valid: Callable[[tuple[int, ...]], bool]
) -> list[tuple[tuple[int, ...], float]]:
    """Exhaustive search: every valid finished sequence with its score, best first."""
    found = [(tokens, score(model, tokens)) for tokens in finished_sequences(vocab_size, eos_id, max_length) if is_valid(tokens)]
    found = [(tokens, value) for tokens, value in found if value > -np.inf]
    return sorted(found, key=lambda pair: (-pair[1], pair[0]))


def contains_ngram(tokens: tuple[int, ...], ngram: tuple[int, ...]) -> bool:
    """True if `ngram` occurs contiguously in `tokens`."""
    n = len(ngram)
    return any(tuple(tokens[i:i + n]) == tuple(ngram) for i in range(len(tokens) - n + 1))


def check_result(result: object) -> tuple[tuple[int, ...], float]:
    """The search's return value as (tuple of ints, float), with a readable failure otherwise."""
    assert result is not None, "the search returned None although a valid sequence exists"
    tokens, value = result  # type: ignore[misc]
    return tuple(int(t) for t in tokens), float(value)
