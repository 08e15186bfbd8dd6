"""j-k-i order: the inner loop walks down columns of both a and c, the worst of the six orders for row-major data."""

import numpy as np
from numba import njit


@njit
def gemm_accumulate(c: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
    m, depth = a.shape
    depth_b, n = b.shape
    if depth != depth_b or c.shape[0] != m or c.shape[1] != n:
        raise ValueError("shapes do not fit")
    for j in range(n):
        for k in range(depth):
            b_kj = b[k, j]
            for i in range(m):
                c[i, j] += a[i, k] * b_kj
