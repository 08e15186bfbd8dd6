"""Computes the right registers but into a copy: the caller's array is never updated."""

from __future__ import annotations

import math

import numpy as np

HASH_BITS = 64
MIN_P, MAX_P = 4, 16


def _precision(registers: np.ndarray) -> int:
    """p such that len(registers) == 2**p; ValueError unless 4 <= p <= 16."""
    m = len(registers)
    p = m.bit_length() - 1
    if m != 1 << p or not MIN_P <= p <= MAX_P:
        raise ValueError(f"need 2**p registers with {MIN_P} <= p <= {MAX_P}, got {m}")
    return p


def update_registers(registers: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    """Fold a batch of uint64 hashes into `registers` (uint8, length 2**p) in place and return it."""
    p = _precision(registers)
    q = HASH_BITS - p
    hashes = np.asarray(hashes, dtype=np.uint64)
    index = (hashes >> np.uint64(q)).astype(np.intp)
    w = hashes & np.uint64((1 << q) - 1)
    # Exact bit length without floats: smear the highest 1-bit into every lower position,
    # then count the ones. (float64 has a 53-bit mantissa, so log2 of a 60-bit w can round up.)
    for shift in (1, 2, 4, 8, 16, 32):
        w |= w >> np.uint64(shift)
    rho = (q + 1 - np.bitwise_count(w).astype(np.int64)).astype(registers.dtype)
    out = registers.copy()
    np.maximum.at(out, index, rho)
    return out


def estimate(registers: np.ndarray) -> float:
    """The HyperLogLog estimate of the statement (harmonic mean, alpha_m, small-range correction)."""
    p = _precision(registers)
    m = 1 << p
    alpha = {16: 0.673, 32: 0.697, 64: 0.709}.get(m, 0.7213 / (1 + 1.079 / m))
    raw = alpha * m * m / float(np.sum(np.ldexp(1.0, -registers.astype(np.int64))))
    zeros = int(np.count_nonzero(registers == 0))
    if raw <= 2.5 * m and zeros > 0:
        return m * math.log(m / zeros)
    return raw
