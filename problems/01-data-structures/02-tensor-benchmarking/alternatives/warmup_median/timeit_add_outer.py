"""Lets the standard library do the clock work: timeit.Timer with the injected timer and number=1 per repeat.

Distances via np.add.outer of the squared norms minus twice the Gram matrix, clipped with clip().
"""

import time
import timeit
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
        raise ValueError("repeats must be positive and warmup non-negative")
    for _ in range(warmup):
        fn(*args)
    times = timeit.Timer(lambda: fn(*args), timer=timer).repeat(repeat=repeats, number=1)
    return Timing(times=times, median=float(np.median(times)), best=min(times))


def pairwise_sq_dists(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    gram = x @ y.T
    return (np.add.outer((x**2).sum(axis=1), (y**2).sum(axis=1)) - 2 * gram).clip(min=0.0)
