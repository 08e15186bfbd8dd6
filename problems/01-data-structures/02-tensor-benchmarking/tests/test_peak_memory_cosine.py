import tracemalloc

import numpy as np
import pytest
from bench_support import cosine_similarity_loop, speedup

SPEEDUP_REQUIRED = 30  # whole-array versions measure 200-500x here (CPU time); a loop over the rows of a about 5x


def _temporary(n_floats: int) -> float:
    """Allocate an n-float64 array, reduce it, and free it before returning."""
    return float(np.ones(n_floats).sum())


def test_peak_counts_a_freed_temporary(solution):
    assert not tracemalloc.is_tracing()
    result, peak = solution.peak_memory(_temporary, 1_000_000)  # an 8 MB temporary
    assert result == 1_000_000.0, "return fn's result as the first element"
    assert 8_000_000 <= peak < 8_300_000, f"peak {peak:,} bytes; expected 8,000,000 plus a little overhead"
    assert not tracemalloc.is_tracing(), "stop tracemalloc again if it was not tracing before the call"


def test_peak_is_measured_from_the_start_of_the_call(solution):
    tracemalloc.start()
    try:
        held = np.ones(2_000_000)  # 16 MB alive before and during the call: must not count
        spike = np.ones(5_000_000)  # a 40 MB peak before the call: must not count either
        del spike
        _, peak = solution.peak_memory(_temporary, 125_000)  # a 1 MB temporary
        still_tracing = tracemalloc.is_tracing()
    finally:
        tracemalloc.stop()
    assert held.size == 2_000_000
    assert still_tracing, "tracemalloc was already tracing before the call: leave it running"
    assert 1_000_000 <= peak < 1_300_000, f"peak {peak:,} bytes; expected about 1,000,000 (the call's own temporary)"


def test_cosine_matches_loop_with_zero_rows(solution):
    rng = np.random.default_rng(7)
    a, b = rng.normal(size=(40, 6)), rng.normal(size=(30, 6))
    a[3] = 0.0
    b[11] = 0.0
    with np.errstate(all="ignore"):
        result = solution.cosine_similarity(a, b)
    assert result.shape == (40, 30)
    assert np.isfinite(result).all(), "a zero row must give similarity 0, not nan: clamp the norms at eps"
    np.testing.assert_allclose(result, cosine_similarity_loop(a, b), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(
        solution.cosine_similarity(np.array([[1.0, 0.0], [0.0, 0.0]]), np.array([[1.0, 1.0], [0.0, 2.0]])),
        [[2**-0.5, 0.0], [0.0, 0.0]], atol=1e-12,
    )


def test_cosine_has_no_3d_temporary(solution):
    rng = np.random.default_rng(7)
    a, b = rng.normal(size=(300, 64)), rng.normal(size=(200, 64))
    output_bytes = 300 * 200 * 8  # 480 kB; an (n, m, d) temporary would be 64 times that: 30.7 MB
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        start, _ = tracemalloc.get_traced_memory()
        result = solution.cosine_similarity(a, b)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    np.testing.assert_allclose(result[:3, :3], cosine_similarity_loop(a[:3], b[:3]), rtol=1e-9)
    budget = 4 * output_bytes + 2 * (a.nbytes + b.nbytes)
    assert peak - start <= budget, f"peak extra memory {(peak - start) / 1e6:.1f} MB exceeds {budget / 1e6:.1f} MB: an (n, m, d) temporary?"


@pytest.mark.hidden
def test_peak_memory_stops_tracing_when_fn_raises(solution):
    def failing() -> None:
        raise KeyError("boom")

    with pytest.raises(KeyError):
        solution.peak_memory(failing)
    assert not tracemalloc.is_tracing(), "use try/finally: tracing must stop even when fn raises"


@pytest.mark.hidden
def test_cosine_eps_clamps_each_norm_separately(solution):
    a = np.array([[1e-5, 0.0], [1e-12, 0.0]])
    b = np.array([[1e-5, 0.0], [3.0, 4.0]])
    result = solution.cosine_similarity(a, b)
    np.testing.assert_allclose(result, cosine_similarity_loop(a, b), rtol=1e-9, atol=1e-15)
    assert result[0, 0] == pytest.approx(1.0), "two parallel vectors of norm 1e-5 (> eps) have cosine 1"


@pytest.mark.hidden
def test_cosine_is_vectorised(solution):
    rng = np.random.default_rng(7)
    a, b = rng.normal(size=(5000, 8)), rng.normal(size=(5, 8))  # many rows: a loop over them shows
    ratio = speedup(cosine_similarity_loop, solution.cosine_similarity, a, b)
    assert ratio >= SPEEDUP_REQUIRED, f"only {ratio:.1f}x faster than the loop; needs {SPEEDUP_REQUIRED}x (no Python loop over rows)"
