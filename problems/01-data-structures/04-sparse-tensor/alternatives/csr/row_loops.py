"""Counting sort written as loops, and the textbook CSR row-by-row product."""

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

    def to_csr(self):
        n_rows = self.shape[0]
        counts = [0] * n_rows
        for r in self.rows.tolist():
            counts[r] += 1
        indptr = [0]
        for count in counts:
            indptr.append(indptr[-1] + count)
        by_row = [[] for _ in range(n_rows)]
        for r, c, v in zip(self.rows.tolist(), self.cols.tolist(), self.values.tolist()):
            by_row[r].append((c, v))
        indices, data = [], []
        for row in by_row:
            for c, v in sorted(row):
                indices.append(c)
                data.append(v)
        return np.array(indptr), np.array(indices, dtype=np.int64), np.array(data, dtype=np.float64)

    def matmul(self, b):
        b = np.asarray(b, dtype=np.float64)
        if b.ndim != 2 or b.shape[0] != self.shape[1]:
            raise ValueError("b has the wrong shape")
        indptr, indices, data = self.to_csr()
        out = np.zeros((self.shape[0], b.shape[1]))
        for i in range(self.shape[0]):
            start, stop = indptr[i], indptr[i + 1]
            if stop > start:
                out[i] = data[start:stop] @ b[indices[start:stop]]
        return out
