"""k-i-j order (a sum of rank-1 updates): the inner loop still runs along rows of b and c."""

import numpy as np
from numba import njit


@njit
def gemm_accumulate(c: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
    rows, inner = a.shape
    if b.shape[0] != inner or c.shape[0] != rows or c.shape[1] != b.shape[1]:
        raise ValueError("incompatible shapes")
    cols = b.shape[1]
    for k in range(inner):
        for i in range(rows):
            scale = a[i, k]
            for j in range(cols):
                c[i, j] += scale * b[k, j]
