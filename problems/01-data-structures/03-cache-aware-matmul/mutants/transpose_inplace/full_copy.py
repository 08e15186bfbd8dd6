"""Right values, but not in place in memory terms: it builds a full transposed copy and writes it back (O(n^2) extra)."""

import numpy as np
from numba import njit


@njit
def transpose_inplace(a: np.ndarray, block: int = 8) -> None:
    n = a.shape[0]
    if a.shape[1] != n or block < 1:
        raise ValueError("bad arguments")
    a[:, :] = a.T.copy()
