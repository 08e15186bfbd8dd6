"""The slowest whole-array answer we know of: np.linalg.norm over the broadcast difference, squared.

Kept as an alternative so the speed-up threshold stays well below what any loop-free version reaches.
"""

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
    if repeats <= 0 or warmup < 0:
        raise ValueError("invalid repeats or warmup")
    for _ in range(warmup):
        fn(*args)
    times = []
    for _ in range(repeats):
        begin = timer()
        fn(*args)
        end = timer()
        times.append(end - begin)
    s = sorted(times)
    k = len(s)
    median = (s[(k - 1) // 2] + s[k // 2]) / 2
    return Timing(times=times, median=median, best=s[0])


def pairwise_sq_dists(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return np.linalg.norm(x[:, None, :] - y[None, :, :], axis=-1) ** 2
