"""Clips the depth tile with the wrong dimension (n instead of k): right only when k == n."""

import numpy as np
from numba import njit


@njit
def matmul_tiled(a: np.ndarray, b: np.ndarray, tile: int = 64) -> np.ndarray:
    m, depth = a.shape
    depth_b, n = b.shape
    if depth != depth_b or tile < 1:
        raise ValueError("bad arguments")
    c = np.zeros((m, n))
    for i0 in range(0, m, tile):
        i1 = min(i0 + tile, m)
        for j0 in range(0, n, tile):
            j1 = min(j0 + tile, n)
            for k0 in range(0, depth, tile):
                k1 = min(k0 + tile, n)
                for i in range(i0, i1):
                    for k in range(k0, k1):
                        a_ik = a[i, k]
                        for j in range(j0, j1):
                            c[i, j] += a_ik * b[k, j]
    return c
