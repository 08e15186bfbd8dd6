"""Why whole-array code beats a Python loop, and three ways a benchmark fools you.

Run: python example.py     (numbers vary by machine and load; the ratios are the point)
"""

import statistics
import time
import timeit

import numpy as np

rng = np.random.default_rng(7)


def best_seconds(fn, number: int = 1, repeat: int = 5) -> float:
    """Best of `repeat` timings of `number` back-to-back calls, per call (timeit does the clock reads)."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


# 1. Where the time goes: the same sum of squares, four ways.
values = rng.normal(size=1_000_000)
as_list = values.tolist()


def loop_over_list() -> float:
    total = 0.0
    for v in as_list:  # every v is a boxed Python float; every * and += is dispatched at run time
        total += v * v
    return total


def loop_over_array() -> float:
    total = 0.0
    for v in values:  # worse: each element is first boxed into a new np.float64 scalar
        total += v * v
    return total


print("1. sum of squares of 1e6 float64, nanoseconds per element")
for name, fn, number in [
    ("Python loop over a list", loop_over_list, 1),
    ("Python loop over an ndarray", loop_over_array, 1),
    ("(x * x).sum(): two C loops + a temporary", lambda: (values * values).sum(), 10),
    ("x @ x: one BLAS dot product, no temporary", lambda: values @ values, 10),
]:
    print(f"   {name:44s} {best_seconds(fn, number) * 1e9 / values.size:8.2f}")

# 2. Broadcasting replaces the loop: standardise every column of a (n, d) feature matrix.
features = rng.normal(loc=5.0, scale=2.0, size=(20_000, 8))


def standardise_loop(x: np.ndarray) -> np.ndarray:
    out = np.empty_like(x)
    for j in range(x.shape[1]):
        column = [x[i, j] for i in range(x.shape[0])]
        mean = sum(column) / len(column)
        std = (sum((c - mean) ** 2 for c in column) / len(column)) ** 0.5
        for i in range(x.shape[0]):
            out[i, j] = (x[i, j] - mean) / std
    return out


def standardise_vectorised(x: np.ndarray) -> np.ndarray:
    # mean and std have shape (1, d) thanks to keepdims; broadcasting stretches them over the n rows
    return (x - x.mean(axis=0, keepdims=True)) / x.std(axis=0, keepdims=True)


assert np.allclose(standardise_loop(features), standardise_vectorised(features))  # correct first, then fast
slow, fast = best_seconds(lambda: standardise_loop(features), repeat=2), best_seconds(lambda: standardise_vectorised(features))
print(f"\n2. column standardisation of a {features.shape} matrix: loop {slow * 1e3:.0f} ms, "
      f"broadcast {fast * 1e3:.2f} ms, speed-up {slow / fast:.0f}x")

# 3a. Warm-up: the first pass over freshly allocated memory pays a page fault per page.
fresh = np.empty(10_000_000)  # 80 MB, not yet backed by physical pages
start = time.perf_counter()
fresh.fill(1.0)
first = time.perf_counter() - start
start = time.perf_counter()
fresh.fill(2.0)
second = time.perf_counter() - start
print(f"\n3a. filling 80 MB: first pass {first * 1e3:.1f} ms, second pass {second * 1e3:.1f} ms "
      "(time the second kind: warm up first)")

# 3b. Resolution: a call of a microsecond or two cannot be timed one call at a time.
small = rng.normal(size=8)
single = []
for _ in range(5):
    start = time.perf_counter()
    small.sum()
    single.append(time.perf_counter() - start)
batched = best_seconds(small.sum, number=100_000)
clock_cost = best_seconds(time.perf_counter, number=100_000)
print(f"\n3b. one call of an 8-element sum, timed alone: {', '.join(f'{t * 1e9:.0f}' for t in single)} ns")
print(f"    timed as a batch of 100 000 calls: {batched * 1e9:.0f} ns per call "
      f"(one perf_counter() read costs {clock_cost * 1e9:.0f} ns)")

# 3c. Summaries: interference only ever adds time, so one bad run drags the mean.
unsorted = rng.normal(size=100_000)
runs = []
for k in range(7):
    start = time.perf_counter()
    np.sort(unsorted)
    if k == 3:
        time.sleep(0.05)  # stands in for another process taking the CPU during run 3
    runs.append(time.perf_counter() - start)
print(f"\n3c. seven timings of sorting 1e5 floats, one interrupted (ms): {', '.join(f'{t * 1e3:.2f}' for t in runs)}")
print(f"    mean {statistics.mean(runs) * 1e3:.2f}   median {statistics.median(runs) * 1e3:.2f}   "
      f"min {min(runs) * 1e3:.2f}")
