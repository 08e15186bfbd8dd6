import math

import numpy as np
import pytest
from beam_toys import (
    EOS,
    THANK,
    THANKS,
    YOU,
    FixedRowModel,
    RandomModel,
    TableModel,
    all_hypotheses,
    as_hypothesis,
    assert_same_hypothesis,
    thank_you_model,
)


def test_greedy_loses_to_width_two(solution):
    greedy = as_hypothesis(solution.BeamSearch(thank_you_model(), EOS, 1, 5).decode())
    assert_same_hypothesis(greedy, ((THANKS, EOS), math.log(0.5 * 0.4)))
    beam = as_hypothesis(solution.BeamSearch(thank_you_model(), EOS, 2, 5).decode())
    assert_same_hypothesis(beam, ((THANK, YOU, EOS), math.log(0.4 * 0.9 * 0.9)))


def test_finished_hypothesis_is_kept_after_leaving_the_beam(solution):
    # Step 1 finishes the empty output (0.25); its live rival A (0.7) then fills both slots with
    # AA (0.35) and AB (0.315), and every longer continuation ends below 0.25.
    model = TableModel({(): [0.25, 0.70, 0.05], (1,): [0.05, 0.50, 0.45]}, default=[0.10, 0.50, 0.40])
    result = as_hypothesis(solution.BeamSearch(model, EOS, 2, 3).decode())
    assert_same_hypothesis(result, ((EOS,), math.log(0.25)))


def test_wide_beam_matches_exhaustive_search(solution):
    # A beam wider than every step's candidate count (4 * 3**3 = 108) keeps everything: exact search.
    for seed in range(1, 13):
        expected = all_hypotheses(RandomModel(4, seed, eos_shift=-1.0), vocab=4, max_length=4)[0]
        result = as_hypothesis(solution.BeamSearch(RandomModel(4, seed, eos_shift=-1.0), EOS, 128, 4).decode())
        assert_same_hypothesis(result, expected)


def test_width_two_misses_what_width_three_finds(solution):
    # Width 2 keeps AA and AB at step 2 and drops BA, the prefix of the best sequence BA<eos>.
    def model() -> TableModel:
        return TableModel(
            {
                (): [0.02, 0.50, 0.40, 0.08],
                (1,): [0.01, 0.50, 0.45, 0.04],
                (2,): [0.01, 0.55, 0.04, 0.40],
                (2, 1): [0.95, 0.02, 0.02, 0.01],
            },
            default=[0.10, 0.30, 0.35, 0.25],
        )

    narrow = as_hypothesis(solution.BeamSearch(model(), EOS, 2, 3).decode())
    assert_same_hypothesis(narrow, ((1, 1, 2), math.log(0.5 * 0.5 * 0.35)))
    wide = as_hypothesis(solution.BeamSearch(model(), EOS, 3, 3).decode())
    assert_same_hypothesis(wide, ((2, 1, EOS), math.log(0.4 * 0.55 * 0.95)))


@pytest.mark.hidden
def test_unfinished_hypotheses_at_max_length_compete(solution):
    # EOS is rare, so the best hypothesis is a full-length one without EOS.
    for seed in (1, 4, 5):
        expected = all_hypotheses(RandomModel(3, seed, eos_shift=-4.0), vocab=3, max_length=5)[0]
        assert len(expected[0]) == 5 and EOS not in expected[0]
        result = as_hypothesis(solution.BeamSearch(RandomModel(3, seed, eos_shift=-4.0), EOS, 64, 5).decode())
        assert len(result[0]) <= 5, f"max_length is 5 generated tokens, got {len(result[0])}"
        assert_same_hypothesis(result, expected)


@pytest.mark.hidden
def test_scores_stay_in_log_space_for_long_outputs(solution):
    # 400 tokens of probability about 0.14 each: the product (about 1e-340) underflows float64 to 0.
    logits = np.zeros(12)
    logits[1] = 0.5
    logits[EOS] = -1000.0
    row = logits - np.logaddexp.reduce(logits)
    result = as_hypothesis(solution.BeamSearch(FixedRowModel(row, budget=2 * 400), EOS, 2, 400).decode())
    assert result[0] == (1,) * 400
    assert math.isclose(result[1], 400 * row[1], rel_tol=1e-9)


@pytest.mark.hidden
def test_model_called_once_per_live_hypothesis_and_never_after_eos(solution):
    model = RandomModel(5, seed=3, eos_shift=0.5)
    solution.BeamSearch(model, EOS, 3, 6).decode()
    assert all(EOS not in prefix for prefix in model.calls), "a finished hypothesis was extended"
    assert len(model.calls) <= 3 * 6, f"{len(model.calls)} model calls for beam width 3 and max_length 6"


@pytest.mark.hidden
def test_invalid_settings_rejected(solution):
    with pytest.raises(ValueError):
        solution.BeamSearch(thank_you_model(), EOS, 0, 5)
    with pytest.raises(ValueError):
        solution.BeamSearch(thank_you_model(), EOS, 2, 0)
