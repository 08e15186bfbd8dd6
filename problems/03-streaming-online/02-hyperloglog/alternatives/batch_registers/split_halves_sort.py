"""Independent version: exact bit length from the two 32-bit halves (exact in float64); scatter-max by sorting."""

import math

import numpy as np


def _p(registers: np.ndarray) -> int:
    m = registers.shape[0]
    if m < 16 or m > 65536 or m & (m - 1):
        raise ValueError("register count must be 2**p with 4 <= p <= 16")
    return m.bit_length() - 1


def _bit_length(w: np.ndarray) -> np.ndarray:
    hi = (w >> np.uint64(32)).astype(np.float64)  # < 2**32: float64 holds it exactly
    lo = (w & np.uint64(0xFFFFFFFF)).astype(np.float64)
    with np.errstate(divide="ignore"):
        bl_hi = np.floor(np.log2(hi)) + 33
        bl_lo = np.floor(np.log2(lo)) + 1
    return np.where(hi > 0, bl_hi, np.where(lo > 0, bl_lo, 0)).astype(np.int64)


def update_registers(registers: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    p = _p(registers)
    q = 64 - p
    if len(hashes) == 0:
        return registers
    index = (hashes >> np.uint64(q)).astype(np.int64)
    rho = q + 1 - _bit_length(hashes & np.uint64((1 << q) - 1))
    order = np.lexsort((rho, index))  # by index, then rho: the last of each run is its max
    index, rho = index[order], rho[order]
    last = np.r_[index[1:] != index[:-1], True]
    sel = index[last]
    registers[sel] = np.maximum(registers[sel], rho[last]).astype(registers.dtype)
    return registers


def estimate(registers: np.ndarray) -> float:
    m = 1 << _p(registers)
    alpha = {16: 0.673, 32: 0.697, 64: 0.709}.get(m, 0.7213 / (1 + 1.079 / m))
    z = float(np.sum(2.0 ** -registers.astype(np.float64)))
    e = alpha * m * m / z
    v = int((registers == 0).sum())
    if e <= 2.5 * m and v > 0:
        e = m * math.log(m / v)
    return e
