"""A timing harness with warm-up and repeats, and vectorised pairwise squared distances."""

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Timing:
    """Seconds taken by each timed call (warm-up excluded, in call order) and two summaries."""

    times: list[float]
    median: float
    best: float


def benchmark(
    fn: Callable[..., Any],
    *args: Any,
    repeats: int = 7,
    warmup: int = 1,
    timer: Callable[[], float] = time.perf_counter,
) -> Timing:
    """Call `fn(*args)` `warmup` times untimed, then `repeats` times, timing each call with `timer`.

    Raises ValueError if `repeats < 1` or `warmup < 0`.
    """
    # BEGIN SOLUTION: validate the counts, run the warm-up calls, time each repeat, summarise
    if repeats < 1:
        raise ValueError(f"repeats must be at least 1, got {repeats}")
    if warmup < 0:
        raise ValueError(f"warmup must be non-negative, got {warmup}")
    for _ in range(warmup):
        fn(*args)
    times = []
    for _ in range(repeats):
        start = timer()
        fn(*args)
        times.append(timer() - start)
    ordered = sorted(times)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        median = ordered[middle]
    else:
        median = (ordered[middle - 1] + ordered[middle]) / 2
    return Timing(times=times, median=median, best=ordered[0])
    # END SOLUTION


def pairwise_sq_dists(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Return D of shape (n, m) with D[i, j] = ||x[i] - y[j]||^2, for x (n, d) and y (m, d).

    Vectorised: no Python loop over rows or pairs. Every entry is >= 0.
    """
    # BEGIN SOLUTION: every squared distance with whole-array operations, all entries >= 0
    x_sq = np.einsum("ij,ij->i", x, x)
    y_sq = np.einsum("ij,ij->i", y, y)
    dists = x @ y.T
    dists *= -2.0
    dists += x_sq[:, None]
    dists += y_sq[None, :]
    np.maximum(dists, 0.0, out=dists)
    return dists
    # END SOLUTION


def _pairwise_sq_dists_loop(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The slow version to replace (given): one Python iteration per pair of rows."""
    out = np.empty((len(x), len(y)))
    for i in range(len(x)):
        for j in range(len(y)):
            diff = x[i] - y[j]
            out[i, j] = diff @ diff
    return out
