import numpy as np
import pytest
from bench_support import FakeClock, ScriptedWork, softmax_loop, speedup

SPEEDUP_REQUIRED = 15  # whole-array versions measure 70-80x here (CPU time); a loop over the rows under 2x

TICK = 2.0**-20  # about 0.95 microseconds; powers of two keep the fake clock's sums exact
MIN_TIME = 2.0**-10  # a batch of 1024 calls of one TICK lasts exactly MIN_TIME
CALIBRATION_CALLS = 2047  # batches of 1, 2, 4, ..., 1024 calls


def test_batch_size_doubles_until_min_time(solution):
    clock = FakeClock()
    fn = ScriptedWork(clock, lambda k: TICK)
    result = solution.time_per_call(fn, "x", min_time=MIN_TIME, repeats=3, timer=clock)
    assert result.number == 1024, "double from 1 and stop at the first batch that lasts >= min_time (1024 calls here)"
    assert len(fn.calls) == CALIBRATION_CALLS + 3 * 1024, f"fn was called {len(fn.calls)} times"
    assert all(args == ("x",) for args in fn.calls), "pass *args through to fn"
    assert [float(t) for t in result.per_call] == pytest.approx([TICK] * 3, rel=1e-9)
    assert result.best == pytest.approx(TICK, rel=1e-9)


def test_each_measured_batch_reported_per_call(solution):
    clock = FakeClock()
    slowdown = [3.0, 1.0, 2.0, 5.0]  # cost multiplier of each measured batch

    def cost(k: int) -> float:
        if k < CALIBRATION_CALLS:
            return TICK
        return slowdown[(k - CALIBRATION_CALLS) // 1024] * TICK

    fn = ScriptedWork(clock, cost, limit=CALIBRATION_CALLS + 4 * 1024)
    result = solution.time_per_call(fn, min_time=MIN_TIME, repeats=4, timer=clock)
    assert [float(t) for t in result.per_call] == pytest.approx([s * TICK for s in slowdown], rel=1e-9), (
        "per_call[i] is the duration of measured batch i divided by number; calibration batches are not reported"
    )
    assert result.best == pytest.approx(TICK, rel=1e-9)


def test_softmax_matches_loop_and_survives_large_logits(solution):
    rng = np.random.default_rng(7)
    logits = rng.normal(scale=3.0, size=(50, 7))
    np.testing.assert_allclose(solution.softmax(logits), softmax_loop(logits), rtol=1e-9, atol=1e-15)
    with np.errstate(all="ignore"):
        big = solution.softmax(np.array([[1.0, 2.0, 3.0], [1000.0, 1000.0, 1000.0], [-1000.0, -999.0, -1000.0]]))
    assert np.isfinite(big).all(), f"exp overflowed or 0/0 appeared:\n{big}"
    np.testing.assert_allclose(big[0], [0.09003057, 0.24472847, 0.66524096], rtol=1e-6)
    np.testing.assert_allclose(big[1], [1 / 3] * 3, rtol=1e-9)
    np.testing.assert_allclose(big[2], softmax_loop(np.array([[-1000.0, -999.0, -1000.0]]))[0], rtol=1e-9)


def test_softmax_is_vectorised(solution):
    logits = np.random.default_rng(7).normal(scale=3.0, size=(2000, 10))  # many short rows
    ratio = speedup(softmax_loop, solution.softmax, logits)
    assert ratio >= SPEEDUP_REQUIRED, f"only {ratio:.1f}x faster than the loop; needs {SPEEDUP_REQUIRED}x (no Python loop over rows)"


@pytest.mark.hidden
def test_slow_call_needs_no_batching(solution):
    clock = FakeClock()
    fn = ScriptedWork(clock, lambda k: 0.5)
    result = solution.time_per_call(fn, min_time=0.1, repeats=2, timer=clock)
    assert result.number == 1
    assert len(fn.calls) == 3, "one calibration call, then two measured batches of one call"
    assert [float(t) for t in result.per_call] == pytest.approx([0.5, 0.5])


@pytest.mark.hidden
def test_invalid_arguments_rejected(solution):
    with pytest.raises(ValueError):
        solution.time_per_call(lambda: None, min_time=0.0)
    with pytest.raises(ValueError):
        solution.time_per_call(lambda: None, repeats=0)


@pytest.mark.hidden
def test_softmax_rows_on_very_different_scales(solution):
    logits = np.array([[800.0, 799.0, 790.0], [-5.0, -6.0, -7.0], [0.0, 0.0, 1.0]])
    with np.errstate(all="ignore"):
        result = solution.softmax(logits)
    assert np.isfinite(result).all(), f"each row needs its own shift; got\n{result}"
    np.testing.assert_allclose(result, softmax_loop(logits), rtol=1e-9, atol=1e-15)


@pytest.mark.hidden
def test_softmax_masked_entries(solution):
    logits = np.array([[0.0, -np.inf, 1.0], [-np.inf, 2.0, -np.inf]])
    with np.errstate(all="ignore"):
        result = solution.softmax(logits)
    np.testing.assert_allclose(result, [[1 / (1 + np.e), 0.0, np.e / (1 + np.e)], [0.0, 1.0, 0.0]], rtol=1e-12, atol=0)
