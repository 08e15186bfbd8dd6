"""Validates the lengths and the indices but never the shape: a negative dimension is accepted when there are no entries to check."""

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

        Sets `shape` (a tuple of two ints), `rows` and `cols` (1-D arrays of the index
        dtype: np.int32 when both dimensions are at most INT32_MAX, np.int64 otherwise)
        and `values` (1-D float64). Raises ValueError when the three arrays are not 1-D of
        one length, a dimension is negative, or an index lies outside the shape.
        """
        if len(shape) != 2:
            raise ValueError(f"shape must have two dimensions, got {shape!r}")
        n_rows, n_cols = int(shape[0]), int(shape[1])
        if not len(rows) == len(cols) == len(values):
            raise ValueError("rows, cols and values must have the same length")
        row_index = np.asarray(rows, dtype=np.int64)
        col_index = np.asarray(cols, dtype=np.int64)
        data = np.asarray(values, dtype=np.float64)
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

    def memory_bytes(self) -> int:
        """Bytes held by the rows, cols and values arrays (nothing else is counted)."""
        return int(self.rows.nbytes + self.cols.nbytes + self.values.nbytes)

    @classmethod
    def from_dense(cls, dense: ArrayLike) -> SparseTensor:
        """A tensor holding exactly the nonzero entries of the 2-D array `dense`.

        Raises ValueError if `dense` is not 2-D.
        """
        array = np.asarray(dense)
        if array.ndim != 2:
            raise ValueError(f"expected a 2-D array, got {array.ndim} dimension(s)")
        rows, cols = np.nonzero(array)
        return cls(rows, cols, array[rows, cols], array.shape)

    def to_dense(self) -> np.ndarray:
        """The float64 array of shape `shape`, summing entries that share a coordinate."""
        dense = np.zeros(self.shape, dtype=np.float64)
        np.add.at(dense, (self.rows, self.cols), self.values)
        return dense

    def matvec(self, x: ArrayLike) -> np.ndarray:
        """`A @ x` for a 1-D `x` of length n_cols, as a float64 array of length n_rows.

        O(nnz + n_rows) time and extra memory. Raises ValueError for a wrong-length `x`.
        """
        vector = np.asarray(x, dtype=np.float64)
        if vector.shape != (self.shape[1],):
            raise ValueError(f"x must have shape ({self.shape[1]},), got {vector.shape}")
        products = self.values * vector[self.cols]
        return np.bincount(self.rows, weights=products, minlength=self.shape[0]).astype(np.float64)
