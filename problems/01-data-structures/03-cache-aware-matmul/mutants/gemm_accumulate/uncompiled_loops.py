"""Right i-k-j order in plain Python: without @njit every multiply-add goes through the interpreter."""

import numpy as np


def gemm_accumulate(c: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
    m, depth = a.shape
    depth_b, n = b.shape
    if depth != depth_b or c.shape[0] != m or c.shape[1] != n:
        raise ValueError("shapes do not fit")
    for i in range(m):
        for k in range(depth):
            a_ik = a[i, k]
            for j in range(n):
                c[i, j] += a_ik * b[k, j]
