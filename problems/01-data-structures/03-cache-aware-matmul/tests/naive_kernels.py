"""Baselines, timing and memory helpers shared by the tests (not a test module)."""

import re
import time
from collections.abc import Callable

import numpy as np
import pytest
from numba import njit


@njit
def matmul_naive(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Textbook i-j-k product: the inner loop walks down a column of b."""
    m, depth = a.shape
    n = b.shape[1]
    c = np.zeros((m, n))
    for i in range(m):
        for j in range(n):
            total = 0.0
            for k in range(depth):
                total += a[i, k] * b[k, j]
            c[i, j] = total
    return c


@njit
def gemm_naive(c: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
    """c += a @ b in the textbook i-j-k order (inner loop down a column of b)."""
    m, depth = a.shape
    n = b.shape[1]
    for i in range(m):
        for j in range(n):
            total = c[i, j]
            for k in range(depth):
                total += a[i, k] * b[k, j]
            c[i, j] = total


def fastest(run: Callable[[], object], repeats: int) -> float:
    """Minimum wall time of `repeats` calls of `run`: the least-disturbed run."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def speedup(candidate: Callable[[], object], baseline: Callable[[], object], rounds: int = 3) -> float:
    """Baseline time / candidate time, each the minimum over interleaved rounds.

    Interleaving means a burst of load from other processes hits both sides alike.
    """
    candidate_best = baseline_best = float("inf")
    for _ in range(rounds):
        baseline_best = min(baseline_best, fastest(baseline, 1))
        candidate_best = min(candidate_best, fastest(candidate, 1))
    return baseline_best / candidate_best


def peak_rss_growth(run: Callable[[], object]) -> float:
    """Bytes by which the process's peak resident memory grows while `run()` executes (Linux)."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")  # reset the peak-RSS high-water mark to the current RSS
    except OSError:
        pytest.skip("cannot reset the peak-memory counter on this system")

    def read_kib(field: str) -> int:
        with open("/proc/self/status") as status:
            return int(re.search(rf"^{field}:\s+(\d+)", status.read(), re.MULTILINE).group(1))

    before = read_kib("VmRSS")
    run()
    return (read_kib("VmHWM") - before) * 1024
