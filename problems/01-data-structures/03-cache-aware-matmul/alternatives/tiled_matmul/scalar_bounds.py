"""Validation in a Python wrapper, an njit kernel with explicit clipped bounds and i-k-j tile order."""

import numpy as np
from numba import njit


@njit
def _kernel(a: np.ndarray, b: np.ndarray, c: np.ndarray, tile: int) -> None:
    m, depth = a.shape
    n = b.shape[1]
    for ii in range(0, m, tile):
        for kk in range(0, depth, tile):
            for jj in range(0, n, tile):
                for i in range(ii, min(ii + tile, m)):
                    for k in range(kk, min(kk + tile, depth)):
                        for j in range(jj, min(jj + tile, n)):
                            c[i, j] += a[i, k] * b[k, j]


def matmul_tiled(a: np.ndarray, b: np.ndarray, tile: int = 64) -> np.ndarray:
    if a.ndim != 2 or b.ndim != 2 or a.shape[1] != b.shape[0]:
        raise ValueError(f"cannot multiply {a.shape} by {b.shape}")
    if tile < 1:
        raise ValueError("tile must be positive")
    c = np.zeros((a.shape[0], b.shape[1]), dtype=np.float64)
    _kernel(a, b, c, int(tile))
    return c
