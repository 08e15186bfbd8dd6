"""Returns Euclidean distances (takes the square root) instead of squared distances."""

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Timing:
    times: list[float]
    median: float
    best: float


def benchmark(fn: Callable[..., Any], *args: Any, repeats: int = 7, warmup: int = 1,
              timer: Callable[[], float] = time.perf_counter) -> Timing:
    if repeats < 1 or warmup < 0:
        raise ValueError("bad counts")
    for _ in range(warmup):
        fn(*args)
    times = []
    for _ in range(repeats):
        start = timer()
        fn(*args)
        times.append(timer() - start)
    ordered = sorted(times)
    mid = len(ordered) // 2
    median = ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
    return Timing(times, median, ordered[0])


def pairwise_sq_dists(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    d = (x * x).sum(axis=1)[:, None] + (y * y).sum(axis=1)[None, :] - 2.0 * (x @ y.T)
    return np.sqrt(np.maximum(d, 0.0))
