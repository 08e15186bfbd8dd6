import numpy as np
import pytest
from sparse_helpers import COMEDY, LARGE_SHAPE, RATINGS, SCIFI, SPARSE_PEAK_LIMIT, dense_of, peak_bytes, random_triples


def scrambled(solution, rows, cols, values, shape, seed=None):
    """A tensor holding these unique triples in a random order (reversed when seed is None)."""
    order = np.arange(len(rows))[::-1] if seed is None else np.random.default_rng(seed).permutation(len(rows))
    rows, cols, values = np.asarray(rows)[order], np.asarray(cols)[order], np.asarray(values)[order]
    return solution.SparseTensor(rows, cols, values, shape)


def assert_csr_matches(csr, rows, cols, values, shape):
    """(indptr, indices, data) describe exactly these triples, columns ascending in each row."""
    indptr, indices, data = (np.asarray(a) for a in csr)
    n_rows, nnz = shape[0], len(rows)
    assert np.issubdtype(indptr.dtype, np.integer), f"indptr must be an integer array, got {indptr.dtype}"
    assert indptr.shape == (n_rows + 1,), f"indptr needs n_rows + 1 = {n_rows + 1} entries, got shape {indptr.shape}"
    assert indptr[0] == 0 and indptr[-1] == nnz, f"indptr must run from 0 to nnz = {nnz}, got {indptr[0]} .. {indptr[-1]}"
    assert np.all(np.diff(indptr) >= 0), "indptr must never decrease"
    assert indices.shape == (nnz,) and data.shape == (nnz,)
    expected: dict[int, list[tuple[int, float]]] = {i: [] for i in range(n_rows)}
    for r, c, v in zip(np.asarray(rows).tolist(), np.asarray(cols).tolist(), np.asarray(values).tolist()):
        expected[r].append((c, v))
    for i in range(n_rows):
        start, stop = int(indptr[i]), int(indptr[i + 1])
        got = list(zip(indices[start:stop].tolist(), data[start:stop].tolist()))
        assert got == sorted(expected[i]), f"row {i}: expected (col, value) pairs {sorted(expected[i])}, got {got}"


def test_worked_example_to_csr_and_matmul(solution):
    rows, cols = np.nonzero(RATINGS)
    tensor = scrambled(solution, rows, cols, RATINGS[rows, cols], RATINGS.shape)
    indptr, indices, data = tensor.to_csr()
    assert np.asarray(indptr).tolist() == [0, 2, 4, 5, 7]
    assert np.asarray(indices).tolist() == [0, 3, 2, 6, 1, 3, 5]
    assert np.asarray(data).tolist() == [5.0, 3.0, 4.0, 1.0, 2.0, 5.0, 4.0]
    genres = np.column_stack([SCIFI, COMEDY])
    np.testing.assert_allclose(tensor.matmul(genres), [[8.0, 0.0], [4.0, 1.0], [0.0, 2.0], [9.0, 0.0]])


def test_to_csr_with_empty_rows(solution):
    rng = np.random.default_rng(7)
    shape = (50, 40)
    # Rows 0-2, 20-24 and 47-49 stay empty: the first, some middle and the last rows.
    allowed_rows = np.array([r for r in range(50) if 3 <= r < 47 and not 20 <= r < 25])
    flat = rng.choice(allowed_rows.size * 40, size=300, replace=False)
    rows, cols = allowed_rows[flat // 40], flat % 40
    values = rng.normal(size=300)
    tensor = scrambled(solution, rows, cols, values, shape, seed=7)
    assert_csr_matches(tensor.to_csr(), rows, cols, values, shape)
    b = rng.normal(size=(40, 5))
    np.testing.assert_allclose(tensor.matmul(b), dense_of(tensor) @ b, rtol=1e-10, atol=1e-10)


def test_matmul_random(solution):
    rng = np.random.default_rng(3)
    shape = (70, 60)
    rows, cols, values = random_triples(rng, shape, 900)
    tensor = scrambled(solution, rows, cols, values, shape, seed=3)
    b = rng.normal(size=(60, 6))
    np.testing.assert_allclose(tensor.matmul(b), dense_of(tensor) @ b, rtol=1e-10, atol=1e-10)


def test_matmul_stays_sparse(solution):
    rng = np.random.default_rng(7)
    rows, cols, values = random_triples(rng, LARGE_SHAPE, 3000)
    tensor = solution.SparseTensor(rows, cols, values, LARGE_SHAPE)
    b = rng.normal(size=(LARGE_SHAPE[1], 8))
    expected = np.zeros((LARGE_SHAPE[0], 8))
    np.add.at(expected, rows, values[:, None] * b[cols])
    result, peak = peak_bytes(lambda: tensor.matmul(b))
    np.testing.assert_allclose(result, expected, rtol=1e-10, atol=1e-10)
    assert peak < SPARSE_PEAK_LIMIT, (
        f"matmul allocated {peak / 1e6:.1f} MB for 3000 entries and an 8-column b; "
        "the dense 3000 x 4000 matrix is 96 MB: never build A densely"
    )


@pytest.mark.hidden
def test_empty_tensor(solution):
    tensor = solution.SparseTensor([], [], [], (3, 5))
    assert_csr_matches(tensor.to_csr(), [], [], [], (3, 5))
    result = tensor.matmul(np.ones((5, 2)))
    np.testing.assert_array_equal(result, np.zeros((3, 2)))
    assert_csr_matches(solution.SparseTensor([], [], [], (0, 5)).to_csr(), [], [], [], (0, 5))


@pytest.mark.hidden
def test_matmul_shape_errors(solution):
    rows, cols = np.nonzero(RATINGS)
    tensor = solution.SparseTensor(rows, cols, RATINGS[rows, cols], RATINGS.shape)
    with pytest.raises(ValueError):
        tensor.matmul(np.ones((4, 2)))  # n_rows rows instead of n_cols
    with pytest.raises(ValueError):
        tensor.matmul(np.ones(8))  # 1-D: use a (8, 1) matrix
