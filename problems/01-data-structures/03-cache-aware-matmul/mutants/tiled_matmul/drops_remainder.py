"""Only visits whole tiles: rows, columns and depth beyond the last multiple of `tile` are dropped."""

import numpy as np
from numba import njit


@njit
def matmul_tiled(a: np.ndarray, b: np.ndarray, tile: int = 64) -> np.ndarray:
    m, depth = a.shape
    depth_b, n = b.shape
    if depth != depth_b or tile < 1:
        raise ValueError("bad arguments")
    c = np.zeros((m, n))
    for i0 in range(0, m - tile + 1, tile):
        for j0 in range(0, n - tile + 1, tile):
            for k0 in range(0, depth - tile + 1, tile):
                for i in range(i0, i0 + tile):
                    for k in range(k0, k0 + tile):
                        a_ik = a[i, k]
                        for j in range(j0, j0 + tile):
                            c[i, j] += a_ik * b[k, j]
    return c
