import math
from functools import reduce

import numpy as np
import pytest


def _feed(solution, values):
    stats = solution.RunningStats()
    for x in values:
        stats.update(x)
    return stats


def _assert_matches(stats, values, rel_tol, label=""):
    values = np.asarray(values, dtype=np.float64)
    assert stats.count == len(values), f"{label}: count"
    assert math.isclose(stats.mean, float(np.mean(values)), rel_tol=rel_tol), f"{label}: mean {stats.mean}"
    assert math.isclose(stats.variance(0), float(np.var(values)), rel_tol=rel_tol), f"{label}: variance(0) {stats.variance(0)}"
    assert math.isclose(stats.variance(1), float(np.var(values, ddof=1)), rel_tol=rel_tol), f"{label}: variance(1)"


def test_merge_of_splits_matches_single_pass(solution):
    merged = _feed(solution, [4, 7]).merge(_feed(solution, [13, 16]))
    assert merged.count == 4
    assert math.isclose(merged.mean, 10.0) and math.isclose(merged.variance(0), 22.5)
    values = np.random.default_rng(7).normal(loc=3.0, scale=2.0, size=1_000)
    values[600:] += 25.0  # the two halves have different means: the merge must add the gap
    for cut in (1, 400, 600, 999):
        merged = _feed(solution, values[:cut].tolist()).merge(_feed(solution, values[cut:].tolist()))
        # Both paths are accurate to ~1e-13 on data of this scale; 1e-9 is slack for rounding order.
        _assert_matches(merged, values, 1e-9, f"split at {cut}")


def test_merge_with_empty_leaves_operands_unchanged(solution):
    full = _feed(solution, [2.0, 4.0, 9.0])
    empty = solution.RunningStats()
    for merged in (full.merge(empty), empty.merge(full)):
        _assert_matches(merged, [2.0, 4.0, 9.0], 1e-12, "merge with empty")
        assert merged is not full and merged is not empty, "merge returns a new accumulator, even with an empty operand"
    nothing = empty.merge(solution.RunningStats())
    assert nothing.count == 0
    with pytest.raises(ValueError):
        _ = nothing.mean
    a, b = _feed(solution, [1.0, 2.0]), _feed(solution, [10.0])
    merged = a.merge(b)
    assert merged is not a and merged is not b, "merge returns a new accumulator"
    _assert_matches(a, [1.0, 2.0], 1e-12, "left operand after merge")
    assert b.count == 1 and b.mean == 10.0 and b.variance(0) == 0.0, "right operand modified by merge"
    _assert_matches(merged, [1.0, 2.0, 10.0], 1e-12, "merged")


def test_merge_is_associative(solution):
    rng = np.random.default_rng(3)
    sizes = [1, 7, 50, 2, 300, 33, 5, 120]
    shards = [rng.normal(loc=100.0 * i, scale=1.0 + i, size=size) for i, size in enumerate(sizes)]
    everything = np.concatenate(shards)
    parts = [_feed(solution, shard.tolist()) for shard in shards]
    left_fold = reduce(lambda a, b: a.merge(b), parts)
    right_fold = reduce(lambda a, b: b.merge(a), reversed(parts))
    level = parts
    while len(level) > 1:  # a balanced tree, as an all-reduce over 8 workers would build
        level = [level[i].merge(level[i + 1]) for i in range(0, len(level), 2)]
    for label, merged in (("left fold", left_fold), ("right fold", right_fold), ("tree", level[0])):
        _assert_matches(merged, everything, 1e-9, label)


def test_merge_large_offset_shards(solution):
    # 1e9 + N(0, 1) in 10 shards. x - 1e9 is exact for these doubles, so the two-pass
    # variance of the shifted values is the reference (~1e-15 relative). A deviation-based
    # accumulator is good to ~1e-7 relative (inputs carry ulp(1e9)/2 ≈ 6e-8 of rounding
    # against deviations of size 1); 1e-6 is the margin. Sum/sum-of-squares states are off by ~1e4.
    noise = np.random.default_rng(5).normal(size=6_000)
    values = 1e9 + noise
    parts = [_feed(solution, chunk.tolist()) for chunk in np.array_split(values, 10)]
    merged = reduce(lambda a, b: a.merge(b), parts)
    shifted = values - 1e9
    assert merged.count == 6_000
    assert math.isclose(merged.variance(0), float(np.var(shifted)), rel_tol=1e-6), f"got {merged.variance(0)}"
    assert math.isclose(merged.variance(1), float(np.var(shifted, ddof=1)), rel_tol=1e-6)
    assert abs(merged.mean - (1e9 + float(np.mean(shifted)))) < 1e-5


@pytest.mark.hidden
def test_update_after_merge(solution):
    merged = _feed(solution, [1.0, 5.0]).merge(_feed(solution, [2.0]))
    merged.update(8.0)
    merged.update(-3.0)
    _assert_matches(merged, [1.0, 5.0, 2.0, 8.0, -3.0], 1e-12, "update after merge")
    single = solution.RunningStats().merge(_feed(solution, [7.0]))
    assert single.count == 1 and single.mean == 7.0 and single.variance(0) == 0.0
    with pytest.raises(ValueError):
        single.variance(1)


@pytest.mark.hidden
def test_merge_is_symmetric(solution):
    a = _feed(solution, [0.5, 1.5, 9.0, -2.0])
    b = _feed(solution, [30.0, 31.0])
    ab, ba = a.merge(b), b.merge(a)
    assert ab.count == ba.count == 6
    assert math.isclose(ab.mean, ba.mean, rel_tol=1e-12)
    assert math.isclose(ab.variance(1), ba.variance(1), rel_tol=1e-12)
