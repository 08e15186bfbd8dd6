"""Broadcasts a[:, None, :] * b[None, :, :]: correct numbers, but an (n, m, d) temporary, 64 times the output here."""

import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np


def peak_memory(fn: Callable[..., Any], *args: Any) -> tuple[Any, int]:
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        start = tracemalloc.get_traced_memory()[0]
        result = fn(*args)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        if not was_tracing:
            tracemalloc.stop()
    return result, peak - start


def cosine_similarity(a: np.ndarray, b: np.ndarray, eps: float = 1e-8) -> np.ndarray:
    dots = (a[:, None, :] * b[None, :, :]).sum(axis=-1)
    a_norm = np.maximum(np.linalg.norm(a, axis=1), eps)
    b_norm = np.maximum(np.linalg.norm(b, axis=1), eps)
    return dots / (a_norm[:, None] * b_norm[None, :])
