import numpy as np
import pytest
from sparse_helpers import LARGE_SHAPE, RATINGS, SCIFI, SPARSE_PEAK_LIMIT, dense_of, peak_bytes, random_triples


def test_worked_example(solution):
    tensor = solution.SparseTensor.from_dense(RATINGS)
    assert tensor.nnz == 7, f"the 4 x 8 example has 7 ratings, nnz was {tensor.nnz}"
    assert tuple(tensor.shape) == (4, 8)
    assert tensor.memory_bytes() == 112, "7 entries x (4 + 4 + 8) bytes: int32 indices, float64 values"
    np.testing.assert_array_equal(dense_of(tensor), RATINGS)  # the stored rows, cols, values
    np.testing.assert_array_equal(tensor.to_dense(), RATINGS)
    np.testing.assert_allclose(tensor.matvec(SCIFI), [8.0, 4.0, 0.0, 9.0])


def test_constructor_contract(solution):
    small = solution.SparseTensor([0, 2], [1, 5], [1.5, -2.0], (3, 6))
    assert small.rows.dtype == np.int32 and small.cols.dtype == np.int32
    assert small.values.dtype == np.float64
    assert small.memory_bytes() == 2 * (4 + 4 + 8)
    wide = solution.SparseTensor([0, 2], [7, 2_999_999_999], [1.0, 2.0], (3, 3_000_000_000))
    assert wide.rows.dtype == np.int64 and wide.cols.dtype == np.int64, "a dimension above 2**31 - 1 needs int64 indices"
    assert wide.memory_bytes() == 2 * (8 + 8 + 8)
    with pytest.raises(ValueError):
        solution.SparseTensor([0, 3], [1, 1], [1.0, 1.0], (3, 6))  # row 3 of a 3-row matrix
    with pytest.raises(ValueError):
        solution.SparseTensor([0, 1], [1, -1], [1.0, 1.0], (3, 6))  # negative column
    with pytest.raises(ValueError):
        solution.SparseTensor([0, 1], [1, 2], [1.0], (3, 6))  # lengths differ


def test_random_round_trip_and_matvec(solution):
    rng = np.random.default_rng(7)
    dense = rng.normal(size=(60, 90)) * (rng.random((60, 90)) < 0.1)
    tensor = solution.SparseTensor.from_dense(dense)
    assert tensor.nnz == np.count_nonzero(dense)
    np.testing.assert_array_equal(tensor.to_dense(), dense)
    x = rng.normal(size=90)
    np.testing.assert_allclose(tensor.matvec(x), dense @ x, rtol=1e-10, atol=1e-10)


def test_matvec_stays_sparse(solution):
    rng = np.random.default_rng(7)
    rows, cols, values = random_triples(rng, LARGE_SHAPE, 3000)
    tensor = solution.SparseTensor(rows, cols, values, LARGE_SHAPE)
    x = rng.normal(size=LARGE_SHAPE[1])
    expected = np.zeros(LARGE_SHAPE[0])
    np.add.at(expected, rows, values * x[cols])
    result, peak = peak_bytes(lambda: tensor.matvec(x))
    np.testing.assert_allclose(result, expected, rtol=1e-10, atol=1e-10)
    assert peak < SPARSE_PEAK_LIMIT, (
        f"matvec allocated {peak / 1e6:.1f} MB for 3000 entries; the dense 3000 x 4000 matrix is 96 MB: "
        "work on the entries, never on an n_rows x n_cols array"
    )


@pytest.mark.hidden
def test_duplicates_are_summed(solution):
    tensor = solution.SparseTensor([1, 0, 1, 1], [2, 0, 2, 2], [1.0, 4.0, 2.0, -0.5], (2, 3))
    assert tensor.nnz == 4, "the constructor stores the entries as given, duplicates included"
    np.testing.assert_allclose(tensor.to_dense(), [[4.0, 0.0, 0.0], [0.0, 0.0, 2.5]])
    np.testing.assert_allclose(tensor.matvec([1.0, 1.0, 2.0]), [4.0, 5.0])


@pytest.mark.hidden
def test_empty_tensors(solution):
    zeros = solution.SparseTensor.from_dense(np.zeros((3, 5)))
    assert zeros.nnz == 0 and zeros.memory_bytes() == 0
    np.testing.assert_array_equal(zeros.to_dense(), np.zeros((3, 5)))
    np.testing.assert_array_equal(zeros.matvec(np.ones(5)), np.zeros(3))
    none = solution.SparseTensor([], [], [], (0, 4))
    assert none.nnz == 0
    assert none.to_dense().shape == (0, 4)
    assert np.asarray(none.matvec(np.ones(4))).shape == (0,)


@pytest.mark.hidden
def test_shape_errors(solution):
    tensor = solution.SparseTensor.from_dense(RATINGS)
    with pytest.raises(ValueError):
        tensor.matvec(np.ones(4))  # n_rows entries instead of n_cols
    with pytest.raises(ValueError):
        solution.SparseTensor.from_dense(np.ones(5))
    with pytest.raises(ValueError):
        solution.SparseTensor([], [], [], (-1, 4))  # a negative dimension
    with pytest.raises(ValueError):
        solution.SparseTensor([[0, 1]], [[1, 2]], [[1.0, 2.0]], (3, 3))  # 2-D triples are not flattened
