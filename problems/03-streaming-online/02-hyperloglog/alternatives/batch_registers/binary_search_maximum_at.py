"""Independent version: bit length by a 6-step binary search with np.where, then np.maximum.at."""

import math

import numpy as np


def update_registers(registers: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    m = len(registers)
    p = int(math.log2(m)) if m > 0 else 0
    if m != 2**p or not 4 <= p <= 16:
        raise ValueError(f"bad register count {m}")
    q = 64 - p
    hashes = hashes.astype(np.uint64, copy=False)
    index = hashes >> np.uint64(q)
    w = hashes & np.uint64(2**q - 1)
    length = np.zeros(w.shape, dtype=np.int64)
    for step in (32, 16, 8, 4, 2, 1):
        big = w >= np.uint64(1 << step)
        w = np.where(big, w >> np.uint64(step), w)
        length += step * big
    length += w > 0
    np.maximum.at(registers, index.astype(np.int64), (q + 1 - length).astype(np.uint8))
    return registers


def estimate(registers: np.ndarray) -> float:
    m = len(registers)
    p = int(math.log2(m)) if m > 0 else 0
    if m != 2**p or not 4 <= p <= 16:
        raise ValueError(f"bad register count {m}")
    alpha = 0.673 if m == 16 else 0.697 if m == 32 else 0.709 if m == 64 else 0.7213 / (1 + 1.079 / m)
    raw = alpha * m**2 / np.exp2(-registers.astype(float)).sum()
    empty = np.count_nonzero(registers == 0)
    return float(m * np.log(m / empty)) if raw <= 2.5 * m and empty else float(raw)
