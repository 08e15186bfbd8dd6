"""Peak-memory measurement with tracemalloc, and cosine similarity without an (n, m, d) temporary."""

import math
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np


def peak_memory(fn: Callable[..., Any], *args: Any) -> tuple[Any, int]:
    """Call `fn(*args)` once; return its result and the peak bytes traced during the call above the start level.

    Starts and stops tracemalloc if it was not already tracing (also when `fn` raises);
    otherwise leaves it running.
    """
    # BEGIN SOLUTION: measure the call's peak above the starting level; leave tracemalloc as you found it
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        start, _ = tracemalloc.get_traced_memory()
        result = fn(*args)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        if not was_tracing:
            tracemalloc.stop()
    return result, max(peak - start, 0)
    # END SOLUTION


def cosine_similarity(a: np.ndarray, b: np.ndarray, eps: float = 1e-8) -> np.ndarray:
    """Return S (n, m) with S[i, j] = a[i].b[j] / (max(||a[i]||, eps) * max(||b[j]||, eps)).

    Vectorised, with no (n, m, d)-sized temporary.
    """
    # BEGIN SOLUTION: every cosine at once, with no (n, m, d)-sized temporary
    a_unit = a / np.maximum(np.linalg.norm(a, axis=1), eps)[:, None]
    b_unit = b / np.maximum(np.linalg.norm(b, axis=1), eps)[:, None]
    return a_unit @ b_unit.T
    # END SOLUTION


def _cosine_similarity_loop(a: np.ndarray, b: np.ndarray, eps: float = 1e-8) -> np.ndarray:
    """The slow version to replace (given): one Python iteration per pair of rows."""
    out = np.empty((len(a), len(b)))
    for i in range(len(a)):
        for j in range(len(b)):
            norms = max(math.sqrt(a[i] @ a[i]), eps) * max(math.sqrt(b[j] @ b[j]), eps)
            out[i, j] = (a[i] @ b[j]) / norms
    return out
