"""Shared helpers for the sparse-tensor tests (not a test module).

They read a tensor only through the attributes the statement defines (`shape`, `rows`,
`cols`, `values`), never through the candidate's own methods.
"""

from __future__ import annotations

import tracemalloc
from collections import defaultdict
from typing import Any, Callable

import numpy as np

# The worked example: 4 users x 8 movies, 1-5 stars, 0 = not rated.
RATINGS = np.array(
    [
        [5, 0, 0, 3, 0, 0, 0, 0],
        [0, 0, 4, 0, 0, 0, 1, 0],
        [0, 2, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 5, 0, 4, 0, 0],
    ],
    dtype=np.float64,
)
SCIFI = np.array([1, 0, 1, 1, 0, 1, 0, 0], dtype=np.float64)
COMEDY = np.array([0, 1, 0, 0, 1, 0, 1, 0], dtype=np.float64)

# Budget for the extra memory of one sparse operation in the memory tests: the dense
# matrix there is 3000 x 4000 float64 = 96 MB, the sparse work a few hundred kB.
LARGE_SHAPE = (3000, 4000)
SPARSE_PEAK_LIMIT = 8_000_000


def dense_of(tensor: Any) -> np.ndarray:
    """The dense matrix a tensor stands for, duplicates summed."""
    dense = np.zeros(tuple(tensor.shape), dtype=np.float64)
    np.add.at(dense, (np.asarray(tensor.rows), np.asarray(tensor.cols)), np.asarray(tensor.values, dtype=np.float64))
    return dense


def entry_sums(rows: Any, cols: Any, values: Any) -> dict[tuple[int, int], float]:
    """Coordinate -> summed value, zeros included."""
    sums: dict[tuple[int, int], float] = defaultdict(float)
    for r, c, v in zip(np.asarray(rows).tolist(), np.asarray(cols).tolist(), np.asarray(values).tolist()):
        sums[(r, c)] += v
    return dict(sums)


def canonical(sums: dict[tuple[int, int], float]) -> tuple[list[int], list[int], list[float]]:
    """Row-major sorted triples with exact zeros dropped."""
    kept = sorted((key, value) for key, value in sums.items() if value != 0.0)
    return [k[0] for k, _ in kept], [k[1] for k, _ in kept], [v for _, v in kept]


def assert_canonical(tensor: Any, expected: tuple[list[int], list[int], list[float]], shape: tuple[int, int]) -> None:
    """The tensor holds exactly these row-major sorted, nonzero, unique triples."""
    assert tuple(tensor.shape) == shape, f"shape {tuple(tensor.shape)} != {shape}"
    rows, cols, values = np.asarray(tensor.rows).tolist(), np.asarray(tensor.cols).tolist(), np.asarray(tensor.values).tolist()
    assert 0.0 not in values, "an entry with value 0 is stored: drop entries whose sum is zero"
    coordinates = list(zip(rows, cols))
    assert coordinates == sorted(set(coordinates)), "entries must be unique and sorted by row, then column"
    assert (rows, cols) == (expected[0], expected[1]), f"coordinates {coordinates} != {list(zip(expected[0], expected[1]))}"
    np.testing.assert_allclose(values, expected[2], rtol=1e-12, atol=1e-12)


def random_triples(
    rng: np.random.Generator, shape: tuple[int, int], nnz: int, *, unique: bool = True
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Random coordinates (unique, or drawn with repeats) with nonzero float values."""
    n_rows, n_cols = shape
    flat = rng.choice(n_rows * n_cols, size=nnz, replace=not unique)
    values = rng.uniform(0.5, 2.0, size=nnz) * rng.choice([-1.0, 1.0], size=nnz)
    return flat // n_cols, flat % n_cols, values


def peak_bytes(call: Callable[[], Any]) -> tuple[Any, int]:
    """Run `call` under tracemalloc; return its result and the peak bytes allocated."""
    tracemalloc.start()
    try:
        result = call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak
