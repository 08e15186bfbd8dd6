"""Builds c + a @ b in a fresh array and returns it: the caller's c is never updated."""

import numpy as np
from numba import njit


@njit
def gemm_accumulate(c: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    m, depth = a.shape
    depth_b, n = b.shape
    if depth != depth_b or c.shape[0] != m or c.shape[1] != n:
        raise ValueError("shapes do not fit")
    out = c.copy()
    for i in range(m):
        for k in range(depth):
            a_ik = a[i, k]
            for j in range(n):
                out[i, j] += a_ik * b[k, j]
    return out
