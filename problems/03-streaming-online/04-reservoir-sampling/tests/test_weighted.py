import math
import random
import tracemalloc
from collections import Counter

import pytest

from reservoir_stats import ALPHA, check_sample_shape, goodness_of_fit, successive_sampling_probabilities


def _run(solution, weights: list[float], k: int, runs: int, seed: int) -> Counter:
    """How often each sample (as a frozenset of positions) came out over `runs` fresh samplers."""
    rng = random.Random(seed)
    outcomes: Counter = Counter()
    for _ in range(runs):
        sampler = solution.WeightedReservoirSampler(k, rng)
        for position, weight in enumerate(weights):
            sampler.add(position, weight)
        sample = sampler.sample()
        check_sample_shape(sample, range(len(weights)), k, f"weights {weights}, k = {k}")
        outcomes[frozenset(sample)] += 1
    return outcomes


def test_fills_then_keeps_k_distinct_items(solution):
    weight_rng = random.Random(99)
    for seed in range(5):
        sampler = solution.WeightedReservoirSampler(4, random.Random(seed))
        assert list(sampler.sample()) == [], "an empty stream has an empty sample"
        for i in range(1, 31):
            sampler.add(i - 1, weight_rng.uniform(0.1, 10.0))
            sample = sampler.sample()
            if i <= 4:
                assert sorted(sample) == list(range(i)), f"while i <= k every item is kept: after {i} items got {sorted(sample)}"
            check_sample_shape(sample, range(i), 4, f"seed {seed}, after {i} items")
    for bad in (0.0, -1.0, math.nan, math.inf):
        sampler = solution.WeightedReservoirSampler(2, random.Random(0))
        with pytest.raises(ValueError):
            sampler.add("x", bad)


def test_one_item_chosen_in_proportion_to_weight(solution):
    # k = 1: item i must be the sample with probability w_i / sum(w). Over 20,000 independent runs
    # the counts are multinomial, so Pearson's statistic is asymptotically chi-square with
    # n - 1 = 4 df and the test fails at p < 1e-9 (a correct sampler fails with probability
    # ~1e-9). The key u * w picks the heaviest item 76% of the time instead of 50% (p < 1e-100).
    weights = [1.0, 2.0, 3.0, 4.0, 10.0]
    runs = 20_000
    outcomes = _run(solution, weights, 1, runs, seed=7)
    target = {frozenset([i]): w / sum(weights) for i, w in enumerate(weights)}
    statistic, p_value = goodness_of_fit(outcomes, target, runs)
    shares = [round(outcomes[frozenset([i])] / runs, 3) for i in range(len(weights))]
    assert p_value > ALPHA, f"chosen shares {shares}, expected {[round(p, 3) for p in target.values()]} (p = {p_value:.1e})"


def test_pairs_follow_successive_weighted_draws(solution):
    # k = 2 from 5 items: the sample must be distributed like two draws without replacement, each
    # proportional to the remaining weights: P({i, j}) = w_i/W * w_j/(W - w_i) + w_j/W * w_i/(W - w_j).
    # 20,000 runs over the 10 possible pairs: Pearson's statistic is asymptotically chi-square
    # with 9 df, failing at p < 1e-9. Keeping the smallest keys lands at p < 1e-100; sampling
    # with replacement repeats items, which _run rejects.
    weights = [1.0, 2.0, 3.0, 4.0, 5.0]
    runs = 20_000
    outcomes = _run(solution, weights, 2, runs, seed=8)
    target = successive_sampling_probabilities(weights, 2)
    statistic, p_value = goodness_of_fit(outcomes, target, runs)
    worst = max(target, key=lambda pair: abs(outcomes[pair] / runs - target[pair]))
    assert p_value > ALPHA, (
        f"pair {sorted(worst)} came out in {outcomes[worst] / runs:.3f} of runs, expected {target[worst]:.3f} "
        f"(chi-square p = {p_value:.1e})")


def test_tiny_weights_keep_their_proportions(solution):
    # Only ratios of weights matter, so weights 1e-5 times smaller must give the same shares.
    # Computing u ** (1 / w) directly underflows to 0.0 here (u ** 100000 == 0.0 unless
    # u > 0.9926), so nearly every key ties at 0 and the tie-break decides. Bound as in the
    # k = 1 test: multinomial counts, chi-square with 3 df, failing at p < 1e-9.
    weights = [1e-5, 2e-5, 3e-5, 4e-5]
    runs = 10_000
    outcomes = _run(solution, weights, 1, runs, seed=9)
    target = {frozenset([i]): w / sum(weights) for i, w in enumerate(weights)}
    statistic, p_value = goodness_of_fit(outcomes, target, runs)
    shares = [round(outcomes[frozenset([i])] / runs, 3) for i in range(len(weights))]
    assert p_value > ALPHA, f"weights {weights}: chosen shares {shares}, expected [0.1, 0.2, 0.3, 0.4] (p = {p_value:.1e})"


@pytest.mark.hidden
def test_seeded_rng_makes_runs_reproducible(solution):
    state = random.getstate()
    weights = [1.0 + (i % 7) for i in range(300)]
    try:
        samples = []
        for seed in range(1, 6):
            runs = []
            for global_seed in (100 + seed, 999):
                random.seed(global_seed)  # the global generator must play no part
                sampler = solution.WeightedReservoirSampler(5, random.Random(seed))
                for position, weight in enumerate(weights):
                    sampler.add(position, weight)
                runs.append(sorted(sampler.sample()))
            assert runs[0] == runs[1], f"two runs with random.Random({seed}) gave {runs[0]} and {runs[1]}"
            samples.append(tuple(runs[0]))
    finally:
        random.setstate(state)
    assert len(set(samples)) > 1, "different rng seeds gave identical samples: the rng is ignored"


@pytest.mark.hidden
def test_memory_is_o_of_k(solution):
    items = list(range(50_000))
    weights = [1.0 + (i % 13) for i in items]
    sampler = solution.WeightedReservoirSampler(10, random.Random(3))
    tracemalloc.start()
    try:
        for item, weight in zip(items, weights, strict=True):
            sampler.add(item, weight)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64_000, f"peak allocation {peak / 1e3:.0f} kB while streaming 50,000 items with k = 10: O(n) memory"
    check_sample_shape(sampler.sample(), items, 10, "after 50,000 items")


@pytest.mark.hidden
def test_invalid_k_and_integer_weights(solution):
    for k in (0, -2):
        with pytest.raises(ValueError):
            solution.WeightedReservoirSampler(k, random.Random(0))
    sampler = solution.WeightedReservoirSampler(2, random.Random(1))
    for item, weight in [("a", 1), ("b", 3), ("c", 2)]:
        sampler.add(item, weight)
    assert len(sampler.sample()) == 2 and set(sampler.sample()) <= {"a", "b", "c"}


@pytest.mark.hidden
def test_any_objects_and_repeated_items(solution):
    # Items are arbitrary objects: never hash or compare them. Unhashable dicts must work, and
    # adding the same object twice counts as two items, so with k = 2 both adds are kept.
    sampler = solution.WeightedReservoirSampler(3, random.Random(6))
    for i in range(2_000):
        sampler.add({"event": i}, 1.0 + i % 5)
    check_sample_shape([d["event"] for d in sampler.sample()], range(2_000), 3, "dict items")
    twice = solution.WeightedReservoirSampler(2, random.Random(7))
    twice.add("same", 1.0)
    twice.add("same", 3.0)
    assert twice.sample() == ["same", "same"], "the same object added twice is two items: min(k, n) = 2 are kept"
