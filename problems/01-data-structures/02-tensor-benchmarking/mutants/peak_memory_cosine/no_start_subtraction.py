"""Resets the peak but does not subtract the traced size at the start: memory the caller already held is counted."""

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
        result = fn(*args)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        if not was_tracing:
            tracemalloc.stop()
    return result, peak


def cosine_similarity(a: np.ndarray, b: np.ndarray, eps: float = 1e-8) -> np.ndarray:
    a_unit = a / np.maximum(np.linalg.norm(a, axis=1, keepdims=True), eps)
    b_unit = b / np.maximum(np.linalg.norm(b, axis=1, keepdims=True), eps)
    return a_unit @ b_unit.T
