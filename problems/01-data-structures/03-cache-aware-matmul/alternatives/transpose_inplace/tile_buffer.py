"""Copies each tile above the diagonal into a small block x block buffer, then swaps it with its mirror: O(block^2) extra."""

import numpy as np
from numba import njit


@njit
def transpose_inplace(a: np.ndarray, block: int = 8) -> None:
    n = a.shape[0]
    if a.shape[0] != a.shape[1]:
        raise ValueError("not square")
    if block <= 0:
        raise ValueError("block must be positive")
    buf = np.empty((block, block), dtype=a.dtype)
    for r in range(0, n, block):
        h = min(block, n - r)
        for s in range(r, n, block):
            w = min(block, n - s)
            if s == r:
                for x in range(h):
                    for y in range(x + 1, h):
                        tmp = a[r + x, r + y]
                        a[r + x, r + y] = a[r + y, r + x]
                        a[r + y, r + x] = tmp
                continue
            for x in range(h):
                for y in range(w):
                    buf[x, y] = a[r + x, s + y]
            for x in range(h):
                for y in range(w):
                    a[r + x, s + y] = a[s + y, r + x]
            for x in range(h):
                for y in range(w):
                    a[s + y, r + x] = buf[x, y]
