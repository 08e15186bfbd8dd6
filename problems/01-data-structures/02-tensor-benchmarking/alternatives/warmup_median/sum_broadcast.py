"""The plainest broadcasting answer: square the (n, m, d) difference and sum over the last axis."""

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
        raise ValueError("repeats must be >= 1 and warmup >= 0")
    for _ in range(warmup):
        fn(*args)
    times = []
    for _ in range(repeats):
        start = timer()
        fn(*args)
        times.append(timer() - start)
    return Timing(times=times, median=float(np.median(times)), best=min(times))


def pairwise_sq_dists(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return ((x[:, None, :] - y[None, :, :]) ** 2).sum(axis=-1)
