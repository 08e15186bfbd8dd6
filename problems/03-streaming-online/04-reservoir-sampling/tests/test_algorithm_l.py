import math
import random
import tracemalloc

import pytest

from reservoir_stats import ALPHA, CountingRandom, check_sample_shape, inclusion_test, run_uniform


def _feed(solution, k: int, rng: random.Random, n: int) -> list:
    sampler = solution.ReservoirSampler(k, rng)
    for position in range(n):
        sampler.add(position)
    return sampler.sample()


def test_fills_then_keeps_k_distinct_items(solution):
    for seed in range(5):
        sampler = solution.ReservoirSampler(4, random.Random(seed))
        assert list(sampler.sample()) == [], "an empty stream has an empty sample"
        for i in range(1, 41):  # i = 1-based number of items added so far
            sampler.add(i - 1)
            sample = sampler.sample()
            if i <= 4:
                assert sorted(sample) == list(range(i)), f"while i <= k every item is kept: after {i} items got {sorted(sample)}"
            check_sample_shape(sample, range(i), 4, f"seed {seed}, after {i} items")
    assert sorted(_feed(solution, 5, random.Random(1), 3)) == [0, 1, 2], "a stream shorter than k is kept whole"
    check_sample_shape(_feed(solution, 1, random.Random(2), 500), range(500), 1, "k = 1")
    first = sorted(_feed(solution, 5, random.Random(9), 300))
    assert sorted(_feed(solution, 5, random.Random(9), 300)) == first, "the same seed must give the same sample"


def test_every_position_equally_likely(solution):
    # Bound, as for Algorithm R (see reservoir_stats.inclusion_test): the k kept positions of one
    # run are a uniform k-subset, so Pearson's X over the bins, scaled by (n - 1)/(n - k), is
    # asymptotically chi-square with bins - 1 df; failing at p < 1e-9 means a correct sampler
    # fails with probability ~1e-9 per check. Short stream: 10,000 runs of n = 10, k = 3, one
    # bin per position (threshold 60.7 on 9 df). Long stream: 400 runs of n = 1,000, k = 5,
    # positions grouped into 10 bins of 100, which exercises the skips over many entries.
    # The mutants (no +1 on the skip, ceil instead of floor, W not shrunk or shrunk by U instead
    # of U**(1/k), log W for log(1 - W)) give p < 1e-100 on the short stream.
    for n, k, runs, bins in [(10, 3, 10_000, 10), (1_000, 5, 400, 10)]:
        samples = run_uniform(solution.ReservoirSampler, n, k, runs=runs, seed=11)
        for sample in samples[:100]:
            check_sample_shape(sample, range(n), k, f"a run of n = {n}, k = {k}")
        statistic, p_value, counts = inclusion_test(samples, n, k, bins=bins)
        shares = [round(c / (runs * k), 3) for c in counts]
        assert p_value > ALPHA, (
            f"n = {n}, k = {k}: share of kept positions per bin {shares}, expected {1 / bins} each "
            f"(chi-square p = {p_value:.1e})")


def test_random_draws_grow_like_k_log_n_over_k(solution):
    # A draw is one call of rng.random() or rng.getrandbits(), the primitives behind every other
    # random.Random method. Bound: after the fill, item i enters with probability k/i,
    # independently, so the number of entries X has mean mu = k (H_n - H_k) = 91.6 for
    # n = 100,000, k = 10. Chernoff: P(X >= 300) <= (e^d / (1 + d)^(1 + d))^mu with
    # 1 + d = 300/mu, which is below 1e-63. Allowing up to 6 draws per entry (Algorithm L uses 3,
    # randrange may retry) plus a few for the fill gives 2,000. Algorithm R makes at least
    # n - k = 99,990 (146,193 with randrange here); the reference Algorithm L makes 314 to 363.
    n, k = 100_000, 10
    mu = k * (sum(1 / i for i in range(k + 1, n + 1)))
    assert math.isclose(mu, 91.6, abs_tol=0.05)
    for seed in (1, 2, 3):
        rng = CountingRandom(seed)
        sample = _feed(solution, k, rng, n)
        check_sample_shape(sample, range(n), k, f"n = {n}, seed {seed}")
        assert rng.draws <= 2_000, f"{rng.draws} random draws for n = {n}, k = {k}: expected O(k log(n/k)), about 300"


@pytest.mark.hidden
def test_memory_is_o_of_k(solution):
    items = list(range(50_000))
    sampler = solution.ReservoirSampler(10, random.Random(3))
    tracemalloc.start()
    try:
        for item in items:
            sampler.add(item)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Keeping every item costs at least one 8-byte reference each: 400 kB for 50,000 items.
    assert peak < 64_000, f"peak allocation {peak / 1e3:.0f} kB while streaming 50,000 items with k = 10: O(n) memory"


@pytest.mark.hidden
def test_invalid_k_and_copy(solution):
    for k in (0, -3):
        with pytest.raises(ValueError):
            solution.ReservoirSampler(k, random.Random(0))
    sampler = solution.ReservoirSampler(3, random.Random(4))
    for item in range(10):
        sampler.add(item)
    snapshot = sorted(sampler.sample())
    sampler.sample().clear()
    assert sorted(sampler.sample()) == snapshot, "editing the returned list changed the reservoir"


@pytest.mark.hidden
def test_k_equal_one_long_stream_is_uniform(solution):
    # k = 1: the kept position over 1,000 runs of n = 1,000, in 10 bins of 100 positions. With
    # one item per run the bin counts are multinomial ((n - k)/(n - 1) = 1), so Pearson's X is
    # chi-square with 9 df; the test fails at p < 1e-9.
    samples = run_uniform(solution.ReservoirSampler, 1_000, 1, runs=1_000, seed=5)
    statistic, p_value, counts = inclusion_test(samples, 1_000, 1, bins=10)
    assert p_value > ALPHA, f"k = 1: runs keeping a position in each bin of 100: {counts}, expected 100 each (p = {p_value:.1e})"
