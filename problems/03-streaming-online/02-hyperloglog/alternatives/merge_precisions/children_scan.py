"""Independent version: each folded register scans its 2**d children; rho re-derived from the bits."""

import hashlib
import math


def hash64(item: str) -> int:
    return int.from_bytes(hashlib.blake2b(item.encode("utf-8"), digest_size=8).digest(), "big")


def first_one(value: int, width: int) -> int:
    """Position (from 1) of the first 1 in `value` written with `width` bits; width + 1 if none."""
    text = format(value, f"0{width}b") if width else ""
    k = text.find("1")
    return k + 1 if k >= 0 else width + 1


class HyperLogLog:
    def __init__(self, p: int) -> None:
        if not 4 <= p <= 16:
            raise ValueError("p out of range")
        self.p = p
        self.registers = [0] * 2**p

    def add(self, item: str) -> None:
        h = hash64(item)
        q = 64 - self.p
        j = h >> q
        self.registers[j] = max(self.registers[j], first_one(h % 2**q, q))

    def count(self) -> float:
        m = 2**self.p
        a = 0.673 if m == 16 else 0.697 if m == 32 else 0.709 if m == 64 else 0.7213 / (1 + 1.079 / m)
        e = a * m**2 / sum(1 / 2**r for r in self.registers)
        v = self.registers.count(0)
        return m * math.log(m / v) if (e <= 2.5 * m and v) else e

    def reduce_precision(self, p: int) -> "HyperLogLog":
        if p < 4 or p > self.p:
            raise ValueError("can only lower the precision")
        d = self.p - p
        out = HyperLogLog(p)
        for new_j in range(2**p):
            best = 0
            for low in range(2**d):
                r = self.registers[(new_j << d) | low]
                if r:
                    # w' = low (d bits) followed by the old w, whose first 1 sits at position r
                    best = max(best, first_one(low, d) if low else d + r)
            out.registers[new_j] = best
        return out

    def merge(self, other: "HyperLogLog") -> "HyperLogLog":
        p = min(self.p, other.p)
        x, y = self.reduce_precision(p), other.reduce_precision(p)
        out = HyperLogLog(p)
        out.registers = list(map(max, x.registers, y.registers))
        return out
