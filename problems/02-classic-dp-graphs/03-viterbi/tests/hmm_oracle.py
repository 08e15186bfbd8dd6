"""Test helpers: oracles by enumeration (no dynamic programming), models and a timing baseline.

Every oracle enumerates tag sequences. Long sequences stay tractable because they are
built with *pinned* positions, where exactly one state has a finite emission score (a
word that only one tag can emit, like "." for PUNCT). A pinned position fixes the state
there, so the sum (or max) over all paths factorises into independent short segments
between pinned positions, each enumerated exhaustively.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable, Sequence

import numpy as np

NEG_INF = -math.inf


def log_or_inf(p: float) -> float:
    return math.log(p) if p > 0 else NEG_INF


def tables_to_arrays(
    tags: Sequence[str],
    initial: dict[str, float],
    transition: dict[str, dict[str, float]],
    emission: dict[str, dict[str, float]],
    words: Sequence[str],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Dict tables of probabilities -> (log_initial, log_transition, log_emissions) arrays."""
    log_initial = np.array([log_or_inf(initial.get(t, 0.0)) for t in tags])
    log_transition = np.array([[log_or_inf(transition.get(a, {}).get(b, 0.0)) for b in tags] for a in tags])
    log_emissions = np.array([[log_or_inf(emission.get(t, {}).get(w, 0.0)) for t in tags] for w in words])
    return log_initial, log_transition, log_emissions.reshape(len(words), len(tags))


def path_score(log_initial: np.ndarray, log_transition: np.ndarray, log_emissions: np.ndarray, path: Sequence[int]) -> float:
    """Total score of one state path: initial + transitions + emissions."""
    path = [int(s) for s in path]
    if not path:
        return 0.0
    total = float(log_initial[path[0]]) + float(log_emissions[0, path[0]])
    for t in range(1, len(path)):
        total += float(log_transition[path[t - 1], path[t]]) + float(log_emissions[t, path[t]])
    return total


def _logsumexp(values: Sequence[float]) -> float:
    peak = max(values)
    if peak == NEG_INF:
        return NEG_INF
    return peak + math.log(sum(math.exp(v - peak) for v in values))


def enumerate_best_and_total(
    log_initial: np.ndarray, log_transition: np.ndarray, log_emissions: np.ndarray
) -> tuple[float, list[int], float]:
    """(best path score, one best path, log of the summed path probabilities) by enumeration.

    Positions with exactly one finite emission score are pinned; every other position is
    enumerated over all states, segment by segment.
    """
    length, states = log_emissions.shape
    finite = np.isfinite(log_emissions)
    pinned = {t: int(np.flatnonzero(finite[t])[0]) for t in range(length) if finite[t].sum() == 1}
    best_total, sum_total, best_path = 0.0, 0.0, []
    previous: int | None = None  # the state at the last pinned position
    t = 0
    while t < length:
        stop = next((u for u in range(t, length) if u in pinned), length)
        tail = [pinned[stop]] if stop < length else []
        scores, paths = [], []
        for free in itertools.product(range(states), repeat=stop - t):
            states_here = list(free) + tail
            score, prev = 0.0, previous
            for offset, state in enumerate(states_here):
                step = log_initial[state] if prev is None else log_transition[prev, state]
                score += float(step) + float(log_emissions[t + offset, state])
                prev = state
            scores.append(score)
            paths.append(states_here)
        best_index = max(range(len(scores)), key=scores.__getitem__)
        best_total += scores[best_index]
        best_path += paths[best_index]
        sum_total += _logsumexp(scores)
        previous = tail[0] if tail else None
        t = stop + 1
    return best_total, best_path, sum_total


