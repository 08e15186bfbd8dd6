"""Blocked in-place transpose of a square matrix, compiled with Numba."""

import numpy as np
from numba import njit


@njit
def transpose_inplace(a: np.ndarray, block: int = 8) -> None:
    """Transpose the square 2-D array `a` in place, one block-by-block tile at a time.

    Each diagonal tile is transposed within itself; each tile above the diagonal is
    swapped, transposed, with its mirror tile below. Edge tiles may be smaller than
    `block`. Extra memory is O(block**2) at most. Raises ValueError if `a` is not
    square or `block` < 1.
    """
    # BEGIN SOLUTION: check the arguments, then swap every pair (i, j), (j, i) exactly once, tile by tile
    n = a.shape[0]
    if a.shape[1] != n:
        raise ValueError("transpose_inplace needs a square matrix")
    if block < 1:
        raise ValueError("block must be at least 1")
    for i0 in range(0, n, block):
        i1 = min(i0 + block, n)
        for i in range(i0, i1):  # diagonal tile: only the pairs above its diagonal
            for j in range(i + 1, i1):
                a[i, j], a[j, i] = a[j, i], a[i, j]
        for j0 in range(i1, n, block):  # tiles right of the diagonal and their mirrors
            j1 = min(j0 + block, n)
            for i in range(i0, i1):
                for j in range(j0, j1):
                    a[i, j], a[j, i] = a[j, i], a[i, j]
    # END SOLUTION
