"""Only handles whole tiles: the last n % block rows and columns are never transposed."""

import numpy as np
from numba import njit


@njit
def transpose_inplace(a: np.ndarray, block: int = 8) -> None:
    n = a.shape[0]
    if a.shape[1] != n or block < 1:
        raise ValueError("bad arguments")
    full = n - n % block
    for i0 in range(0, full, block):
        for i in range(i0, i0 + block):
            for j in range(i + 1, i0 + block):
                a[i, j], a[j, i] = a[j, i], a[i, j]
        for j0 in range(i0 + block, full, block):
            for i in range(i0, i0 + block):
                for j in range(j0, j0 + block):
                    a[i, j], a[j, i] = a[j, i], a[i, j]
