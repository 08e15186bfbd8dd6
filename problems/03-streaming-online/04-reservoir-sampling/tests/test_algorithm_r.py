import random
import tracemalloc

import pytest

from reservoir_stats import ALPHA, check_sample_shape, inclusion_test, run_uniform


def _feed(solution, k: int, seed: int, n: int) -> list:
    sampler = solution.ReservoirSampler(k, random.Random(seed))
    for position in range(n):
        sampler.add(position)
    return sampler.sample()


def test_fills_then_keeps_k_distinct_items(solution):
    for seed in range(5):
        sampler = solution.ReservoirSampler(4, random.Random(seed))
        assert list(sampler.sample()) == [], "an empty stream has an empty sample"
        for i in range(1, 31):  # i = 1-based number of items added so far
            sampler.add(i - 1)
            sample = sampler.sample()
            if i <= 4:
                assert sorted(sample) == list(range(i)), f"while i <= k every item is kept: after {i} items got {sorted(sample)}"
            check_sample_shape(sample, range(i), 4, f"seed {seed}, after {i} items")
    assert sorted(_feed(solution, 5, 1, 3)) == [0, 1, 2], "a stream shorter than k is kept whole"
    check_sample_shape(_feed(solution, 1, 2, 50), range(50), 1, "k = 1")


def test_seeded_rng_makes_runs_reproducible(solution):
    state = random.getstate()
    try:
        samples = []
        for seed in range(1, 6):
            random.seed(100 + seed)  # the global generator must play no part
            first = sorted(_feed(solution, 5, seed, 200))
            random.seed(999)
            second = sorted(_feed(solution, 5, seed, 200))
            assert first == second, f"two runs with random.Random({seed}) gave {first} and {second}: draw only from rng"
            samples.append(first)
    finally:
        random.setstate(state)
    # Two seeds give the same 5 of 200 positions with probability 1/C(200, 5) < 1e-9 for a correct sampler.
    assert len({tuple(s) for s in samples}) > 1, "different rng seeds gave identical samples: the rng is ignored"


def test_every_position_equally_likely(solution):
    # 10,000 runs of n = 10, k = 3: every position must be kept in 3/10 of the runs.
    # Derivation of the bound (see reservoir_stats.inclusion_test): the positions of one run are a
    # uniform 3-subset, so Pearson's X over the 10 positions, scaled by (n - 1)/(n - k) = 9/7,
    # is asymptotically chi-square with 9 df. Failing at p < 1e-9 (X * 9/7 > 60.7) means a correct
    # sampler fails with probability ~1e-9. Entering with probability k/(i + 1) or k/(i - 1)
    # instead of k/i moves the first three positions to 4/11 or 2/9 and gives p < 1e-140.
    n, k = 10, 3
    samples = run_uniform(solution.ReservoirSampler, n, k, runs=10_000, seed=7)
    for sample in samples[:200]:
        check_sample_shape(sample, range(n), k, "a run of n = 10, k = 3")
    statistic, p_value, counts = inclusion_test(samples, n, k, bins=n)
    frequencies = [round(c / len(samples), 3) for c in counts]
    assert p_value > ALPHA, f"inclusion frequencies by position {frequencies}, expected 0.3 each (chi-square p = {p_value:.1e})"


def test_memory_is_o_of_k(solution):
    items = list(range(50_000))  # created before tracing: only what the sampler keeps is measured
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
    check_sample_shape(sampler.sample(), items, 10, "after 50,000 items")


@pytest.mark.hidden
def test_invalid_k_rejected(solution):
    for k in (0, -3):
        with pytest.raises(ValueError):
            solution.ReservoirSampler(k, random.Random(0))


@pytest.mark.hidden
def test_sample_is_a_new_list(solution):
    sampler = solution.ReservoirSampler(3, random.Random(4))
    for item in range(10):
        sampler.add(item)
    first = sampler.sample()
    snapshot = sorted(first)
    first.clear()
    first.append("not an item")
    assert sorted(sampler.sample()) == snapshot, "editing the returned list changed the reservoir"


@pytest.mark.hidden
def test_any_objects_and_long_stream(solution):
    # Items are arbitrary objects (here unhashable dicts, never compared or hashed); after
    # 100,000 of them the sample still holds k distinct ones.
    sampler = solution.ReservoirSampler(3, random.Random(5))
    items = [{"event": i} for i in range(100_000)]
    for item in items:
        sampler.add(item)
    kept = [d["event"] for d in sampler.sample()]
    check_sample_shape(kept, range(100_000), 3, "dict items")
