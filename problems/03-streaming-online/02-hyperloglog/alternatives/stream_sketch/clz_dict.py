"""Sparse registers in a dict (only non-zero ones stored), rho from an explicit leading-zero scan."""

import hashlib
import math


def hash64(item: str) -> int:
    return int.from_bytes(hashlib.blake2b(item.encode("utf-8"), digest_size=8).digest(), "big")


class HyperLogLog:
    def __init__(self, p: int) -> None:
        if p not in range(4, 17):
            raise ValueError(p)
        self.p = p
        self._sparse: dict[int, int] = {}

    @property
    def registers(self) -> list[int]:
        return [self._sparse.get(j, 0) for j in range(1 << self.p)]

    def add(self, item: str) -> None:
        h = hash64(item)
        q = 64 - self.p
        index = h >> q
        rho = 1
        bit = q - 1
        while bit >= 0 and not (h >> bit) & 1:  # scan the remaining q bits from the top
            rho += 1
            bit -= 1
        if rho > self._sparse.get(index, 0):
            self._sparse[index] = rho

    def count(self) -> float:
        m = 1 << self.p
        alpha = {4: 0.673, 5: 0.697, 6: 0.709}.get(self.p, 0.7213 / (1 + 1.079 / m))
        empty = m - len(self._sparse)
        z = empty + sum(2.0 ** -r for r in self._sparse.values())
        estimate = alpha * m * m / z
        if estimate <= 2.5 * m and empty:
            return m * math.log(m / empty)
        return estimate
