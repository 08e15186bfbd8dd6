"""Tiled (blocked) matrix multiplication compiled with Numba."""

import numpy as np
from numba import njit


@njit
def matmul_tiled(a: np.ndarray, b: np.ndarray, tile: int = 64) -> np.ndarray:
    """Return the product a @ b of 2-D float64 arrays, computed tile by tile.

    `a` is (m, k), `b` is (k, n); the result is a new (m, n) array. Each loop runs over
    square tiles of side `tile`; tiles at the right and bottom edges may be smaller.
    Raises ValueError if the inner dimensions differ or `tile` < 1.
    """
    # BEGIN SOLUTION: validate, start from zeros, loop over tiles (clip the edge tiles) with a cache-friendly order inside each
    m, depth = a.shape
    depth_b, n = b.shape
    if depth != depth_b:
        raise ValueError("inner dimensions of a and b differ")
    if tile < 1:
        raise ValueError("tile must be at least 1")
    c = np.zeros((m, n))
    for i0 in range(0, m, tile):
        i1 = min(i0 + tile, m)
        for j0 in range(0, n, tile):
            j1 = min(j0 + tile, n)
            for k0 in range(0, depth, tile):
                k1 = min(k0 + tile, depth)
                for i in range(i0, i1):
                    # Row views: the inner index then starts at 0, so Numba can drop its
                    # negative-index check and vectorise the loop.
                    c_row = c[i, j0:j1]
                    for k in range(k0, k1):
                        a_ik = a[i, k]
                        b_row = b[k, j0:j1]
                        for j in range(c_row.shape[0]):
                            c_row[j] += a_ik * b_row[j]
    return c
    # END SOLUTION
