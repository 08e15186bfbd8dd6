"""Toy next-token models and a slow, literal implementation of the statement's search.

The oracle follows the statement line by line, with Python loops and no vectorisation, and
refuses to answer (AssertionError) when a selection would hinge on a near-tie, so a test
built on it accepts every solution that follows the statement.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import pairwise

import numpy as np

EOS = 0
# The statement's worked example: opening lines for a storm poem.
THE, A, STORM, SEA, ROSE = 1, 2, 3, 4, 5
WORDS = ["<eos>", "the", "a", "storm", "sea", "rose"]

Hypothesis = tuple[tuple[int, ...], float]
Similarity = Callable[[tuple[int, ...], tuple[int, ...]], float]
TIE_GAP = 1e-7


def as_hypothesis(result: tuple[Sequence[int], float]) -> Hypothesis:
    """A returned (tokens, score) pair as a tuple of Python ints and a float."""
    tokens, score = result
    return tuple(int(t) for t in tokens), float(score)


def _key(prefix: Sequence[int]) -> tuple[int, ...]:
    return tuple(int(t) for t in prefix)


class _Recorder:
    """Records every prefix the model is called on; fails fast past `budget` calls."""

    def __init__(self, budget: int) -> None:
        self.calls: list[tuple[int, ...]] = []
        self.budget = budget

    def _record(self, prefix: Sequence[int]) -> tuple[int, ...]:
        key = _key(prefix)
        self.calls.append(key)
        if len(self.calls) > self.budget:
            raise AssertionError(f"the model was called more than {self.budget} times: is a beam growing?")
        return key


class TableModel(_Recorder):
    """Rows looked up by the whole prefix, then by its last token, then a default row."""

    def __init__(
        self,
        by_prefix: dict[tuple[int, ...], Sequence[float]],
        by_last: dict[int, Sequence[float]] | None = None,
        default: Sequence[float] | None = None,
        budget: int = 5_000,
    ) -> None:
        super().__init__(budget)
        self.by_prefix = {k: np.log(np.asarray(v, dtype=np.float64)) for k, v in by_prefix.items()}
        self.by_last = {k: np.log(np.asarray(v, dtype=np.float64)) for k, v in (by_last or {}).items()}
        self.default = None if default is None else np.log(np.asarray(default, dtype=np.float64))

    def __call__(self, prefix: Sequence[int]) -> np.ndarray:
        key = self._record(prefix)
        if key in self.by_prefix:
            return self.by_prefix[key].copy()
        if key and key[-1] in self.by_last:
            return self.by_last[key[-1]].copy()
        assert self.default is not None, f"the toy model has no row for {key}"
        return self.default.copy()


class RandomModel(_Recorder):
    """A fixed pseudo-random distribution for every prefix, seeded by the prefix itself."""

    def __init__(self, vocab: int, seed: int, eos_shift: float = 0.0, spread: float = 1.5, budget: int = 5_000) -> None:
        super().__init__(budget)
        self.vocab, self.seed, self.eos_shift, self.spread = vocab, seed, eos_shift, spread

    def __call__(self, prefix: Sequence[int]) -> np.ndarray:
        key = self._record(prefix)
        rng = np.random.default_rng([self.seed, len(key), *key])
        logits = rng.normal(0.0, self.spread, self.vocab)
        logits[EOS] += self.eos_shift
        return logits - np.logaddexp.reduce(logits)


class FixedRowModel(_Recorder):
    """The same next-token distribution after every prefix."""

    def __init__(self, log_probs: np.ndarray, budget: int = 5_000) -> None:
        super().__init__(budget)
        self.row = np.asarray(log_probs, dtype=np.float64)

    def __call__(self, prefix: Sequence[int]) -> np.ndarray:
        self._record(prefix)
        return self.row.copy()


def poem_model(budget: int = 5_000) -> TableModel:
    """The worked example: a bigram model of storm-poem openings (each row sums to 1)."""
    return TableModel(
        {(): [0.02, 0.55, 0.30, 0.08, 0.04, 0.01]},
        by_last={
            THE: [0.02, 0.01, 0.01, 0.50, 0.40, 0.06],
            A: [0.02, 0.01, 0.01, 0.43, 0.38, 0.15],
            STORM: [0.30, 0.02, 0.02, 0.01, 0.05, 0.60],
            SEA: [0.35, 0.02, 0.03, 0.04, 0.01, 0.55],
            ROSE: [0.90, 0.03, 0.03, 0.02, 0.01, 0.01],
        },
        budget=budget,
    )


def hamming(candidate: tuple[int, ...], kept: tuple[int, ...]) -> float:
    """1 when the two extensions end in the same token, else 0."""
    return 1.0 if candidate[-1] == kept[-1] else 0.0


def jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """|A & B| / |A | B| of the two token sets; 1.0 for two empty sequences."""
    sa, sb = set(a), set(b)
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)


def model_log_prob(model: Callable[[tuple[int, ...]], np.ndarray], tokens: tuple[int, ...]) -> float:
    """Sum of the model's log-probabilities of `tokens`, one call per prefix."""
    return sum(float(model(tokens[:i])[tokens[i]]) for i in range(len(tokens)))


