"""In-place GEMM update c += a @ b with a cache-friendly loop order, compiled with Numba."""

import numpy as np
from numba import njit


@njit
def gemm_accumulate(c: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
    """Add the product a @ b into c, in place: c[i, j] += sum over k of a[i, k] * b[k, j].

    `a` is (m, k), `b` is (k, n) and `c` is (m, n), all float64. Nothing is returned and
    no (m, n) temporary is allocated. Raises ValueError if the shapes do not fit.
    """
    # BEGIN SOLUTION: check the shapes, then accumulate into c with the loops in a cache-friendly order
    m, depth = a.shape
    depth_b, n = b.shape
    if depth != depth_b or c.shape[0] != m or c.shape[1] != n:
        raise ValueError("shapes do not fit: need (m, k) @ (k, n) into (m, n)")
    for i in range(m):
        for k in range(depth):
            a_ik = a[i, k]
            for j in range(n):
                c[i, j] += a_ik * b[k, j]
    # END SOLUTION
