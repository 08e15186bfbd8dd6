import math

import pytest
from beam_toys import (
    EOS,
    THANK,
    THANKS,
    YOU,
    RandomModel,
    TableModel,
    all_hypotheses,
    as_hypothesis,
    assert_same_hypothesis,
    thank_you_model,
)


def _ranked(result) -> list[tuple[tuple[int, ...], float]]:  # type: ignore[no-untyped-def]
    assert isinstance(result, list), f"search(n) must return a list, got {type(result).__name__}"
    return [as_hypothesis(h) for h in result]


def test_wide_beam_n_best_matches_exhaustive_ranking(solution):
    # A beam wider than every step's candidate count keeps everything, so the pool holds every
    # complete hypothesis and its top 5 is the exhaustive top 5, best first.
    for seed in range(1, 9):
        expected = all_hypotheses(RandomModel(4, seed, eos_shift=-1.0), vocab=4, max_length=4)[:5]
        result = _ranked(solution.BeamSearch(RandomModel(4, seed, eos_shift=-1.0), EOS, 128, 4).search(5))
        assert len(result) == 5
        for got, want in zip(result, expected):
            assert_same_hypothesis(got, want)


def test_finished_hypotheses_survive_leaving_the_beam(solution):
    # The empty output finishes at step 1 (0.25); AA and AB then take both slots, and the
    # search ends with AAA (0.175) and ABA (0.1575) live at max_length.
    model = TableModel({(): [0.25, 0.70, 0.05], (1,): [0.05, 0.50, 0.45]}, default=[0.10, 0.50, 0.40])
    result = _ranked(solution.BeamSearch(model, EOS, 2, 3).search(3))
    expected = [((EOS,), math.log(0.25)), ((1, 1, 1), math.log(0.7 * 0.5 * 0.5)), ((1, 2, 1), math.log(0.7 * 0.45 * 0.5))]
    assert len(result) == 3, f"expected 3 hypotheses, got {result}"
    for got, want in zip(result, expected):
        assert_same_hypothesis(got, want)


def test_fewer_than_n_and_unfinished_ranked_with_finished(solution):
    # max_length 2 ends the search with one finished ("thanks <eos>", 0.20) and one live
    # ("thank you", 0.36) hypothesis: the pool has 2, and the live one ranks first.
    result = _ranked(solution.BeamSearch(thank_you_model(), EOS, 2, 2).search(5))
    assert len(result) == 2, f"the pool holds 2 hypotheses, got {len(result)}"
    assert_same_hypothesis(result[0], ((THANK, YOU), math.log(0.4 * 0.9)))
    assert_same_hypothesis(result[1], ((THANKS, EOS), math.log(0.5 * 0.4)))


@pytest.mark.hidden
def test_worked_example(solution):
    result = _ranked(solution.BeamSearch(thank_you_model(), EOS, 2, 5).search(3))
    expected = [
        ((THANK, YOU, EOS), math.log(0.4 * 0.9 * 0.9)),
        ((THANKS, EOS), math.log(0.5 * 0.4)),
        ((THANK, YOU, THANKS, EOS), math.log(0.4 * 0.9 * 0.04 * 0.7)),
    ]
    assert len(result) == 3
    for got, want in zip(result, expected):
        assert_same_hypothesis(got, want)


@pytest.mark.hidden
def test_narrow_beam_pool_and_call_budget(solution):
    # Width 2 never reaches the prefix BA of the best sequence: the pool is AAB and ABB only.
    model = TableModel(
        {
            (): [0.02, 0.50, 0.40, 0.08],
            (1,): [0.01, 0.50, 0.45, 0.04],
            (2,): [0.01, 0.55, 0.04, 0.40],
            (2, 1): [0.95, 0.02, 0.02, 0.01],
        },
        default=[0.10, 0.30, 0.35, 0.25],
    )
    result = _ranked(solution.BeamSearch(model, EOS, 2, 3).search(4))
    assert [tokens for tokens, _ in result] == [(1, 1, 2), (1, 2, 2)]
    assert len(model.calls) <= 2 * 3 and all(EOS not in prefix for prefix in model.calls)


@pytest.mark.hidden
def test_invalid_arguments_rejected(solution):
    with pytest.raises(ValueError):
        solution.BeamSearch(thank_you_model(), EOS, 0, 5)
    with pytest.raises(ValueError):
        solution.BeamSearch(thank_you_model(), EOS, 2, 0)
    with pytest.raises(ValueError):
        solution.BeamSearch(thank_you_model(), EOS, 2, 5).search(0)
