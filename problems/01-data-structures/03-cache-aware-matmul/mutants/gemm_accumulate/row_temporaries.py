"""Right i-k loop order, but the row update is an array expression that allocates a temporary row m*k times."""

import numpy as np
from numba import njit


@njit
def gemm_accumulate(c: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
    m, depth = a.shape
    depth_b, n = b.shape
    if depth != depth_b or c.shape[0] != m or c.shape[1] != n:
        raise ValueError("shapes do not fit")
    for i in range(m):
        for k in range(depth):
            c[i, :] += a[i, k] * b[k, :]