def _assert_gap(values: list[float], keep: int, what: str) -> None:
    ordered = sorted(values, reverse=True)
    if keep < len(ordered):
        gap = ordered[keep - 1] - ordered[keep]
        assert gap > TIE_GAP, f"test model has a near-tie in {what} (gap {gap:.2e}); pick another seed"


def plain_beam_search(model, eos: int, width: int, max_length: int) -> list[Hypothesis]:  # type: ignore[no-untyped-def]
    """Problem 2.1's search: the `width` best of its pool (finished + live at the end), best first."""
    live: list[Hypothesis] = [((), 0.0)]
    finished: list[Hypothesis] = []
    for _ in range(max_length):
        if not live:
            break
        candidates = []
        for tokens, score in live:
            row = model(tokens)
            candidates += [(tokens + (v,), score + float(row[v])) for v in range(len(row))]
        _assert_gap([s for _, s in candidates], width, "plain beam search")
        candidates.sort(key=lambda h: -h[1])
        kept = candidates[:width]
        finished += [h for h in kept if h[0][-1] == eos]
        live = [h for h in kept if h[0][-1] != eos]
    _assert_gap([s for _, s in finished + live], width, "the final ranking of plain beam search")
    return sorted(finished + live, key=lambda h: -h[1])[:width]


def diverse_oracle(  # type: ignore[no-untyped-def]
    model, eos: int, beam_width: int, num_groups: int, strength: float, max_length: int, similarity: Similarity
) -> list[list[Hypothesis]]:
    """The statement's diverse beam search: each group's best B' hypotheses, best first."""
    sub = beam_width // num_groups
    live: list[list[Hypothesis]] = [[((), 0.0)] for _ in range(num_groups)]
    finished: list[list[Hypothesis]] = [[] for _ in range(num_groups)]
    for _ in range(max_length):
        if not any(live):
            break
        kept_this_step: list[tuple[int, ...]] = []  # extensions kept by the groups already stepped
        for g in range(num_groups):
            if not live[g]:
                continue
            candidates = []
            for tokens, score in live[g]:
                row = model(tokens)
                for v in range(len(row)):
                    extension = tokens + (v,)
                    total = score + float(row[v])
                    penalty = sum(similarity(extension, k) for k in kept_this_step)
                    candidates.append((total - strength * penalty, extension, total))
            _assert_gap([c[0] for c in candidates], sub, f"group {g}")
            candidates.sort(key=lambda c: -c[0])
            chosen = candidates[:sub]
            finished[g] += [(t, s) for _, t, s in chosen if t[-1] == eos]
            live[g] = [(t, s) for _, t, s in chosen if t[-1] != eos]
            kept_this_step += [t for _, t, _ in chosen]
    results = []
    for g in range(num_groups):
        pool = finished[g] + live[g]
        _assert_gap([s for _, s in pool], sub, f"the final ranking of group {g}")
        results.append(sorted(pool, key=lambda h: -h[1])[:sub])
    return results


def merged(groups: list[list[Hypothesis]]) -> list[Hypothesis]:
    """Every group's results in one list, best first."""
    return sorted((h for group in groups for h in group), key=lambda h: -h[1])


def mean_pairwise_jaccard_distance(hypotheses: list[Hypothesis]) -> float:
    n = len(hypotheses)
    if n < 2:
        return 0.0
    total = sum(1.0 - jaccard(hypotheses[i][0], hypotheses[j][0]) for i in range(n) for j in range(i + 1, n))
    return total / (n * (n - 1) / 2)


def assert_same_ranked(got: list[Hypothesis], expected: list[Hypothesis], what: str = "result") -> None:
    """The same hypotheses with the same scores, sorted best first (ties in any order)."""
    assert len(got) == len(expected), f"{what}: expected {len(expected)} hypotheses, got {len(got)}: {got}"
    for earlier, later in pairwise(got):
        assert earlier[1] >= later[1] - 1e-9, f"{what} is not sorted best first: {got}"
    assert sorted(t for t, _ in got) == sorted(t for t, _ in expected), f"{what}: expected {expected}, got {got}"
    for (tokens, score), (want_tokens, want_score) in zip(sorted(got), sorted(expected)):
        assert math.isclose(score, want_score, rel_tol=1e-9, abs_tol=1e-9), (
            f"{what}: {tokens} scored {score!r}, expected {want_score!r} (its model log-probability)"
        )
