import math

import pytest
from dbs_toys import (
    EOS,
    RandomModel,
    TableModel,
    as_hypothesis,
    assert_same_ranked,
    diverse_oracle,
    hamming,
    mean_pairwise_jaccard_distance,
    merged,
    plain_beam_search,
    poem_model,
)


def _curve(solution, model, beam_width, num_groups, max_length, strengths):  # type: ignore[no-untyped-def]
    curve = solution.quality_diversity_curve(model, EOS, beam_width, num_groups, max_length, strengths)
    assert len(curve) == len(strengths), f"expected one (quality, diversity) pair per strength, got {curve}"
    return [(float(q), float(d)) for q, d in curve]


def _assert_point(got: tuple[float, float], expected: tuple[float, float], what: str) -> None:
    assert math.isclose(got[0], expected[0], rel_tol=1e-9, abs_tol=1e-9), f"{what}: quality {got[0]!r}, expected {expected[0]!r}"
    assert math.isclose(got[1], expected[1], rel_tol=1e-9, abs_tol=1e-9), f"{what}: diversity {got[1]!r}, expected {expected[1]!r}"


def test_search_matches_the_statement_on_random_models(solution):
    for beam_width, num_groups, strength in ((4, 2, 0.5), (6, 3, 1.5), (4, 4, 0.8)):
        for seed in range(1, 6):
            expected = merged(diverse_oracle(RandomModel(4, seed, eos_shift=-1.0), EOS, beam_width, num_groups, strength, 5, hamming))
            result = solution.DiverseBeamSearch(RandomModel(4, seed, eos_shift=-1.0), EOS, beam_width, num_groups, strength, 5).search()
            assert isinstance(result, list)
            assert_same_ranked([as_hypothesis(h) for h in result], expected, f"B={beam_width}, G={num_groups}, lambda={strength}, seed {seed}")


def test_zero_strength_with_one_beam_per_group_is_three_greedy_copies(solution):
    # G = B = 3 and lambda = 0: all three groups are greedy search, so the three results are
    # identical: mean score = the greedy score, and every pair is at distance 0.
    for seed in (1, 2, 3):
        greedy = plain_beam_search(RandomModel(5, seed, eos_shift=-1.0), EOS, 1, 6)[0]
        [point] = _curve(solution, RandomModel(5, seed, eos_shift=-1.0), 3, 3, 6, [0.0])
        _assert_point(point, (greedy[1], 0.0), f"seed {seed}")


def test_curve_matches_the_statement_on_random_models(solution):
    strengths = [0.0, 0.4, 1.0, 2.5, 20.0]
    for beam_width, num_groups in ((4, 4), (6, 3)):
        for seed in (1, 2, 4):
            curve = _curve(solution, RandomModel(5, seed, eos_shift=-1.5), beam_width, num_groups, 5, strengths)
            for strength, point in zip(strengths, curve):
                results = merged(diverse_oracle(RandomModel(5, seed, eos_shift=-1.5), EOS, beam_width, num_groups, strength, 5, hamming))
                quality = sum(score for _, score in results) / len(results)
                expected = (quality, mean_pairwise_jaccard_distance(results))
                _assert_point(point, expected, f"B={beam_width}, G={num_groups}, lambda={strength}, seed {seed}")


def test_worked_example_curve(solution):
    # Four groups of one beam on the poem model; the statement lists the three merged lists.
    # lambda = 1: {the storm rose <eos>} twice, {a sea <eos>}, {a rose <eos>}: the six pair
    # distances are 0, 5/6, 3/5, 5/6, 3/5, 1/2, with mean 101/180.
    # lambda = 3: distances 1/4, 5/6, 4/5, 4/5, 3/4, 1/3, with mean 113/180.
    the_storm_rose = math.log(0.55 * 0.50 * 0.60 * 0.90)
    a_sea, a_rose = math.log(0.30 * 0.38 * 0.35), math.log(0.30 * 0.15 * 0.90)
    storm_rose, sea = math.log(0.08 * 0.60 * 0.90), math.log(0.04 * 0.35)
    expected = [
        (the_storm_rose, 0.0),
        ((2 * the_storm_rose + a_sea + a_rose) / 4, 101 / 180),
        ((the_storm_rose + storm_rose + a_sea + sea) / 4, 113 / 180),
    ]
    curve = _curve(solution, poem_model(), 4, 4, 4, [0.0, 1.0, 3.0])
    for strength, point, want in zip((0.0, 1.0, 3.0), curve, expected):
        _assert_point(point, want, f"lambda={strength}")


@pytest.mark.hidden
def test_single_hypothesis_has_zero_diversity(solution):
    greedy = plain_beam_search(RandomModel(5, 7), EOS, 1, 5)[0]
    [point] = _curve(solution, RandomModel(5, 7), 1, 1, 5, [2.0])
    _assert_point(point, (greedy[1], 0.0), "one beam")


@pytest.mark.hidden
def test_finished_hypothesis_is_kept_after_leaving_the_beam(solution):
    model = TableModel({(): [0.25, 0.70, 0.05], (1,): [0.05, 0.50, 0.45]}, default=[0.10, 0.50, 0.40])
    result = [as_hypothesis(h) for h in solution.DiverseBeamSearch(model, EOS, 4, 2, 0.3, 3).search()]
    # Both groups keep the empty output that finished at step 1; group 1 ends with AAB, not AAA.
    expected = [((EOS,), math.log(0.25))] * 2 + [((1, 1, 1), math.log(0.7 * 0.5 * 0.5)), ((1, 1, 2), math.log(0.7 * 0.5 * 0.4))]
    assert_same_ranked(result, expected, "merged list")


@pytest.mark.hidden
def test_invalid_settings_rejected(solution):
    for beam_width, num_groups, strength, max_length in ((0, 1, 0.5, 3), (4, 0, 0.5, 3), (4, 3, 0.5, 3), (4, 2, -0.5, 3), (4, 2, 0.5, 0)):
        with pytest.raises(ValueError):
            solution.DiverseBeamSearch(poem_model(), EOS, beam_width, num_groups, strength, max_length)
