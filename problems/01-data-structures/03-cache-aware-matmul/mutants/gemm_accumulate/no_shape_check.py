"""Correct and fast for valid input, but never checks shapes: a mismatched c or b is read out of bounds silently."""

import numpy as np
from numba import njit


@njit
def gemm_accumulate(c: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
    m, depth = a.shape
    n = b.shape[1]
    for i in range(m):
        for k in range(depth):
            a_ik = a[i, k]
            for j in range(n):
                c[i, j] += a_ik * b[k, j]
