"""Enumerates tile coordinates (p, q) with q >= p and one loop nest for both cases, skipping the lower half of diagonal tiles."""

import numpy as np
from numba import njit


@njit
def transpose_inplace(a: np.ndarray, block: int = 8) -> None:
    rows, cols = a.shape
    if rows != cols:
        raise ValueError("a must be square")
    if block < 1:
        raise ValueError("block must be >= 1")
    tiles = (rows + block - 1) // block
    for p in range(tiles):
        for q in range(p, tiles):
            for i in range(p * block, min((p + 1) * block, rows)):
                start = i + 1 if p == q else q * block
                for j in range(start, min((q + 1) * block, rows)):
                    a[i, j], a[j, i] = a[j, i], a[i, j]
