"""COO to CSR conversion and the sparse x dense matrix product."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

INT32_MAX = int(np.iinfo(np.int32).max)  # 2_147_483_647


class SparseTensor:
    """A 2-D sparse tensor in coordinate (COO) format.

    Entry k stores `values[k]` at `(rows[k], cols[k])`. In this variant every coordinate
    is stored at most once, in any order.
    """

    def __init__(self, rows: ArrayLike, cols: ArrayLike, values: ArrayLike, shape: tuple[int, int]) -> None:
        """Check the triples and store them as they are (order and zeros kept).

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
        """Number of stored entries, explicit zeros included."""
        return int(self.values.shape[0])

    def to_dense(self) -> np.ndarray:
        """The float64 array of shape `shape`."""
        dense = np.zeros(self.shape, dtype=np.float64)
        np.add.at(dense, (self.rows, self.cols), self.values)
        return dense

    def to_csr(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return `(indptr, indices, data)`: row pointers, column indices and values.

        Row i's columns, ascending, are `indices[indptr[i]:indptr[i + 1]]`, with their
        values at the same positions of `data`. O(nnz log nnz + n_rows) time.
        """
        # BEGIN SOLUTION: build indptr, indices and data, columns ascending within each row
        order = np.lexsort((self.cols, self.rows))
        counts = np.bincount(self.rows, minlength=self.shape[0])
        indptr = np.zeros(self.shape[0] + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        return indptr, self.cols[order], self.values[order]
        # END SOLUTION

    def matmul(self, b: ArrayLike) -> np.ndarray:
        """`A @ b` for a 2-D `b` of shape (n_cols, k), as a float64 (n_rows, k) array.

        O(nnz * k + n_rows * k) time and memory; A is never built densely. Raises
        ValueError if `b` is not 2-D with n_cols rows.
        """
        # BEGIN SOLUTION: A @ b without building A densely
        dense_b = np.asarray(b, dtype=np.float64)
        if dense_b.ndim != 2 or dense_b.shape[0] != self.shape[1]:
            raise ValueError(f"b must have shape ({self.shape[1]}, k), got {dense_b.shape}")
        indptr, indices, data = self.to_csr()
        out = np.zeros((self.shape[0], dense_b.shape[1]), dtype=np.float64)
        nonempty = np.flatnonzero(np.diff(indptr))
        if nonempty.size:
            # Between two nonempty rows there are only empty ones, so each run that
            # reduceat sums, from one nonempty row's start to the next, is exactly one row.
            contributions = data[:, None] * dense_b[indices]
            out[nonempty] = np.add.reduceat(contributions, indptr[nonempty], axis=0)
        return out
        # END SOLUTION
