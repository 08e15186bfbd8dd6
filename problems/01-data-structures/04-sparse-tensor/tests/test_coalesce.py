import numpy as np
import pytest
from sparse_helpers import (
    LARGE_SHAPE,
    RATINGS,
    SPARSE_PEAK_LIMIT,
    assert_canonical,
    canonical,
    dense_of,
    entry_sums,
    peak_bytes,
    random_triples,
)


def ratings_tensor(solution):
    """The worked example's ratings, stored in reverse row-major order."""
    rows, cols = np.nonzero(RATINGS)
    rows, cols = rows[::-1], cols[::-1]
    return solution.SparseTensor(rows, cols, RATINGS[rows, cols], RATINGS.shape)


def integer_triples(rng, shape, nnz):
    """Coordinates with many repeats and small integer values (exact float sums, many zeros)."""
    flat = rng.integers(0, shape[0] * shape[1], size=nnz)
    return flat // shape[1], flat % shape[1], rng.integers(-2, 3, size=nnz).astype(np.float64)


def test_coalesce_worked_example(solution):
    # A log of likes: user 2 liked movie 1 twice, user 0 liked movie 3 and took it back,
    # and (3, 5) is an explicit zero.
    rows = [2, 0, 1, 2, 0, 3, 0]
    cols = [1, 3, 6, 1, 0, 5, 3]
    values = [1.0, 1.0, 1.0, 1.0, 1.0, 0.0, -1.0]
    log = solution.SparseTensor(rows, cols, values, (4, 8))
    assert_canonical(log.coalesce(), ([0, 1, 2], [0, 6, 1], [1.0, 1.0, 2.0]), (4, 8))


def test_coalesce_random_with_duplicates(solution):
    rng = np.random.default_rng(7)
    rows, cols, values = integer_triples(rng, (30, 40), 2000)
    tensor = solution.SparseTensor(rows, cols, values, (30, 40))
    result = tensor.coalesce()
    assert_canonical(result, canonical(entry_sums(rows, cols, values)), (30, 40))
    np.testing.assert_allclose(dense_of(result), dense_of(tensor))


@pytest.mark.part(2)
def test_add_and_multiply_worked_example(solution):
    ratings = ratings_tensor(solution)
    # Corrections: user 0 withdrew the 3 for movie 3, user 2 raised movie 1 from 2 to 3,
    # user 3 rated movie 7.
    corrections = solution.SparseTensor([2, 0, 3], [1, 3, 7], [1.0, -3.0, 2.0], (4, 8))
    assert_canonical(
        ratings.add(corrections),
        ([0, 1, 1, 2, 3, 3, 3], [0, 2, 6, 1, 3, 5, 7], [5.0, 4.0, 1.0, 3.0, 5.0, 4.0, 2.0]),
        (4, 8),
    )
    # A held-out mask built from two lists that both name (0, 3), with weight 0.5 each:
    # the product keeps the ratings at masked positions only.
    mask = solution.SparseTensor([3, 0, 2, 1, 0], [3, 3, 5, 2, 3], [1.0, 0.5, 1.0, 1.0, 0.5], (4, 8))
    assert_canonical(ratings.multiply(mask), ([0, 1, 3], [3, 2, 3], [3.0, 4.0, 5.0]), (4, 8))


