import numpy as np
import pytest

from cms_oracle import (
    EXAMPLE_PARAMS, EXAMPLE_STREAM, PRIME, as_params, as_table, conservative_table, estimate, plain_table,
    true_counts, zipf_stream,
)


def test_worked_example_2x4(solution):
    sketch = solution.ConservativeCountMinSketch(width=4, depth=2, hash_params=EXAMPLE_PARAMS)
    for item, count in EXAMPLE_STREAM:
        sketch.update(item, count)
    # The plain sketch ends at [[1, 4, 3, 0], [3, 4, 0, 1]]; conservative update skips three increments.
    np.testing.assert_array_equal(as_table(sketch), [[1, 3, 3, 0], [3, 3, 0, 1]])
    estimates = {item: sketch.query(item) for item in ["weather", "news", "maps", "pizza", "flights", "translate"]}
    assert estimates == {"weather": 3, "news": 3, "maps": 3, "pizza": 1, "flights": 3, "translate": 0}


def test_matches_the_rule_on_weighted_updates(solution):
    rng = np.random.default_rng(7)
    params = [(int(a), int(b)) for a, b in zip(rng.integers(1, PRIME, 4), rng.integers(0, PRIME, 4))]
    items = [f"flow-{i}" for i in range(60)]
    stream = [(items[i], int(c)) for i, c in zip(rng.integers(0, 60, 400), rng.integers(0, 9, 400))]
    sketch = solution.ConservativeCountMinSketch(width=16, depth=4, hash_params=params)
    for item, count in stream:
        sketch.update(item, count)
    expected = conservative_table(params, 16, stream)
    np.testing.assert_array_equal(
        as_table(sketch), expected, err_msg="each counter must become max(counter, old estimate + count)")
    for item in items:
        assert sketch.query(item) == estimate(expected, params, 16, item)


def test_never_below_truth_never_above_plain(solution):
    # Two invariants that hold for every stream of non-negative counts, with no probability
    # involved: conservative counters never exceed the plain sketch's (same hash functions), and
    # every item's counters stay >= its true count. Any failure is a wrong update rule.
    rng = np.random.default_rng(3)
    items = zipf_stream(seed=3, n_items=1000, length=6000, exponent=1.0)
    stream = [(item, int(c)) for item, c in zip(items, rng.integers(1, 6, len(items)))]
    sketch = solution.ConservativeCountMinSketch(width=64, depth=4, seed=8)
    for item, count in stream:
        sketch.update(item, count)
    params = as_params(sketch)
    assert len(params) == 4 and len(set(params)) == 4, "every row needs its own (a, b)"
    plain = plain_table(params, 64, stream)
    truth = true_counts([])
    for item, count in stream:
        truth[item] += count
    conservative_error = plain_error = 0
    for item, count in truth.items():
        got, upper = sketch.query(item), estimate(plain, params, 64, item)
        assert count <= got <= upper, (
            f"query({item!r}) = {got}: must lie between the true count {count} and the plain estimate {upper}")
        conservative_error += got - count
        plain_error += upper - count
    assert conservative_error < plain_error, "conservative update should lower the total overestimate"


@pytest.mark.hidden
def test_invalid_arguments_and_seeding(solution):
    sketch = solution.ConservativeCountMinSketch(width=8, depth=3, seed=5)
    with pytest.raises(ValueError):
        sketch.update("x", -1)
    for kwargs in [dict(width=0, depth=2), dict(width=4, depth=0), dict(width=4, depth=2, hash_params=[(1, 0)])]:
        with pytest.raises(ValueError):
            solution.ConservativeCountMinSketch(**kwargs)
    again = solution.ConservativeCountMinSketch(width=8, depth=3, seed=5)
    assert as_params(again) == as_params(sketch)
    assert as_params(solution.ConservativeCountMinSketch(width=8, depth=3, seed=6)) != as_params(sketch)


@pytest.mark.hidden
def test_heavy_item_exact_after_light_noise(solution):
    # Unit updates of many light items, then one heavy item: its estimate is its count plus the
    # smallest noise among its rows, and the plain-sketch bound still holds.
    params = [(31, 7), (1_000_003, 11), (2**40 + 15, 123)]
    stream = [(f"light-{i}", 1) for i in range(200)] + [("heavy", 500)]
    sketch = solution.ConservativeCountMinSketch(width=32, depth=3, hash_params=params)
    for item, count in stream:
        sketch.update(item, count)
    expected = conservative_table(params, 32, stream)
    np.testing.assert_array_equal(as_table(sketch), expected)
    assert 500 <= sketch.query("heavy") <= estimate(plain_table(params, 32, stream), params, 32, "heavy")
