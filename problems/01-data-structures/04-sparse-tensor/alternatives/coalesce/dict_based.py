"""Dictionary accumulation keyed by (row, col), then a sorted walk: plain Python, O(N log N)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

INT32_MAX = int(np.iinfo(np.int32).max)  # 2_147_483_647


class SparseTensor:
    """A 2-D sparse tensor in coordinate (COO) format.

    Entry k stores `values[k]` at `(rows[k], cols[k])`. Entries may be in any order and a
    coordinate may repeat: the value at (i, j) is the sum of every entry stored there.
    """

    def __init__(self, rows: ArrayLike, cols: ArrayLike, values: ArrayLike, shape: tuple[int, int]) -> None:
        """Check the triples and store them as they are (order, duplicates and zeros kept).

        Sets `shape`, `rows` and `cols` (np.int32 when both dimensions are at most
        INT32_MAX, np.int64 otherwise) and `values` (float64). Raises ValueError for
        arrays of different lengths, a negative dimension or an index outside the shape.
        """
        if len(shape) != 2:
            raise ValueError(f"shape must have two dimensions, got {shape!r}")
        n_rows, n_cols = int(shape[0]), int(shape[1])
        if n_rows < 0 or n_cols < 0:
            raise ValueError(f"dimensions must be non-negative, got {shape!r}")
        row_index = np.asarray(rows, dtype=np.int64)
        col_index = np.asarray(cols, dtype=np.int64)
        data = np.asarray(values, dtype=np.float64)
        if row_index.ndim != 1 or col_index.shape != row_index.shape or data.shape != row_index.shape:
            raise ValueError("rows, cols and values must be 1-D arrays of the same length")
        if row_index.size and (row_index.min() < 0 or row_index.max() >= n_rows):
            raise ValueError(f"a row index lies outside [0, {n_rows})")
        if col_index.size and (col_index.min() < 0 or col_index.max() >= n_cols):
            raise ValueError(f"a column index lies outside [0, {n_cols})")
        index_dtype = np.int32 if max(n_rows, n_cols) <= INT32_MAX else np.int64
        self.shape = (n_rows, n_cols)
        self.rows = row_index.astype(index_dtype)
        self.cols = col_index.astype(index_dtype)
        self.values = data

    @property
    def nnz(self) -> int:
        """Number of stored entries, duplicates and explicit zeros included."""
        return int(self.values.shape[0])

    def to_dense(self) -> np.ndarray:
        """The float64 array of shape `shape`, summing entries that share a coordinate."""
        dense = np.zeros(self.shape, dtype=np.float64)
        np.add.at(dense, (self.rows, self.cols), self.values)
        return dense

    def coalesce(self):
        sums = {}
        for r, c, v in zip(self.rows.tolist(), self.cols.tolist(), self.values.tolist()):
            sums[(r, c)] = sums.get((r, c), 0.0) + v
        kept = sorted((key, value) for key, value in sums.items() if value != 0.0)
        return SparseTensor([k[0] for k, _ in kept], [k[1] for k, _ in kept], [v for _, v in kept], self.shape)

    def _sums(self):
        out = {}
        for r, c, v in zip(self.rows.tolist(), self.cols.tolist(), self.values.tolist()):
            out[(r, c)] = out.get((r, c), 0.0) + v
        return out

    def add(self, other):
        if tuple(self.shape) != tuple(other.shape):
            raise ValueError("shape mismatch")
        total = self._sums()
        for key, value in other._sums().items():
            total[key] = total.get(key, 0.0) + value
        kept = sorted((k, v) for k, v in total.items() if v != 0.0)
        return SparseTensor([k[0] for k, _ in kept], [k[1] for k, _ in kept], [v for _, v in kept], self.shape)

    def multiply(self, other):
        if tuple(self.shape) != tuple(other.shape):
            raise ValueError("shape mismatch")
        a, b = self._sums(), other._sums()
        kept = sorted((k, v * b[k]) for k, v in a.items() if k in b and v * b[k] != 0.0)
        return SparseTensor([k[0] for k, _ in kept], [k[1] for k, _ in kept], [v for _, v in kept], self.shape)
