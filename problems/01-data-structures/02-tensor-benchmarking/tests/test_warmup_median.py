import time

import numpy as np
import pytest
from bench_support import FakeClock, pairwise_sq_dists_loop, scripted, speedup

SPEEDUP_REQUIRED = 8  # whole-array versions measure 30-230x here (CPU time); a loop over the rows of x under 2x


def test_warmup_calls_run_untimed(solution):
    clock = FakeClock()
    fn = scripted(clock, [100.0, 100.0, 3.0, 1.0, 2.0, 50.0, 4.0])
    timing = solution.benchmark(fn, "a", 2, repeats=5, warmup=2, timer=clock)
    assert len(fn.calls) == 7, f"expected 2 warm-up + 5 timed calls, fn was called {len(fn.calls)} times"
    assert all(args == ("a", 2) for args in fn.calls), "pass *args through to fn"
    assert [float(t) for t in timing.times] == pytest.approx([3.0, 1.0, 2.0, 50.0, 4.0]), (
        "times must hold one entry per timed call, in call order, warm-up excluded"
    )


def test_median_and_best_resist_an_outlier(solution):
    clock = FakeClock()
    fn = scripted(clock, [9.0, 3.0, 1.0, 2.0, 50.0, 4.0])
    timing = solution.benchmark(fn, repeats=5, warmup=1, timer=clock)
    assert timing.median == pytest.approx(3.0), "the median of [3, 1, 2, 50, 4] is 3 (the mean would be 12)"
    assert timing.best == pytest.approx(1.0)


def test_pairwise_matches_the_loop(solution):
    rng = np.random.default_rng(7)
    x, y = rng.normal(size=(37, 5)), rng.normal(size=(23, 5))
    result = solution.pairwise_sq_dists(x, y)
    assert result.shape == (37, 23)
    np.testing.assert_allclose(result, pairwise_sq_dists_loop(x, y), rtol=1e-7, atol=1e-9)
    small = solution.pairwise_sq_dists(np.array([[0.0, 0.0], [1.0, 2.0]]), np.array([[1.0, 0.0], [3.0, 4.0]]))
    np.testing.assert_allclose(small, [[1.0, 25.0], [4.0, 8.0]], atol=1e-12)


def test_pairwise_is_vectorised(solution):
    rng = np.random.default_rng(7)
    x, y = rng.normal(size=(16_000, 2)), rng.normal(size=(3, 2))  # k-means: many points, a few centroids
    ratio = speedup(pairwise_sq_dists_loop, solution.pairwise_sq_dists, x, y)
    assert ratio >= SPEEDUP_REQUIRED, f"only {ratio:.1f}x faster than the loop; needs {SPEEDUP_REQUIRED}x (no Python loop over rows)"


@pytest.mark.hidden
def test_even_repeats_median_averages_the_middle_pair(solution):
    clock = FakeClock()
    fn = scripted(clock, [4.0, 1.0, 3.0, 100.0])
    timing = solution.benchmark(fn, repeats=4, warmup=0, timer=clock)
    assert timing.median == pytest.approx(3.5)
    assert timing.best == pytest.approx(1.0)
    assert len(fn.calls) == 4


@pytest.mark.hidden
def test_invalid_counts_rejected(solution):
    with pytest.raises(ValueError):
        solution.benchmark(lambda: None, repeats=0)
    with pytest.raises(ValueError):
        solution.benchmark(lambda: None, warmup=-1)


@pytest.mark.hidden
def test_default_timer_is_wall_clock(solution):
    timing = solution.benchmark(time.sleep, 0.02, repeats=2, warmup=0)
    assert all(0.015 <= t < 2.0 for t in timing.times), (
        f"sleeping 20 ms measured as {timing.times}: use a wall-clock timer such as time.perf_counter, not CPU time"
    )


@pytest.mark.hidden
def test_pairwise_never_negative(solution):
    rng = np.random.default_rng(7)
    x = 1_000.0 + rng.normal(size=(60, 8))  # large norms: ||x||^2 + ||y||^2 - 2x.y cancels badly
    result = solution.pairwise_sq_dists(x, x)
    assert (result >= 0).all(), f"smallest entry {result.min():.3g}: rounding pushed a squared distance below 0"
    np.testing.assert_allclose(result, pairwise_sq_dists_loop(x, x), rtol=1e-6, atol=1e-3)
