"""Computes a @ b into c but overwrites it: the previous contents of c are lost instead of accumulated."""

import numpy as np
from numba import njit


@njit
def gemm_accumulate(c: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
    m, depth = a.shape
    depth_b, n = b.shape
    if depth != depth_b or c.shape[0] != m or c.shape[1] != n:
        raise ValueError("shapes do not fit")
    c[:, :] = 0.0
    for i in range(m):
        for k in range(depth):
            a_ik = a[i, k]
            for j in range(n):
                c[i, j] += a_ik * b[k, j]
