"""Inclusive prefix sum computed in place."""

import numpy as np


def prefix_sum_inplace(values: np.ndarray) -> np.ndarray:
    """Replace each element of the 1-D array `values` by the sum of it and all before it.

    Works in place with O(1) extra memory and returns `values` itself.
    """
    # BEGIN SOLUTION: overwrite values[i] with the running total, left to right
    for i in range(1, len(values)):
        values[i] += values[i - 1]
    return values
    # END SOLUTION
