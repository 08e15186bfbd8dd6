"""Flat int64 keys with np.unique(return_inverse) and np.bincount; multiply via np.intersect1d."""

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

    def _keys(self):
        return self.rows.astype(np.int64) * self.shape[1] + self.cols.astype(np.int64)

    def _from_keys(self, keys, values):
        n_cols = self.shape[1]
        nonzero = values != 0
        keys, values = keys[nonzero], values[nonzero]
        return SparseTensor(keys // n_cols if n_cols else keys, keys % n_cols if n_cols else keys, values, self.shape)

    def coalesce(self):
        keys, inverse = np.unique(self._keys(), return_inverse=True)
        sums = np.bincount(inverse.ravel(), weights=self.values, minlength=keys.size).astype(np.float64)
        return self._from_keys(keys, sums)

    def add(self, other):
        if self.shape != other.shape:
            raise ValueError("shape mismatch")
        keys = np.concatenate([self._keys(), other._keys()])
        unique, inverse = np.unique(keys, return_inverse=True)
        sums = np.bincount(inverse.ravel(), weights=np.concatenate([self.values, other.values]), minlength=unique.size)
        return self._from_keys(unique, sums.astype(np.float64))

    def multiply(self, other):
        if self.shape != other.shape:
            raise ValueError("shape mismatch")
        a, b = self.coalesce(), other.coalesce()
        common, ia, ib = np.intersect1d(a._keys(), b._keys(), assume_unique=True, return_indices=True)
        return self._from_keys(common, a.values[ia] * b.values[ib])
