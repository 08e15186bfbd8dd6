"""Plain Python loops over the entries: O(nnz) like the reference, with no vectorised scatter."""

from __future__ import annotations

import numpy as np


class SparseTensor:
    def __init__(self, rows, cols, values, shape):
        if len(shape) != 2 or shape[0] < 0 or shape[1] < 0:
            raise ValueError("bad shape")
        if any(np.ndim(a) != 1 for a in (rows, cols, values)):
            raise ValueError("rows, cols and values must be 1-D")
        rows, cols, values = list(rows), list(cols), list(values)
        if not len(rows) == len(cols) == len(values):
            raise ValueError("rows, cols and values differ in length")
        for r, c in zip(rows, cols):
            if not (0 <= r < shape[0] and 0 <= c < shape[1]):
                raise ValueError(f"({r}, {c}) is outside {tuple(shape)}")
        dtype = np.int64 if shape[0] > 2**31 - 1 or shape[1] > 2**31 - 1 else np.int32
        self.shape = (int(shape[0]), int(shape[1]))
        self.rows = np.array(rows, dtype=dtype)
        self.cols = np.array(cols, dtype=dtype)
        self.values = np.array(values, dtype=np.float64)

    @property
    def nnz(self):
        return len(self.values)

    def memory_bytes(self):
        return self.rows.nbytes + self.cols.nbytes + self.values.nbytes

    @classmethod
    def from_dense(cls, dense):
        dense = np.asarray(dense)
        if dense.ndim != 2:
            raise ValueError("dense must be 2-D")
        rows, cols, values = [], [], []
        for i in range(dense.shape[0]):
            for j in range(dense.shape[1]):
                if dense[i, j] != 0:
                    rows.append(i)
                    cols.append(j)
                    values.append(float(dense[i, j]))
        return cls(rows, cols, values, dense.shape)

    def to_dense(self):
        out = np.zeros(self.shape)
        for r, c, v in zip(self.rows.tolist(), self.cols.tolist(), self.values.tolist()):
            out[r, c] += v
        return out

    def matvec(self, x):
        x = np.asarray(x, dtype=float)
        if x.ndim != 1 or len(x) != self.shape[1]:
            raise ValueError("x has the wrong length")
        y = [0.0] * self.shape[0]
        xs = x.tolist()
        for r, c, v in zip(self.rows.tolist(), self.cols.tolist(), self.values.tolist()):
            y[r] += v * xs[c]
        return np.array(y, dtype=np.float64)
