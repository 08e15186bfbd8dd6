"""Forgets the bias constant alpha_m: the raw estimate is m**2 / sum(2**-M[j]), about 39% too high."""

from __future__ import annotations

import hashlib
import math

HASH_BITS = 64
MIN_P, MAX_P = 4, 16


def hash64(item: str) -> int:
    """The statement's hash: BLAKE2b of the UTF-8 bytes, 8-byte digest, read big-endian."""
    return int.from_bytes(hashlib.blake2b(item.encode("utf-8"), digest_size=8).digest(), "big")


class HyperLogLog:
    """Distinct-count sketch with m = 2**p registers; `registers[j]` is M[j], `p` the precision."""

    def __init__(self, p: int) -> None:
        """Start m = 2**p registers at 0; raise ValueError unless 4 <= p <= 16."""
        if not MIN_P <= p <= MAX_P:
            raise ValueError(f"precision p must be in [{MIN_P}, {MAX_P}], got {p}")
        self.p = p
        self.registers = [0] * (1 << p)

    def add(self, item: str) -> None:
        """Hash the item; its top p bits pick register j, and M[j] = max(M[j], rho(rest))."""
        q = HASH_BITS - self.p
        h = hash64(item)
        j = h >> q
        w = h & ((1 << q) - 1)
        rho = q - w.bit_length() + 1  # position of the first 1-bit of w as a q-bit string; q + 1 if w == 0
        if rho > self.registers[j]:
            self.registers[j] = rho

    def count(self) -> float:
        """Estimated number of distinct items added so far (a float, not rounded)."""
        m = len(self.registers)
        alpha = {16: 0.673, 32: 0.697, 64: 0.709}.get(m, 0.7213 / (1 + 1.079 / m))
        raw = m * m / sum(2.0 ** -r for r in self.registers)
        zeros = self.registers.count(0)
        if raw <= 2.5 * m and zeros > 0:
            return m * math.log(m / zeros)  # linear counting
        return raw