@pytest.mark.part(2)
def test_add_and_multiply_stay_sparse(solution):
    rng = np.random.default_rng(7)
    rows, cols, values = random_triples(rng, LARGE_SHAPE, 3000)
    a = solution.SparseTensor(rows, cols, values, LARGE_SHAPE)
    # b shares 1000 coordinates with a (half of them cancel exactly) and adds 2000 new ones.
    other_rows, other_cols, other_values = random_triples(rng, LARGE_SHAPE, 2000)
    shared_values = np.where(np.arange(1000) % 2 == 0, -values[:1000], rng.uniform(0.5, 2.0, 1000))
    b_rows = np.concatenate([rows[:1000], other_rows])
    b_cols = np.concatenate([cols[:1000], other_cols])
    b_values = np.concatenate([shared_values, other_values])
    b = solution.SparseTensor(b_rows, b_cols, b_values, LARGE_SHAPE)
    sums_a, sums_b = entry_sums(rows, cols, values), entry_sums(b_rows, b_cols, b_values)

    total, peak = peak_bytes(lambda: a.add(b))
    expected_total = dict(sums_a)
    for key, value in sums_b.items():
        expected_total[key] = expected_total.get(key, 0.0) + value
    assert_canonical(total, canonical(expected_total), LARGE_SHAPE)
    assert peak < SPARSE_PEAK_LIMIT, f"add allocated {peak / 1e6:.1f} MB for two operands of 3000 entries; a dense 3000 x 4000 array is 96 MB"

    product, peak = peak_bytes(lambda: a.multiply(b))
    expected_product = {key: value * sums_b[key] for key, value in sums_a.items() if key in sums_b}
    assert_canonical(product, canonical(expected_product), LARGE_SHAPE)
    assert peak < SPARSE_PEAK_LIMIT, f"multiply allocated {peak / 1e6:.1f} MB for two operands of 3000 entries; a dense 3000 x 4000 array is 96 MB"


@pytest.mark.hidden
def test_coalesce_large_dimensions(solution):
    # 60000 fits int32, but the flat position 40000 * 60000 + 7 does not.
    shape = (60_000, 60_000)
    tensor = solution.SparseTensor([40_000, 0, 40_000, 59_999, 0], [7, 5, 7, 59_999, 5], [1.0, 2.0, 3.0, 4.0, 5.0], shape)
    assert_canonical(tensor.coalesce(), ([0, 40_000, 59_999], [5, 7, 59_999], [7.0, 4.0, 4.0]), shape)


@pytest.mark.hidden
def test_coalesce_leaves_input_alone_and_handles_empty(solution):
    rows, cols, values = [1, 0, 1], [2, 0, 2], [1.0, 0.0, 2.0]
    tensor = solution.SparseTensor(rows, cols, values, (2, 3))
    assert_canonical(tensor.coalesce(), ([1], [2], [3.0]), (2, 3))
    assert tensor.nnz == 3, "coalesce must return a new tensor and leave self unchanged"
    assert np.asarray(tensor.rows).tolist() == rows and np.asarray(tensor.cols).tolist() == cols
    assert np.asarray(tensor.values).tolist() == values
    empty = solution.SparseTensor([], [], [], (3, 4)).coalesce()
    assert empty.nnz == 0 and tuple(empty.shape) == (3, 4)
    cancelled = solution.SparseTensor([0, 0], [1, 1], [2.5, -2.5], (1, 2)).coalesce()
    assert cancelled.nnz == 0


@pytest.mark.hidden
@pytest.mark.part(2)
def test_operands_with_duplicates(solution):
    rng = np.random.default_rng(11)
    shape = (20, 30)
    a_triples, b_triples = integer_triples(rng, shape, 900), integer_triples(rng, shape, 700)
    a, b = solution.SparseTensor(*a_triples, shape), solution.SparseTensor(*b_triples, shape)
    sums_a, sums_b = entry_sums(*a_triples), entry_sums(*b_triples)
    total = {key: sums_a.get(key, 0.0) + sums_b.get(key, 0.0) for key in set(sums_a) | set(sums_b)}
    assert_canonical(a.add(b), canonical(total), shape)
    product = {key: sums_a[key] * sums_b[key] for key in set(sums_a) & set(sums_b)}
    assert_canonical(a.multiply(b), canonical(product), shape)
    assert_canonical(a.multiply(solution.SparseTensor([], [], [], shape)), ([], [], []), shape)


@pytest.mark.hidden
@pytest.mark.part(2)
def test_shape_mismatch(solution):
    a = solution.SparseTensor([0], [0], [1.0], (2, 3))
    b = solution.SparseTensor([0], [0], [1.0], (3, 2))
    with pytest.raises(ValueError):
        a.add(b)
    with pytest.raises(ValueError):
        a.multiply(b)
