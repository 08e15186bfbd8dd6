"""Fast and correct for valid input, but never checks the inner dimensions or the tile size."""

import numpy as np
from numba import njit


@njit
def matmul_tiled(a: np.ndarray, b: np.ndarray, tile: int = 64) -> np.ndarray:
    m, depth = a.shape
    n = b.shape[1]
    c = np.zeros((m, n))
    for i0 in range(0, m, max(tile, 1)):
        i1 = min(i0 + tile, m)
        for j0 in range(0, n, max(tile, 1)):
            j1 = min(j0 + tile, n)
            for k0 in range(0, depth, max(tile, 1)):
                k1 = min(k0 + tile, depth)
                for i in range(i0, i1):
                    c_row = c[i, j0:j1]
                    for k in range(k0, k1):
                        a_ik = a[i, k]
                        b_row = b[k, j0:j1]
                        for j in range(c_row.shape[0]):
                            c_row[j] += a_ik * b_row[j]
    return c
