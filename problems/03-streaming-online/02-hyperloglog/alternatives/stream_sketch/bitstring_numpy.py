"""Independent version: registers in a NumPy uint8 array, rho read off the 64-character bit string."""

import hashlib
import math

import numpy as np


def hash64(item: str) -> int:
    return int.from_bytes(hashlib.blake2b(item.encode("utf-8"), digest_size=8).digest(), "big")


def _alpha(m: int) -> float:
    if m == 16:
        return 0.673
    if m == 32:
        return 0.697
    if m == 64:
        return 0.709
    return 0.7213 / (1.0 + 1.079 / m)


class HyperLogLog:
    def __init__(self, p: int) -> None:
        if not isinstance(p, int) or p < 4 or p > 16:
            raise ValueError("p must be between 4 and 16")
        self.p = p
        self.m = 2**p
        self.registers = np.zeros(self.m, dtype=np.uint8)

    def add(self, item: str) -> None:
        bits = format(hash64(item), "064b")
        j = int(bits[: self.p], 2)
        rest = bits[self.p :]
        first_one = rest.find("1")
        rho = first_one + 1 if first_one >= 0 else len(rest) + 1
        self.registers[j] = max(self.registers[j], rho)

    def count(self) -> float:
        m = self.m
        regs = self.registers.astype(np.float64)
        e = _alpha(m) * m * m / float(np.sum(np.exp2(-regs)))
        v = int(np.count_nonzero(self.registers == 0))
        if e <= 5 * m / 2 and v != 0:
            e = m * math.log(m / v)
        return float(e)
