import math

import pytest
from dbs_toys import (
    EOS,
    ROSE,
    SEA,
    STORM,
    THE,
    A,
    RandomModel,
    TableModel,
    as_hypothesis,
    assert_same_ranked,
    diverse_oracle,
    jaccard,
    merged,
    model_log_prob,
    plain_beam_search,
    poem_model,
)


def _merged(solution, model, beam_width, num_groups, strength, max_length):  # type: ignore[no-untyped-def]
    result = solution.DiverseBeamSearch(model, EOS, beam_width, num_groups, strength, max_length).search()
    assert isinstance(result, list), f"search() must return one list, got {type(result).__name__}"
    return [as_hypothesis(h) for h in result]


def test_jaccard_similarity_compares_token_sets(solution):
    cases = [
        ((1, 2, 3), (2, 3, 4), 2 / 4),
        ((3, 1), (1, 3), 1.0),  # order is ignored
        ((5, 5, 5, 1), (5, 1, 1), 1.0),  # so are repeats: both sets are {1, 5}
        ((1, 1, 2), (1, 3), 1 / 3),
        ((1, 2), (3,), 0.0),
    ]
    for a, b, expected in cases:
        got = solution.jaccard_similarity(a, b)
        assert math.isclose(got, expected, abs_tol=1e-12), f"jaccard_similarity{a, b} = {got}, expected {expected}"


def test_zero_strength_returns_copies_of_one_beam_search(solution):
    # With lambda = 0 the 3 groups are 3 identical beam searches of width 2: the merged list is
    # each of their 2 results three times.
    for seed in range(1, 6):
        single = plain_beam_search(RandomModel(5, seed, eos_shift=-1.0), EOS, 2, 5)
        result = _merged(solution, RandomModel(5, seed, eos_shift=-1.0), 6, 3, 0.0, 5)
        assert_same_ranked(result, merged([single] * 3), f"seed {seed}")


def test_matches_the_statement_on_random_models(solution):
    # A small vocabulary makes repeated tokens common, so sets and sequences differ often.
    for beam_width, num_groups, strength in ((4, 2, 0.7), (4, 2, 2.0), (6, 3, 1.2), (3, 3, 3.0)):
        for seed in range(1, 6):
            expected = diverse_oracle(RandomModel(4, seed, eos_shift=-1.0), EOS, beam_width, num_groups, strength, 5, jaccard)
            model = RandomModel(4, seed, eos_shift=-1.0)
            result = _merged(solution, model, beam_width, num_groups, strength, 5)
            assert_same_ranked(result, merged(expected), f"B={beam_width}, G={num_groups}, lambda={strength}, seed {seed}")
            for tokens, score in result:
                assert math.isclose(score, model_log_prob(model, tokens), rel_tol=1e-9, abs_tol=1e-9)


def test_worked_example(solution):
    # Two groups of two beams, lambda = 1: at step 2, "the storm" costs group 1 a penalty of 4/3 and
    # "a storm" only 1/3, so group 1 leaves "the" (the statement walks through the numbers).
    result = _merged(solution, poem_model(), 4, 2, 1.0, 4)
    expected = [
        ((THE, STORM, ROSE, EOS), math.log(0.55 * 0.50 * 0.60 * 0.90)),
        ((THE, SEA, ROSE, EOS), math.log(0.55 * 0.40 * 0.55 * 0.90)),
        ((A, STORM, ROSE, EOS), math.log(0.30 * 0.43 * 0.60 * 0.90)),
        ((A, SEA, EOS), math.log(0.30 * 0.38 * 0.35)),
    ]
    assert_same_ranked(result, expected, "merged list")


@pytest.mark.hidden
def test_empty_sequences_are_identical(solution):
    assert solution.jaccard_similarity((), ()) == 1.0
    assert solution.jaccard_similarity((), (2,)) == 0.0


@pytest.mark.hidden
def test_finished_hypothesis_is_kept_after_leaving_the_beam(solution):
    model = TableModel({(): [0.25, 0.70, 0.05], (1,): [0.05, 0.50, 0.45]}, default=[0.10, 0.50, 0.40])
    result = _merged(solution, model, 4, 2, 0.3, 3)
    # Both groups finish the empty output (0.25) at step 1; later, longer live hypotheses fill the
    # beams, but the empty output stays the best result of each group.
    assert [tokens for tokens, _ in result].count((EOS,)) == 2, f"the empty output was lost: {result}"
    assert_same_ranked(result, merged(diverse_oracle(model, EOS, 4, 2, 0.3, 3, jaccard)))


@pytest.mark.hidden
def test_model_called_once_per_live_hypothesis_and_never_after_eos(solution):
    model = RandomModel(5, seed=3, eos_shift=0.5)
    solution.DiverseBeamSearch(model, EOS, 6, 3, 0.7, 6).search()
    assert all(EOS not in prefix for prefix in model.calls), "a finished hypothesis was extended"
    assert len(model.calls) <= 6 * 6, f"{len(model.calls)} model calls for beam width 6 and max_length 6"


@pytest.mark.hidden
def test_invalid_settings_rejected(solution):
    for beam_width, num_groups, strength, max_length in ((0, 1, 0.5, 3), (4, 0, 0.5, 3), (6, 4, 0.5, 3), (4, 2, -1.0, 3), (4, 2, 0.5, 0)):
        with pytest.raises(ValueError):
            solution.DiverseBeamSearch(poem_model(), EOS, beam_width, num_groups, strength, max_length)
