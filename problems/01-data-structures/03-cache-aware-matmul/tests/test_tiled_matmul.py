import numpy as np
import pytest
from naive_kernels import fastest, matmul_naive, speedup


def test_worked_example(solution):
    a = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    b = np.array([[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]])
    result = solution.matmul_tiled(a, b, 2)  # k = 3 is not a multiple of the tile
    np.testing.assert_allclose(result, [[58.0, 64.0], [139.0, 154.0]])


def test_rectangular_shapes_and_ragged_tiles(solution):
    rng = np.random.default_rng(7)
    shapes = [(37, 50, 29), (13, 17, 19), (64, 64, 64), (1, 70, 3), (70, 1, 45)]
    for m, k, n in shapes:
        a, b = rng.standard_normal((m, k)), rng.standard_normal((k, n))
        for tile in (1, 7, 16, 64, 100):
            result = solution.matmul_tiled(a, b, tile)
            assert result.shape == (m, n), f"shape {result.shape} for ({m}x{k}) @ ({k}x{n})"
            np.testing.assert_allclose(
                result, a @ b, rtol=1e-10, atol=1e-10,
                err_msg=f"wrong product for ({m}x{k}) @ ({k}x{n}) with tile={tile}",
            )


def test_faster_than_naive_loop_order(solution):
    rng = np.random.default_rng(7)
    # Probe on a small product first, so that uncompiled Python loops fail in seconds.
    a, b = rng.random((64, 64)), rng.random((64, 64))
    solution.matmul_tiled(a, b, 64)  # compile before timing
    matmul_naive(a, b)
    probe = fastest(lambda: solution.matmul_tiled(a, b, 64), 3) / fastest(lambda: matmul_naive(a, b), 3)
    assert probe < 10, f"{probe:.0f}x slower than compiled naive loops at n=64: are your loops compiled with numba.njit?"
    # n = 512: the naive inner loop strides 4 KiB down a column of b.
    a, b = rng.random((512, 512)), rng.random((512, 512))
    ratio = speedup(lambda: solution.matmul_tiled(a, b, 64), lambda: matmul_naive(a, b))
    assert ratio >= 2.0, f"only {ratio:.1f}x faster than the naive i-j-k loops at n=512 (need 2x)"


@pytest.mark.hidden
def test_rejects_mismatched_shapes_and_bad_tile(solution):
    with pytest.raises(ValueError):
        solution.matmul_tiled(np.ones((2, 3)), np.ones((4, 2)), 2)
    with pytest.raises(ValueError):
        solution.matmul_tiled(np.ones((2, 2)), np.ones((2, 2)), 0)


@pytest.mark.hidden
def test_new_array_and_default_tile(solution):
    rng = np.random.default_rng(11)
    a, b = rng.standard_normal((130, 9)), rng.standard_normal((9, 67))
    a_before, b_before = a.copy(), b.copy()
    result = solution.matmul_tiled(a, b)  # default tile
    np.testing.assert_allclose(result, a @ b, rtol=1e-10, atol=1e-10)
    assert result.dtype == np.float64
    assert not np.shares_memory(result, a) and not np.shares_memory(result, b)
    np.testing.assert_array_equal(a, a_before)
    np.testing.assert_array_equal(b, b_before)
