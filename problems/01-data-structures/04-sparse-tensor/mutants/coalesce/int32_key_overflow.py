"""Sorts by the flat key row * n_cols + col computed in the stored int32 dtype, which wraps past 2**31 - 1."""

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

    def coalesce(self) -> SparseTensor:
        """A new tensor in canonical form: unique coordinates, sorted row-major, no zeros.

        Duplicates are summed and coordinates whose sum is exactly 0.0 are dropped.
        `self` is not modified. O(nnz log nnz) time, O(nnz) extra memory.
        """
        keys = self.rows * self.shape[1] + self.cols  # int32 * int stays int32 and wraps
        order = np.argsort(keys, kind="stable")
        rows, cols, values = self.rows[order], self.cols[order], self.values[order]
        if rows.size == 0:
            return SparseTensor(rows, cols, values, self.shape)
        starts_run = np.empty(rows.size, dtype=bool)
        starts_run[0] = True
        starts_run[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
        starts = np.flatnonzero(starts_run)
        sums = np.add.reduceat(values, starts)
        keep = sums != 0.0
        return SparseTensor(rows[starts][keep], cols[starts][keep], sums[keep], self.shape)

    def add(self, other: SparseTensor) -> SparseTensor:
        """The elementwise sum `self + other`, in canonical form.

        Raises ValueError if the shapes differ. O(N log N) time, O(N) extra memory for
        N = self.nnz + other.nnz.
        """
        if tuple(self.shape) != tuple(other.shape):
            raise ValueError(f"shapes differ: {self.shape} and {other.shape}")
        rows = np.concatenate([self.rows.astype(np.int64), other.rows.astype(np.int64)])
        cols = np.concatenate([self.cols.astype(np.int64), other.cols.astype(np.int64)])
        values = np.concatenate([self.values, other.values])
        return SparseTensor(rows, cols, values, self.shape).coalesce()

    def multiply(self, other: SparseTensor) -> SparseTensor:
        """The elementwise (Hadamard) product `self * other`, in canonical form.

        Raises ValueError if the shapes differ. O(N log N) time, O(N) extra memory for
        N = self.nnz + other.nnz.
        """
        if tuple(self.shape) != tuple(other.shape):
            raise ValueError(f"shapes differ: {self.shape} and {other.shape}")
        a, b = self.coalesce(), other.coalesce()
        rows = np.concatenate([a.rows.astype(np.int64), b.rows.astype(np.int64)])
        cols = np.concatenate([a.cols.astype(np.int64), b.cols.astype(np.int64)])
        values = np.concatenate([a.values, b.values])
        order = np.lexsort((cols, rows))
        rows, cols, values = rows[order], cols[order], values[order]
        # Each operand now holds a coordinate at most once, so a coordinate that both hold
        # sits at two neighbouring positions of the sorted concatenation.
        pair = (rows[1:] == rows[:-1]) & (cols[1:] == cols[:-1])
        first = np.flatnonzero(pair)
        products = values[first] * values[first + 1]
        keep = products != 0.0
        return SparseTensor(rows[first][keep], cols[first][keep], products[keep], self.shape)
