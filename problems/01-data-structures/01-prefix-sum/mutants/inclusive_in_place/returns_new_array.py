"""Computes the right numbers with np.cumsum but returns a new array and leaves the input untouched."""

import numpy as np


def prefix_sum_inplace(values: np.ndarray) -> np.ndarray:
    return np.cumsum(values)
