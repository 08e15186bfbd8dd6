import numpy as np
import pytest
from naive_kernels import peak_rss_growth


def test_worked_example(solution):
    a = np.arange(9.0).reshape(3, 3)
    solution.transpose_inplace(a, 2)  # 3 is not a multiple of the block
    np.testing.assert_array_equal(a, [[0.0, 3.0, 6.0], [1.0, 4.0, 7.0], [2.0, 5.0, 8.0]])


def test_sizes_and_ragged_blocks(solution):
    rng = np.random.default_rng(7)
    for n in (1, 2, 5, 31, 64, 100):
        original = rng.standard_normal((n, n))
        for block in (1, 3, 8, 32, 200):
            a = original.copy()
            solution.transpose_inplace(a, block)
            np.testing.assert_array_equal(a, original.T, err_msg=f"wrong transpose for n={n}, block={block}")


def test_in_place_without_a_copy(solution):
    warm = np.ones((4, 4))
    solution.transpose_inplace(warm, 2)  # compile before measuring memory
    n = 2048  # 32 MiB: a full temporary copy would show up clearly
    a = np.random.default_rng(7).standard_normal((n, n))
    expected = a.T.copy()
    growth = peak_rss_growth(lambda: solution.transpose_inplace(a, 32))
    np.testing.assert_array_equal(a, expected)
    assert growth < 8 * 2**20, f"peak memory grew by {growth / 2**20:.0f} MiB for a 32 MiB matrix: a temporary copy"


@pytest.mark.hidden
def test_rejects_non_square_and_bad_block(solution):
    with pytest.raises(ValueError):
        solution.transpose_inplace(np.ones((3, 4)), 2)
    with pytest.raises(ValueError):
        solution.transpose_inplace(np.ones((3, 3)), 0)


@pytest.mark.hidden
def test_default_block_and_integer_dtype(solution):
    original = np.arange(70 * 70, dtype=np.int64).reshape(70, 70)
    a = original.copy()
    solution.transpose_inplace(a)
    assert a.dtype == np.int64
    np.testing.assert_array_equal(a, original.T)