def random_model(rng: np.random.Generator, states: int, length: int, *, hmm: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Random log_initial, log_transition, log_emissions.

    hmm=True: normalised probabilities (emissions in (0, 1]); False: arbitrary real CRF scores.
    """
    if hmm:
        log_initial = np.log(rng.dirichlet(np.ones(states)))
        log_transition = np.log(rng.dirichlet(np.ones(states), size=states))
        log_emissions = np.log(rng.uniform(0.02, 1.0, size=(length, states)))
    else:
        log_initial = rng.normal(size=states)
        log_transition = rng.normal(size=(states, states))
        log_emissions = rng.normal(scale=2.0, size=(length, states))
    return log_initial, log_transition, log_emissions


def long_pinned_model(rng: np.random.Generator, states: int, segments: int, free: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A random HMM-like model over `segments * (free + 1)` positions; every (free+1)-th is pinned.

    State 0 is the only one that emits the pinned "word"; the free positions are ambiguous
    among the other states. Per-token log-probabilities are a few nats, so the best path
    of a few hundred tokens has probability far below the smallest float64 (about 1e-324).
    """
    log_initial = np.log(rng.dirichlet(np.ones(states)))
    log_transition = np.log(rng.dirichlet(np.ones(states), size=states))
    rows = []
    for _ in range(segments):
        for _ in range(free):
            row = np.log(rng.uniform(0.01, 0.2, size=states))
            row[0] = NEG_INF
            rows.append(row)
        pinned = np.full(states, NEG_INF)
        pinned[0] = math.log(rng.uniform(0.05, 0.3))
        rows.append(pinned)
    return log_initial, log_transition, np.array(rows)


def twin_model(rng: np.random.Generator, length: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Four states where states 1 and 2 are exact copies (same rows, columns and emissions).

    Every path through state 1 ties exactly with the same path through state 2, and the
    twins are made attractive so that the best paths go through them.
    """
    log_initial, log_transition, log_emissions = random_model(rng, 4, length)
    log_initial[2] = log_initial[1]
    log_transition[2, :] = log_transition[1, :]
    log_transition[:, 2] = log_transition[:, 1]
    log_emissions[:, [0, 3]] = np.log(rng.uniform(0.01, 0.1, size=(length, 2)))
    log_emissions[:, 1] = np.log(0.9)
    log_emissions[:, 2] = log_emissions[:, 1]
    return log_initial, log_transition, log_emissions


def max_plus_baseline(log_transition: np.ndarray, length: int) -> None:
    """The core of one vectorised trellis pass: `length` broadcast max-plus steps, no backpointers."""
    score = np.zeros(log_transition.shape[0])
    for _ in range(length):
        score = np.max(score[:, None] + log_transition, axis=0)


def sum_product_baseline(log_transition: np.ndarray, length: int) -> None:
    """The core of one vectorised forward pass: `length` broadcast log-sum-exp steps, unguarded."""
    score = np.zeros(log_transition.shape[0])
    for _ in range(length):
        values = score[:, None] + log_transition
        peak = values.max()
        score = np.log(np.exp(values - peak).sum(axis=0)) + peak


def _seconds(function: Callable[[], object]) -> float:
    """CPU seconds of this process: time spent waiting for a core on a loaded machine is not counted."""
    start = time.process_time()
    function()
    return time.process_time() - start


def assert_within_ratio(call: Callable[[], object], baseline: Callable[[], object], max_ratio: float, what: str, rounds: int = 15) -> None:
    """Fail unless the fastest `call` is under `max_ratio` times the fastest `baseline`.

    Both sides are measured in CPU time, alternately, keeping the best of each; a call
    that is clearly fast enough stops the measurement early.
    """
    call()  # warm-up
    best_call = best_baseline = math.inf
    for round_number in range(rounds):
        best_baseline = min(best_baseline, _seconds(baseline))
        best_call = min(best_call, _seconds(call))
        if round_number >= 4 and best_call < max_ratio * best_baseline:
            return
    raise AssertionError(
        f"{what} took {best_call * 1e3:.2f} ms at best; the baseline takes {best_baseline * 1e3:.2f} ms "
        f"(ratio {best_call / best_baseline:.1f}, limit {max_ratio:g}): vectorise over states with NumPy, "
        "keeping a single Python loop over time steps"
    )
