"""Takes each tile as a NumPy view; slicing clips edge tiles, so the kernel never computes a bound."""

import numpy as np
from numba import njit


@njit
def matmul_tiled(a: np.ndarray, b: np.ndarray, tile: int = 64) -> np.ndarray:
    if a.shape[1] != b.shape[0]:
        raise ValueError("inner dimensions differ")
    if tile < 1:
        raise ValueError("tile < 1")
    out = np.zeros((a.shape[0], b.shape[1]))
    for r in range(0, a.shape[0], tile):
        for s in range(0, b.shape[1], tile):
            c_tile = out[r:r + tile, s:s + tile]
            for t in range(0, a.shape[1], tile):
                a_tile = a[r:r + tile, t:t + tile]
                b_tile = b[t:t + tile, s:s + tile]
                for i in range(a_tile.shape[0]):
                    for k in range(a_tile.shape[1]):
                        x = a_tile[i, k]
                        for j in range(b_tile.shape[1]):
                            c_tile[i, j] += x * b_tile[k, j]
    return out
