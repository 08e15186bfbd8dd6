"""Calibration written as an explicit loop with time.perf_counter-style reads, and softmax through log-sum-exp."""

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class PerCallTiming:
    number: int
    per_call: list[float]
    best: float


def time_per_call(fn: Callable[..., Any], *args: Any, min_time: float = 0.01, repeats: int = 5,
                  timer: Callable[[], float] = time.perf_counter) -> PerCallTiming:
    if not min_time > 0:
        raise ValueError("min_time must be positive")
    if repeats < 1:
        raise ValueError("repeats must be at least 1")
    number = 1
    while True:
        t0 = timer()
        for _ in range(number):
            fn(*args)
        if timer() - t0 >= min_time:
            break
        number *= 2
    samples = []
    for _ in range(repeats):
        t0 = timer()
        for _ in range(number):
            fn(*args)
        samples.append((timer() - t0) / number)
    return PerCallTiming(number=number, per_call=samples, best=min(samples))


def softmax(logits: np.ndarray) -> np.ndarray:
    top = np.max(logits, axis=-1, keepdims=True)
    log_norm = top + np.log(np.sum(np.exp(logits - top), axis=-1, keepdims=True))
    return np.exp(logits - log_norm)
