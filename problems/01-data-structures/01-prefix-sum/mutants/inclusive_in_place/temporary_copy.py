"""Writes into the input, but through a full-size temporary: O(n) extra memory."""

import numpy as np


def prefix_sum_inplace(values: np.ndarray) -> np.ndarray:
    values[:] = np.cumsum(values)
    return values
