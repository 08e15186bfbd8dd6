"""Textbook i-j-k order: a dot product per entry, so the inner loop strides down a column of b."""

import numpy as np
from numba import njit


@njit
def gemm_accumulate(c: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
    m, depth = a.shape
    depth_b, n = b.shape
    if depth != depth_b or c.shape[0] != m or c.shape[1] != n:
        raise ValueError("shapes do not fit")
    for i in range(m):
        for j in range(n):
            total = 0.0
            for k in range(depth):
                total += a[i, k] * b[k, j]
            c[i, j] += total
