"""Flattens 2-D index arrays instead of rejecting them, so a caller's shape mistake passes silently."""

from __future__ import annotations

import numpy as np


class SparseTensor:
    def __init__(self, rows, cols, values, shape):
        m, n = map(int, shape)
        if m < 0 or n < 0:
            raise ValueError("negative dimension")
        r = np.array(rows, dtype=np.int64).ravel()
        c = np.array(cols, dtype=np.int64).ravel()
        v = np.array(values, dtype=np.float64).ravel()
        if not (r.size == c.size == v.size):
            raise ValueError("length mismatch")
        if np.any((r < 0) | (r >= m)) or np.any((c < 0) | (c >= n)):
            raise ValueError("index out of range")
        idx = np.int64 if max(m, n) >= 2**31 else np.int32
        self.shape = (m, n)
        self.rows, self.cols, self.values = r.astype(idx), c.astype(idx), v

    @property
    def nnz(self):
        return self.values.size

    def memory_bytes(self):
        return sum(a.nbytes for a in (self.rows, self.cols, self.values))

    @classmethod
    def from_dense(cls, dense):
        a = np.asarray(dense, dtype=np.float64)
        if a.ndim != 2:
            raise ValueError("need a matrix")
        mask = a != 0
        r, c = np.where(mask)
        return cls(r, c, a[mask], a.shape)

    def to_dense(self):
        d = np.zeros(self.shape)
        np.add.at(d, (self.rows, self.cols), self.values)
        return d

    def matvec(self, x):
        x = np.asarray(x, dtype=np.float64)
        if x.shape != (self.shape[1],):
            raise ValueError("wrong length")
        y = np.zeros(self.shape[0])
        np.add.at(y, self.rows, self.values * x[self.cols])
        return y
