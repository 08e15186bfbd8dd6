import math
import tracemalloc

import numpy as np
import pytest


def _feed(solution, values):
    stats = solution.RunningStats()
    for x in values:
        stats.update(x)
    return stats


def test_worked_example_trace(solution):
    # The statement's trace: after each update, the mean and the population variance.
    stats = solution.RunningStats()
    expected = [(4.0, 0.0), (5.5, 2.25), (8.0, 14.0), (10.0, 22.5)]
    for n, (x, (mean, variance)) in enumerate(zip([4, 7, 13, 16], expected), start=1):
        stats.update(x)
        assert stats.count == n
        assert math.isclose(stats.mean, mean, rel_tol=1e-12), f"mean after {n} samples"
        assert math.isclose(stats.variance(0), variance, rel_tol=1e-12, abs_tol=1e-12), f"population variance after {n} samples"
    assert math.isclose(stats.variance(1), 30.0, rel_tol=1e-12), "sample variance divides M2 = 90 by n - 1 = 3"


def test_matches_numpy_on_random_data(solution):
    values = np.random.default_rng(7).normal(loc=5.0, scale=3.0, size=2_000)
    stats = _feed(solution, values.tolist())
    assert stats.count == 2_000
    # Both sides are accurate to ~1e-13 on data of unit scale; 1e-9 leaves room for
    # any ordering of the float operations.
    assert math.isclose(stats.mean, float(np.mean(values)), rel_tol=1e-9)
    assert math.isclose(stats.variance(0), float(np.var(values, ddof=0)), rel_tol=1e-9)
    assert math.isclose(stats.variance(1), float(np.var(values, ddof=1)), rel_tol=1e-9)
    assert stats.variance() == stats.variance(0), "ddof defaults to 0"


def test_large_offset_is_accurate(solution):
    # 1e9 + N(0, 1): the naive sum-of-squares formula loses every significant digit here
    # (Σx² ≈ 1e22, whose float64 spacing is 2**21 ≈ 2e6, far above the true M2 ≈ 1e4).
    noise = np.random.default_rng(11).normal(size=10_000)
    values = 1e9 + noise
    # x - 1e9 is exact for these doubles, so a two-pass variance of the shifted values is
    # the reference, correct to ~1e-15 relative.
    shifted = values - 1e9
    true_pop, true_sample = float(np.var(shifted)), float(np.var(shifted, ddof=1))
    stats = _feed(solution, values.tolist())
    # Tolerance: each input carries a rounding error of at most ulp(1e9) / 2 ≈ 6e-8 against
    # deviations of size ~1, so a deviation-based method is good to ~1e-7 relative (Welford
    # measures ~1.5e-8). 1e-6 is an 8x margin on that; the naive formula is off by ~1e4 relative.
    assert math.isclose(stats.variance(0), true_pop, rel_tol=1e-6), f"got {stats.variance(0)}, want {true_pop}"
    assert math.isclose(stats.variance(1), true_sample, rel_tol=1e-6)
    assert abs(stats.mean - (1e9 + float(np.mean(shifted)))) < 1e-5


def test_too_few_samples(solution):
    stats = solution.RunningStats()
    assert stats.count == 0
    with pytest.raises(ValueError):
        _ = stats.mean
    with pytest.raises(ValueError):
        stats.variance(0)
    stats.update(3.5)
    assert stats.mean == 3.5
    assert stats.variance(0) == 0.0, "one sample has population variance 0"
    with pytest.raises(ValueError):
        stats.variance(1)  # the sample variance of one value divides by n - 1 = 0


@pytest.mark.hidden
def test_constant_memory(solution):
    values = [float(i % 97) for i in range(50_000)]
    stats = solution.RunningStats()
    tracemalloc.start()
    try:
        for x in values:
            stats.update(x)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Keeping the samples costs at least 8 bytes a reference: 400 kB for 50 000 values.
    assert peak < 64_000, f"peak allocation {peak / 1e3:.0f} kB while streaming 50 000 values: O(n) memory"
    assert math.isclose(stats.variance(1), float(np.var(values, ddof=1)), rel_tol=1e-9)


@pytest.mark.hidden
def test_integer_and_numpy_inputs(solution):
    stats = _feed(solution, [1, 2, np.int64(3), np.float32(6.0)])
    assert math.isclose(stats.mean, 3.0)
    assert math.isclose(stats.variance(1), 14.0 / 3.0, rel_tol=1e-12)
    assert isinstance(stats.variance(0), float)
