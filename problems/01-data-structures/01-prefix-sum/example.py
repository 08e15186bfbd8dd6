"""Extra memory made visible: the same result with and without a temporary copy.

Run: python example.py
"""

import tracemalloc

import numpy as np


def peak_extra_bytes(operation, array: np.ndarray) -> int:
    """Peak bytes allocated while `operation(array)` runs."""
    tracemalloc.start()
    operation(array)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def doubled_with_copy(a: np.ndarray) -> None:
    a[:] = a * 2  # builds a temporary array first, then copies it back


def doubled_in_place(a: np.ndarray) -> None:
    np.multiply(a, 2, out=a)  # writes straight into a's buffer


values = np.ones(1_000_000)  # 8 MB of float64
print(f"array size:          {values.nbytes / 1e6:.1f} MB")
print(f"a[:] = a * 2 peak:   {peak_extra_bytes(doubled_with_copy, values) / 1e6:.1f} MB")
print(f"multiply(out=a) peak: {peak_extra_bytes(doubled_in_place, values) / 1e6:.3f} MB")

# Identity: an in-place operation keeps the object, a rebinding does not.
a = np.arange(5)
b = a
a = a * 2
print("after a = a * 2, a is b:", a is b)
