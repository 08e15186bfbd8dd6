"""Transposes each tile within itself but leaves it in place: off-diagonal tiles are never exchanged with their mirrors."""

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
            size = min(i1 - i0, j1 - j0)
            for di in range(size):
                for dj in range(di + 1, size):
                    a[i0 + di, j0 + dj], a[i0 + dj, j0 + di] = a[i0 + dj, j0 + di], a[i0 + di, j0 + dj]
