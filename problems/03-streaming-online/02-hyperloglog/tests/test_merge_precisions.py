import math

import pytest

from hll_oracle import as_registers, estimate, registers_of, users


def build(solution, p: int, items: list[str]):
    sketch = solution.HyperLogLog(p)
    for item in items:
        sketch.add(item)
    return sketch


def test_merge_same_precision_is_the_sketch_of_the_union(solution):
    monday, tuesday = users(0, 30_000), users(20_000, 50_000)  # 10,000 users active on both days
    a, b = build(solution, 11, monday), build(solution, 11, tuesday)
    a_before, b_before = as_registers(a), as_registers(b)
    union = a.merge(b)
    expected = registers_of(users(0, 50_000), 11)
    assert union.p == 11
    assert as_registers(union) == expected, "merged registers must equal those of a sketch fed the union"
    assert math.isclose(union.count(), estimate(expected), rel_tol=1e-9)
    assert as_registers(a) == a_before and as_registers(b) == b_before, "merge must not modify its inputs"
    assert as_registers(b.merge(a)) == expected, "merge must be symmetric"


def test_reduce_precision_matches_a_sketch_built_at_that_precision(solution):
    items = users(0, 20_000)
    sketch = build(solution, 14, items)
    before = as_registers(sketch)
    for p in (14, 13, 11, 8, 5, 4):
        folded = sketch.reduce_precision(p)
        assert folded.p == p
        expected = registers_of(items, p)
        got = as_registers(folded)
        if got != expected:
            j = next(i for i, (x, y) in enumerate(zip(got, expected)) if x != y)
            pytest.fail(f"14 -> {p}: register {j} is {got[j]}, expected {expected[j]} "
                        "(the dropped index bits become the first bits of w)")
        assert math.isclose(folded.count(), estimate(expected), rel_tol=1e-9)
    assert as_registers(sketch) == before, "reduce_precision must return a new sketch"


def test_merge_mixed_precisions_folds_to_the_lower_one(solution):
    shard_a, shard_b = users(0, 3_000), users(2_500, 4_000)  # few items: many registers still empty
    a, b = build(solution, 12, shard_a), build(solution, 7, shard_b)
    expected = registers_of(users(0, 4_000), 7)
    for union in (a.merge(b), b.merge(a)):
        assert union.p == 7
        assert as_registers(union) == expected
    assert a.p == 12 and as_registers(a) == registers_of(shard_a, 12), "merge must not modify its inputs"
    # A sparse high-precision sketch, folded far: empty registers must stay empty.
    sparse = build(solution, 16, users(0, 40))
    assert as_registers(sparse.reduce_precision(10)) == registers_of(users(0, 40), 10)


@pytest.mark.hidden
def test_invalid_precisions_rejected(solution):
    sketch = build(solution, 8, users(0, 10))
    for p in (9, 3, 0):
        with pytest.raises(ValueError):
            sketch.reduce_precision(p)
    for p in (3, 17):
        with pytest.raises(ValueError):
            solution.HyperLogLog(p)


@pytest.mark.hidden
def test_union_estimate_within_standard_error(solution):
    # Four daily shards of 15,000 users, overlapping by 5,000: 45,000 distinct in all.
    # Standard error 1.04 / sqrt(2048) = 2.3%; |E / n - 1| > 6 standard errors (13.8%)
    # has probability about 2e-9 under the normal approximation.
    days = [build(solution, 11, users(10_000 * d, 10_000 * d + 15_000)) for d in range(4)]
    union = days[0]
    for day in days[1:]:
        union = union.merge(day)
    n = 45_000
    assert abs(union.count() / n - 1) <= 6 * 1.04 / math.sqrt(2048)
    assert as_registers(union) == registers_of(users(0, n), 11)
