"""Mergeable HyperLogLog sketches: union by register-wise max, and folding to a lower precision."""

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
        # BEGIN SOLUTION: check p, then set self.p and self.registers (m zeros)
        if not MIN_P <= p <= MAX_P:
            raise ValueError(f"precision p must be in [{MIN_P}, {MAX_P}], got {p}")
        self.p = p
        self.registers = [0] * (1 << p)
        # END SOLUTION

    def add(self, item: str) -> None:
        """Hash the item; its top p bits pick register j, and M[j] = max(M[j], rho(rest))."""
        # BEGIN SOLUTION: split hash64(item) into the index (top p bits) and w (the other 64 - p bits)
        q = HASH_BITS - self.p
        h = hash64(item)
        j = h >> q
        w = h & ((1 << q) - 1)
        rho = q - w.bit_length() + 1
        if rho > self.registers[j]:
            self.registers[j] = rho
        # END SOLUTION

    def count(self) -> float:
        """Estimated number of distinct items added so far (a float, not rounded)."""
        # BEGIN SOLUTION: harmonic-mean estimate with alpha_m, then the small-range correction
        m = len(self.registers)
        alpha = {16: 0.673, 32: 0.697, 64: 0.709}.get(m, 0.7213 / (1 + 1.079 / m))
        raw = alpha * m * m / sum(2.0 ** -r for r in self.registers)
        zeros = self.registers.count(0)
        if raw <= 2.5 * m and zeros > 0:
            return m * math.log(m / zeros)
        return raw
        # END SOLUTION

    def reduce_precision(self, p: int) -> HyperLogLog:
        """A new sketch at precision p <= self.p, equal to one built at p from the same items."""
        # BEGIN SOLUTION: send each non-empty register to its register at precision p, with a recomputed rank
        if not MIN_P <= p <= self.p:
            raise ValueError(f"can only reduce to a precision in [{MIN_P}, {self.p}], got {p}")
        d = self.p - p
        folded = HyperLogLog(p)
        for j, r in enumerate(self.registers):
            if r == 0:
                continue  # no item fell here, so this register contributes nothing
            moved = j & ((1 << d) - 1)  # the index bits that now start w
            rho = d - moved.bit_length() + 1 if moved else d + r
            target = j >> d
            if rho > folded.registers[target]:
                folded.registers[target] = rho
        return folded
        # END SOLUTION

    def merge(self, other: HyperLogLog) -> HyperLogLog:
        """A new sketch of the union, at the lower of the two precisions; neither input changes."""
        # BEGIN SOLUTION: bring both to the same precision, then take the register-wise max
        p = min(self.p, other.p)
        a, b = self.reduce_precision(p), other.reduce_precision(p)
        a.registers = [max(x, y) for x, y in zip(a.registers, b.registers)]
        return a
        # END SOLUTION
