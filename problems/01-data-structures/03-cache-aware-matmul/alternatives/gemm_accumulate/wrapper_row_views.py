"""Shape checks in plain Python, then an njit kernel over row views c[i] and b[k]."""

import numpy as np
from numba import njit


@njit
def _accumulate(c: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
    for i in range(a.shape[0]):
        c_row = c[i]
        for k in range(a.shape[1]):
            b_row = b[k]
            weight = a[i, k]
            for j in range(c_row.shape[0]):
                c_row[j] += weight * b_row[j]


def gemm_accumulate(c: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
    (m, k), (k2, n) = a.shape, b.shape
    if k != k2 or c.shape != (m, n):
        raise ValueError(f"cannot add {a.shape} @ {b.shape} into {c.shape}")
    _accumulate(c, a, b)
