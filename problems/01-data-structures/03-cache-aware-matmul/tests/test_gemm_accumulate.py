import numpy as np
import pytest
from naive_kernels import fastest, gemm_naive, peak_rss_growth, speedup


def test_worked_example_accumulates(solution):
    a = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    b = np.array([[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]])
    c = np.ones((2, 2))
    solution.gemm_accumulate(c, a, b)
    np.testing.assert_allclose(c, [[59.0, 65.0], [140.0, 155.0]], err_msg="c must become c + a @ b")
    solution.gemm_accumulate(c, a, b)
    np.testing.assert_allclose(c, [[117.0, 129.0], [279.0, 309.0]], err_msg="a second call adds a @ b again")


def test_rectangular_shapes(solution):
    rng = np.random.default_rng(7)
    for m, k, n in [(37, 50, 29), (13, 17, 19), (1, 70, 3), (70, 1, 45), (64, 64, 64)]:
        a, b = rng.standard_normal((m, k)), rng.standard_normal((k, n))
        c = rng.standard_normal((m, n))
        expected = c + a @ b
        solution.gemm_accumulate(c, a, b)
        np.testing.assert_allclose(c, expected, rtol=1e-10, atol=1e-10, err_msg=f"wrong update for ({m}x{k}) @ ({k}x{n})")


def test_faster_than_naive_loop_order(solution):
    rng = np.random.default_rng(7)
    # Probe on a small product first, so that uncompiled Python loops fail in seconds.
    a, b, c = rng.random((64, 64)), rng.random((64, 64)), np.zeros((64, 64))
    solution.gemm_accumulate(c, a, b)  # compile before timing
    gemm_naive(c, a, b)
    probe = fastest(lambda: solution.gemm_accumulate(c, a, b), 3) / fastest(lambda: gemm_naive(c, a, b), 3)
    assert probe < 10, f"{probe:.0f}x slower than compiled naive loops at n=64: are your loops compiled with numba.njit?"
    # n = 512: the naive inner loop strides 4 KiB down a column of b.
    a, b, c = rng.random((512, 512)), rng.random((512, 512)), np.zeros((512, 512))
    ratio = speedup(lambda: solution.gemm_accumulate(c, a, b), lambda: gemm_naive(c, a, b))
    assert ratio >= 7, f"only {ratio:.1f}x faster than the naive i-j-k loops at n=512 (need 7x)"


@pytest.mark.hidden
def test_rejects_shapes_that_do_not_fit(solution):
    with pytest.raises(ValueError):
        solution.gemm_accumulate(np.zeros((2, 2)), np.ones((2, 3)), np.ones((4, 2)))
    with pytest.raises(ValueError):
        solution.gemm_accumulate(np.zeros((3, 2)), np.ones((2, 3)), np.ones((3, 2)))


@pytest.mark.hidden
def test_updates_a_strided_view_in_place(solution):
    rng = np.random.default_rng(11)
    a, b = rng.standard_normal((20, 15)), rng.standard_normal((15, 10))
    buffer = rng.standard_normal((20, 30))
    expected = buffer.copy()
    expected[:, 5:15] += a @ b
    solution.gemm_accumulate(buffer[:, 5:15], a, b)  # c is a view with a row stride of 30
    np.testing.assert_allclose(buffer, expected, rtol=1e-10, atol=1e-10)


@pytest.mark.hidden
def test_no_temporary_product(solution):
    rng = np.random.default_rng(7)
    solution.gemm_accumulate(np.zeros((4, 4)), np.ones((4, 2)), np.ones((2, 4)))  # compile before measuring memory
    m, k, n = 2048, 16, 2048  # c is 32 MiB; a thin k keeps the product fast
    a, b = rng.standard_normal((m, k)), rng.standard_normal((k, n))
    c = rng.standard_normal((m, n))
    expected = c + a @ b
    growth = peak_rss_growth(lambda: solution.gemm_accumulate(c, a, b))
    np.testing.assert_allclose(c, expected, rtol=1e-10, atol=1e-10)
    assert growth < 8 * 2**20, f"peak memory grew by {growth / 2**20:.0f} MiB while updating a 32 MiB c: an (m, n) temporary?"
