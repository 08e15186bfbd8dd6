"""Test helpers: run a sampler many times and compare what it keeps with the exact distribution.

Every check is a chi-square goodness-of-fit test. Its p-value comes from the exact chi-square
tail for an integer number of degrees of freedom (closed forms below, no SciPy needed), and a
test fails only when p < ALPHA. For a correct sampler the statistic is asymptotically
chi-square distributed, so a correct solution, however it consumes its random numbers, fails
with probability about ALPHA; the seeds are fixed, so any given solution always gets the same
verdict. The sample sizes are chosen so that the mutants land at p < 1e-20.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

ALPHA = 1e-9  # the false-failure probability of one chi-square test for a correct sampler


def chi2_sf(x: float, df: int) -> float:
    """P(X > x) for X ~ chi-square with an integer df >= 1 (the regularized upper incomplete gamma).

    Even df = 2m:     exp(-x/2) * sum_{j<m} (x/2)^j / j!
    Odd df = 2m + 1:  erfc(sqrt(x/2)) + exp(-x/2) * sum_{j<m} (x/2)^(j+1/2) / Gamma(j + 3/2)
    (Abramowitz & Stegun 26.4.4 and 26.4.5.) Checked against mpmath.gammainc to 1e-12 relative.
    """
    if x <= 0:
        return 1.0
    half = x / 2.0
    if df % 2 == 0:
        term, total = 1.0, 1.0
        for j in range(1, df // 2):
            term *= half / j
            total += term
        return math.exp(-half) * total
    total = math.erfc(math.sqrt(half))
    term = math.sqrt(half) / math.gamma(1.5)  # (x/2)^(1/2) / Gamma(3/2)
    for j in range(df // 2):
        total += math.exp(-half) * term
        term *= half / (j + 1.5)
    return total


def goodness_of_fit(counts: Counter, probabilities: dict[Any, float], draws: int) -> tuple[float, float]:
    """Pearson's statistic sum (observed - expected)^2 / expected over the cells of a multinomial.

    Returns (statistic, p-value) with df = number of cells - 1. Any observed cell outside
    `probabilities` makes the p-value 0.
    """
    if set(counts) - set(probabilities):
        return math.inf, 0.0
    statistic = sum((counts.get(cell, 0) - draws * p) ** 2 / (draws * p) for cell, p in probabilities.items())
    return statistic, chi2_sf(statistic, len(probabilities) - 1)


def inclusion_test(samples: Sequence[Sequence[int]], n: int, k: int, bins: int) -> tuple[float, float, list[int]]:
    """Are the sampled positions 0..n-1 uniform? Returns (statistic, p-value, counts per bin).

    Positions are grouped into `bins` equal ranges (bins = n: one cell per position). Under a
    uniform sampler each run's k positions are a uniform k-subset, so each run adds k positions
    drawn WITHOUT replacement. Their bin counts are multivariate hypergeometric with covariance
    k * (n - k)/(n - 1) * (diag(q) - q q^T), q_b = 1/bins: the multinomial covariance shrunk by the
    finite-population factor (n - k)/(n - 1). By the central limit theorem over the independent
    runs, Pearson's X = sum (c_b - E)^2 / E then tends to (n - k)/(n - 1) times a chi-square with
    bins - 1 df, so X * (n - 1)/(n - k) is tested against chi-square(bins - 1).
    """
    assert n % bins == 0 and k < n
    width = n // bins
    counts = [0] * bins
    for sample in samples:
        for position in sample:
            counts[position // width] += 1
    expected = len(samples) * k / bins
    pearson = sum((c - expected) ** 2 / expected for c in counts)
    statistic = pearson * (n - 1) / (n - k)
    return statistic, chi2_sf(statistic, bins - 1), counts


def run_uniform(make_sampler: Callable[[int, random.Random], Any], n: int, k: int, runs: int, seed: int) -> list[list[int]]:
    """Feed the positions 0..n-1 to `runs` fresh samplers sharing one seeded rng; return their samples."""
    rng = random.Random(seed)
    stream = range(n)
    samples = []
    for _ in range(runs):
        sampler = make_sampler(k, rng)
        for position in stream:
            sampler.add(position)
        samples.append(sampler.sample())
    return samples


def check_sample_shape(sample: Iterable[Any], seen: Sequence[Any], k: int, where: str) -> None:
    """The sample holds min(k, len(seen)) distinct items (positions), all taken from `seen`."""
    sample = list(sample)
    expected_size = min(k, len(seen))
    assert len(sample) == expected_size, f"{where}: sample has {len(sample)} items, expected min(k, n) = {expected_size}"
    assert len(set(sample)) == len(sample), f"{where}: sample {sorted(sample)} repeats an item"
    assert set(sample) <= set(seen), f"{where}: sample {sorted(sample)} holds items never added"


def successive_sampling_probabilities(weights: Sequence[float], k: int) -> dict[frozenset[int], float]:
    """Exact probability of each k-subset when k items are drawn one by one without replacement,
    each draw picking a remaining item with probability proportional to its weight."""
    result: dict[frozenset[int], float] = {}

    def extend(chosen: tuple[int, ...], probability: float) -> None:
        if len(chosen) == k:
            key = frozenset(chosen)
            result[key] = result.get(key, 0.0) + probability
            return
        remaining = sum(w for i, w in enumerate(weights) if i not in chosen)
        for i, w in enumerate(weights):
            if i not in chosen:
                extend(chosen + (i,), probability * w / remaining)

    extend((), 1.0)
    return result


class CountingRandom(random.Random):
    """A random.Random that counts its primitive draws.

    Every method of random.Random (random, uniform, randrange, randint, choice, expovariate, ...)
    is built on random() or getrandbits(), so counting those two counts all randomness used.
    """

    def __init__(self, seed: int) -> None:
        self.draws = 0
        super().__init__(seed)

    def random(self) -> float:
        self.draws += 1
        return super().random()

    def getrandbits(self, k: int) -> int:
        self.draws += 1
        return super().getrandbits(k)
