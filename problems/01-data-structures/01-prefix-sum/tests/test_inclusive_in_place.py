import tracemalloc

import numpy as np
import pytest


def test_worked_example_in_place(solution):
    values = np.array([3, 1, 4, 1, 5])
    result = solution.prefix_sum_inplace(values)
    assert result is values, "return the array you were given, not a new one"
    np.testing.assert_array_equal(values, [3, 4, 8, 9, 14])


def test_random_floats_match_cumsum(solution):
    values = np.random.default_rng(7).normal(size=1_000)
    expected = np.cumsum(values)
    solution.prefix_sum_inplace(values)
    np.testing.assert_allclose(values, expected, rtol=1e-9, atol=1e-9)


def test_empty_and_single(solution):
    empty = np.array([], dtype=np.float64)
    assert solution.prefix_sum_inplace(empty).shape == (0,)
    single = np.array([42], dtype=np.int64)
    solution.prefix_sum_inplace(single)
    assert single.tolist() == [42]


def test_no_temporary_array(solution):
    values = np.ones(200_000)  # 1.6 MB: a temporary copy would show up clearly
    tracemalloc.start()
    try:
        solution.prefix_sum_inplace(values)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert values[-1] == 200_000
    assert peak < 100_000, f"peak extra allocation was {peak / 1e6:.2f} MB for a 1.6 MB input: O(n) scratch"


@pytest.mark.hidden
def test_integer_dtype_kept(solution):
    values = np.arange(1, 11, dtype=np.int32)
    solution.prefix_sum_inplace(values)
    assert values.dtype == np.int32
    assert values.tolist() == [1, 3, 6, 10, 15, 21, 28, 36, 45, 55]
