"""Why the textbook variance formula fails on a stream, and what "variance" even means.

Run: python example.py
"""

import math
import statistics

import numpy as np

values = [4.0, 7.0, 13.0, 16.0]

# 1. Population (divide by n) versus sample (divide by n - 1) variance: defaults differ.
print("np.var (ddof=0 default):     ", np.var(values))
print("np.var(ddof=1):              ", np.var(values, ddof=1))
print("statistics.pvariance / variance:", statistics.pvariance(values), statistics.variance(values))


# 2. The one-pass "sum and sum of squares" formula, evaluated in float64.
def sum_of_squares_variance(xs: list[float]) -> float:
    n, total, total_sq = len(xs), 0.0, 0.0
    for x in xs:
        total += x
        total_sq += x * x
    return (total_sq - total * total / n) / n


print("\noffset   Σx²-(Σx)²/n formula   two-pass np.var (needs the data twice)")
for offset in (0.0, 1e6, 1e7, 1e8, 1e9):
    shifted = [offset + x for x in values]
    print(f"{offset:6.0e}   {sum_of_squares_variance(shifted):>19}   {np.var(shifted):>10}")

# 3. Why: near 1e18 (the size of each square) consecutive doubles are this far apart.
print("\nspacing of doubles near 1e18:", math.ulp(1e18), " near 4e18:", math.ulp(4e18))
print("the true sum of squared deviations is only", sum((x - 10.0) ** 2 for x in values))

# 4. Averaging per-batch variances (what a cumulative moving average of batch statistics
#    does) is not the variance of the whole stream when the batches have different means.
batches = [np.array([0.0, 2.0]), np.array([10.0, 12.0])]
average_of_batch_vars = np.mean([b.var(ddof=1) for b in batches])
print("\naverage of per-batch sample variances:", average_of_batch_vars)
print("sample variance of all four values:   ", np.concatenate(batches).var(ddof=1))
