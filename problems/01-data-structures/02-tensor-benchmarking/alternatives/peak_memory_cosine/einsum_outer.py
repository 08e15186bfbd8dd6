"""Dot products by einsum, norms divided out afterwards with an (n, m) outer product, tracing state handled with a flag."""

import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np


def peak_memory(fn: Callable[..., Any], *args: Any) -> tuple[Any, int]:
    started_here = False
    if not tracemalloc.is_tracing():
        tracemalloc.start()
        started_here = True
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        value = fn(*args)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        if started_here:
            tracemalloc.stop()
    return value, peak


def cosine_similarity(a: np.ndarray, b: np.ndarray, eps: float = 1e-8) -> np.ndarray:
    a_norm = np.sqrt(np.einsum("id,id->i", a, a)).clip(min=eps)
    b_norm = np.sqrt(np.einsum("jd,jd->j", b, b)).clip(min=eps)
    dots = np.einsum("id,jd->ij", a, b)
    return dots / np.outer(a_norm, b_norm)
