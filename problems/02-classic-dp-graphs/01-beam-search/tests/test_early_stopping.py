import math

import pytest
from beam_toys import (
    EOS,
    THANK,
    YOU,
    RandomModel,
    TableModel,
    all_hypotheses,
    as_hypothesis,
    assert_same_hypothesis,
    thank_you_model,
)


def test_stops_once_no_live_hypothesis_can_win(solution):
    # The empty output has probability 0.9; every live hypothesis starts at 0.05 or less and can
    # only fall. The plain search would run all 50 steps with 3 live hypotheses.
    model = TableModel({(): [0.90, 0.05, 0.03, 0.02]}, default=[0.10, 0.40, 0.30, 0.20])
    result = as_hypothesis(solution.BeamSearch(model, EOS, 3, 50).decode())
    assert_same_hypothesis(result, ((EOS,), math.log(0.9)))
    assert len(model.calls) <= 1, f"{len(model.calls)} model calls: the search did not stop after step 1"


def test_keeps_searching_while_a_live_hypothesis_is_ahead(solution):
    # Step 1 finishes the empty output (0.3) while A (0.5) is live and ahead; step 2 finishes
    # A<eos> (0.4), after which the best live hypothesis (BA, 0.07) is behind, so the search stops.
    model = TableModel(
        {(): [0.30, 0.50, 0.20], (1,): [0.80, 0.12, 0.08], (2,): [0.50, 0.35, 0.15]},
        default=[0.60, 0.25, 0.15],
    )
    result = as_hypothesis(solution.BeamSearch(model, EOS, 3, 10).decode())
    assert_same_hypothesis(result, ((1, EOS), math.log(0.5 * 0.8)))
    assert len(model.calls) <= 1 + 2, f"{len(model.calls)} model calls: the search did not stop after step 2"


def test_wide_beam_matches_exhaustive_search(solution):
    for seed in range(1, 13):
        expected = all_hypotheses(RandomModel(4, seed, eos_shift=-1.0), vocab=4, max_length=4)[0]
        result = as_hypothesis(solution.BeamSearch(RandomModel(4, seed, eos_shift=-1.0), EOS, 128, 4).decode())
        assert_same_hypothesis(result, expected)


@pytest.mark.hidden
def test_a_beam_full_of_finished_hypotheses_is_no_reason_to_stop(solution):
    # Width 2: after step 2 two hypotheses have finished (0.30 and 0.15), but AA (0.325) is live and
    # ahead, and AA<eos> (0.312) wins.
    model = TableModel({(): [0.30, 0.50, 0.20], (1,): [0.30, 0.65, 0.05], (1, 1): [0.96, 0.025, 0.015]},
                       default=[0.50, 0.30, 0.20])
    result = as_hypothesis(solution.BeamSearch(model, EOS, 2, 10).decode())
    assert_same_hypothesis(result, ((1, 1, EOS), math.log(0.5 * 0.65 * 0.96)))


@pytest.mark.hidden
def test_worked_example_call_count(solution):
    model = thank_you_model()
    result = as_hypothesis(solution.BeamSearch(model, EOS, 2, 5).decode())
    assert_same_hypothesis(result, ((THANK, YOU, EOS), math.log(0.4 * 0.9 * 0.9)))
    # The statement's example: (), (1,), (2,), (2, 3), then "thank you <eos>" finishes and the search stops.
    assert len(model.calls) <= 4, f"{len(model.calls)} model calls: the search did not stop after step 3"
    assert all(EOS not in prefix for prefix in model.calls)


@pytest.mark.hidden
def test_unfinished_hypotheses_at_max_length_compete(solution):
    for seed in (1, 4, 5):
        expected = all_hypotheses(RandomModel(3, seed, eos_shift=-4.0), vocab=3, max_length=5)[0]
        result = as_hypothesis(solution.BeamSearch(RandomModel(3, seed, eos_shift=-4.0), EOS, 64, 5).decode())
        assert_same_hypothesis(result, expected)


@pytest.mark.hidden
def test_invalid_settings_rejected(solution):
    with pytest.raises(ValueError):
        solution.BeamSearch(thank_you_model(), EOS, 0, 5)
    with pytest.raises(ValueError):
        solution.BeamSearch(thank_you_model(), EOS, 2, 0)
