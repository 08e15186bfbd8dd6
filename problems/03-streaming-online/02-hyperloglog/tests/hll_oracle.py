"""Test helpers: the statement's hashing and register rules, written independently of any solution.

Everything in the statement is deterministic (a fixed 64-bit hash, fixed index bits, a fixed
rho and fixed constants), so the tests recompute the exact registers and estimate of any
correct sketch and compare them with the candidate's.
"""

from __future__ import annotations

import hashlib
import math
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

HASH_BITS = 64


@lru_cache(maxsize=None)
def hash64(item: str) -> int:
    return int.from_bytes(hashlib.blake2b(item.encode("utf-8"), digest_size=8).digest(), "big")


def split(h: int, p: int) -> tuple[int, int]:
    """(register index, rho) of one 64-bit hash: top p bits, then the first 1-bit of the rest."""
    q = HASH_BITS - p
    w = h & ((1 << q) - 1)
    return h >> q, q - w.bit_length() + 1


def registers_from_hashes(hashes: Iterable[int], p: int) -> list[int]:
    registers = [0] * (1 << p)
    for h in hashes:
        j, rho = split(int(h), p)
        registers[j] = max(registers[j], rho)
    return registers


def registers_of(items: Iterable[str], p: int) -> list[int]:
    return registers_from_hashes((hash64(item) for item in items), p)


def alpha(m: int) -> float:
    return {16: 0.673, 32: 0.697, 64: 0.709}.get(m, 0.7213 / (1 + 1.079 / m))


def estimate(registers: Sequence[int]) -> float:
    """Raw harmonic-mean estimate, replaced by linear counting when E <= 2.5 m and a register is 0."""
    m = len(registers)
    raw = alpha(m) * m * m / math.fsum(2.0 ** -r for r in registers)
    zeros = sum(1 for r in registers if r == 0)
    if raw <= 2.5 * m and zeros > 0:
        return m * math.log(m / zeros)
    return raw


def as_registers(sketch: Any) -> list[int]:
    """The candidate's `registers` attribute as a list of Python ints."""
    return [int(r) for r in sketch.registers]


def users(start: int, stop: int) -> list[str]:
    return [f"user-{i}" for i in range(start, stop)]


class TooManyLines(Exception):
    pass


def run_counting_lines(func: Callable[..., Any], filename: str, limit: int, *args: Any) -> tuple[Any, int]:
    """Call func(*args) and count the Python lines executed in `filename` (the candidate's file).

    A Python loop over n array elements executes at least n lines there; whole-array NumPy
    calls execute a handful. The count is exact and does not depend on machine load. Raises
    TooManyLines as soon as the count passes `limit`, so a slow loop stops early.
    """
    executed = 0

    def local(frame: Any, event: str, arg: Any) -> Any:
        nonlocal executed
        if event == "line":
            executed += 1
            if executed > limit:
                raise TooManyLines(f"more than {limit} Python lines executed")
        return local

    def tracer(frame: Any, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename == filename else None

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        result = func(*args)
    finally:
        sys.settrace(previous)
    return result, executed


def random_hashes(seed: int, n: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 2**64, size=n, dtype=np.uint64, endpoint=False)
