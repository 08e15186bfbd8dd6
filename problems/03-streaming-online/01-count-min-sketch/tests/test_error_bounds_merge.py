import math

import numpy as np
import pytest

from cms_oracle import EXAMPLE_PARAMS, EXAMPLE_STREAM, as_params, as_table, plain_table, true_counts, zipf_stream


def test_from_error_sizes_the_table(solution):
    # width = ceil(e / epsilon), depth = ceil(ln(1 / delta)) (Cormode & Muthukrishnan 2005).
    for epsilon, delta, width, depth in [
        (0.01, 0.01, 272, 5),      # e / 0.01 = 271.83, ln 100 = 4.61
        (0.001, 0.001, 2719, 7),   # 2718.28, ln 1000 = 6.91
        (0.05, 1e-6, 55, 14),      # 54.37, ln 10^6 = 13.82
        (0.5, 0.5, 6, 1),          # 5.44, ln 2 = 0.69
    ]:
        sketch = solution.CountMinSketch.from_error(epsilon, delta, seed=1)
        assert (sketch.width, sketch.depth) == (width, depth), (
            f"from_error({epsilon}, {delta}) should be {width} wide and {depth} deep, got {sketch.width} x {sketch.depth}")
        assert as_table(sketch).shape == (depth, width) and sketch.total == 0
    for epsilon, delta in [(0.0, 0.1), (-0.1, 0.1), (0.1, 0.0), (0.1, 1.0)]:
        with pytest.raises(ValueError):
            solution.CountMinSketch.from_error(epsilon, delta)


def test_merge_equals_sketch_of_concatenated_stream(solution):
    stream = zipf_stream(seed=5, n_items=500, length=3000, exponent=1.1)
    left = solution.CountMinSketch.from_error(0.02, 0.01, seed=42)
    right = solution.CountMinSketch.from_error(0.02, 0.01, seed=42)
    whole = solution.CountMinSketch.from_error(0.02, 0.01, seed=42)
    for i, item in enumerate(stream):
        (left if i % 3 else right).update(item, 1 + i % 2)
        whole.update(item, 1 + i % 2)
    right_table = as_table(right).copy()
    left.merge(right)
    np.testing.assert_array_equal(as_table(left), as_table(whole), err_msg="merged counters must add cell by cell")
    assert left.total == whole.total == sum(1 + i % 2 for i in range(len(stream)))
    np.testing.assert_array_equal(as_table(right), right_table, err_msg="merge must not modify the other sketch")
    for item in set(stream):
        assert left.query(item) == whole.query(item)


def test_merge_rejects_incompatible_sketches(solution):
    base = solution.CountMinSketch.from_error(0.05, 0.01, seed=1)
    base.update("a")
    for other in [
        solution.CountMinSketch.from_error(0.05, 0.01, seed=2),   # same shape, other hash functions
        solution.CountMinSketch.from_error(0.04, 0.01, seed=1),   # other width
        solution.CountMinSketch.from_error(0.05, 0.001, seed=1),  # other depth
    ]:
        other.update("a")
        with pytest.raises(ValueError):
            base.merge(other)
    assert base.query("a") == 1 and base.total == 1, "a rejected merge must leave the sketch unchanged"


def test_error_bound_holds_with_stated_probability(solution):
    # from_error(0.01, 1e-9) is 272 x 21. Cormode & Muthukrishnan's argument: per row the excess
    # over a_i has mean <= N/w (universal hashing), so by Markov P[excess >= eps*N] <= 1/(eps*w)
    # <= 1/e; the rows are independent, so P[estimate > a_i + eps*N] <= e^-21 <= delta = 1e-9 per
    # item. A union bound over the <= 2,000 distinct items gives a failure probability <= 2e-6 for
    # a correct sketch; the seeds are fixed, so the verdict never changes between runs.
    epsilon = 0.01
    sketch = solution.CountMinSketch.from_error(epsilon, 1e-9, seed=11)
    stream = zipf_stream(seed=7, n_items=2000, length=20_000, exponent=1.1)
    for item in stream:
        sketch.update(item)
    assert sketch.total == len(stream)
    bound = epsilon * sketch.total
    for item, count in true_counts(stream).items():
        got = sketch.query(item)
        assert count <= got <= count + bound, f"query({item!r}) = {got}, true count {count}, allowed up to {count + bound:.0f}"


@pytest.mark.hidden
def test_worked_example_and_rule(solution):
    sketch = solution.CountMinSketch(width=4, depth=2, hash_params=EXAMPLE_PARAMS)
    for item, count in EXAMPLE_STREAM:
        sketch.update(item, count)
    np.testing.assert_array_equal(as_table(sketch), [[1, 4, 3, 0], [3, 4, 0, 1]])
    assert [sketch.query(q) for q in ["weather", "maps", "flights", "translate"]] == [3, 4, 4, 0]
    assert sketch.total == 8
    seeded = solution.CountMinSketch(width=50, depth=3, seed=9)
    items = zipf_stream(seed=2, n_items=100, length=400, exponent=1.0)
    for item in items:
        seeded.update(item)
    params = as_params(seeded)
    assert len(set(params)) == 3
    np.testing.assert_array_equal(as_table(seeded), plain_table(params, 50, [(i, 1) for i in items]))


@pytest.mark.hidden
def test_negative_count_rejected(solution):
    sketch = solution.CountMinSketch.from_error(0.1, 0.1)
    with pytest.raises(ValueError):
        sketch.update("x", -3)
    assert sketch.total == 0 and math.isclose(float(as_table(sketch).sum()), 0.0)
