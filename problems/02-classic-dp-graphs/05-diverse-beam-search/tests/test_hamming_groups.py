import math

import numpy as np
import pytest
from dbs_toys import (
    EOS,
    ROSE,
    SEA,
    STORM,
    THE,
    A,
    FixedRowModel,
    RandomModel,
    TableModel,
    as_hypothesis,
    assert_same_ranked,
    diverse_oracle,
    hamming,
    model_log_prob,
    plain_beam_search,
    poem_model,
)


def _groups(solution, model, beam_width, num_groups, strength, max_length):  # type: ignore[no-untyped-def]
    result = solution.DiverseBeamSearch(model, EOS, beam_width, num_groups, strength, max_length).search()
    assert isinstance(result, list) and len(result) == num_groups, f"search() must return {num_groups} lists, one per group"
    return [[as_hypothesis(h) for h in group] for group in result]


def test_zero_strength_runs_independent_beam_searches(solution):
    # With lambda = 0 nothing couples the groups: each of the 3 groups is a plain beam search of
    # width 6 / 3 = 2, so the three lists are identical (duplicates across groups are expected).
    for seed in range(1, 7):
        expected = plain_beam_search(RandomModel(5, seed, eos_shift=-1.0), EOS, 2, 5)
        groups = _groups(solution, RandomModel(5, seed, eos_shift=-1.0), 6, 3, 0.0, 5)
        for g, group in enumerate(groups):
            assert_same_ranked(group, expected, f"seed {seed}, group {g}")


def test_group_zero_is_plain_and_later_groups_avoid_earlier_tokens(solution):
    # A strength of 50 outweighs every log-probability gap in these models. Group 0 never pays a
    # penalty, so with one beam per group it is greedy search; every later group must pick, at
    # every step, a token that no earlier group picked at that step.
    for seed in (2, 3, 5, 8):
        greedy = plain_beam_search(RandomModel(6, seed, eos_shift=-3.0), EOS, 1, 5)
        groups = _groups(solution, RandomModel(6, seed, eos_shift=-3.0), 3, 3, 50.0, 5)
        assert_same_ranked(groups[0], greedy, f"seed {seed}, group 0 (unpenalised: greedy search)")
        paths = [group[0][0] for group in groups]
        for step in range(5):
            chosen = [path[step] for path in paths if len(path) > step]
            assert len(set(chosen)) == len(chosen), f"seed {seed}: groups repeat a token at step {step + 1}: {paths}"


def test_matches_the_statement_on_random_models(solution):
    # The oracle is a literal, loop-by-loop reading of the statement. Scores must be the plain
    # model log-probabilities; the penalty only decides which candidates a group keeps.
    for beam_width, num_groups, strength in ((4, 2, 0.5), (4, 2, 1.5), (6, 3, 0.8), (4, 4, 1.0)):
        for seed in range(1, 6):
            expected = diverse_oracle(RandomModel(4, seed, eos_shift=-1.0), EOS, beam_width, num_groups, strength, 5, hamming)
            model = RandomModel(4, seed, eos_shift=-1.0)
            groups = _groups(solution, model, beam_width, num_groups, strength, 5)
            for g, (group, want) in enumerate(zip(groups, expected)):
                assert_same_ranked(group, want, f"B={beam_width}, G={num_groups}, lambda={strength}, seed {seed}, group {g}")
                for tokens, score in group:
                    assert math.isclose(score, model_log_prob(model, tokens), rel_tol=1e-9, abs_tol=1e-9)


def test_finished_hypothesis_is_kept_after_leaving_the_beam(solution):
    # In each group, step 1 finishes the empty output (0.25); longer live hypotheses then take both
    # slots (AA 0.35 and AB 0.315), and everything longer ends below 0.25. At step 3 group 0 keeps
    # AAA and ABA, so group 1 pays 2 * 0.3 for token A and keeps AAB and ABB instead.
    model = TableModel({(): [0.25, 0.70, 0.05], (1,): [0.05, 0.50, 0.45]}, default=[0.10, 0.50, 0.40])
    groups = _groups(solution, model, 4, 2, 0.3, 3)
    empty = ((EOS,), math.log(0.25))
    assert_same_ranked(groups[0], [empty, ((1, 1, 1), math.log(0.7 * 0.5 * 0.5))], "group 0")
    assert_same_ranked(groups[1], [empty, ((1, 1, 2), math.log(0.7 * 0.5 * 0.4))], "group 1")


@pytest.mark.hidden
def test_worked_example(solution):
    expected = [
        [((THE, STORM, ROSE, EOS), math.log(0.55 * 0.50 * 0.60 * 0.90))],
        [((A, SEA, EOS), math.log(0.30 * 0.38 * 0.35))],
        [((THE, STORM, ROSE, EOS), math.log(0.55 * 0.50 * 0.60 * 0.90))],
        [((A, ROSE, EOS), math.log(0.30 * 0.15 * 0.90))],
    ]
    groups = _groups(solution, poem_model(), 4, 4, 1.0, 4)
    for g, (group, want) in enumerate(zip(groups, expected)):
        assert_same_ranked(group, want, f"group {g}")


@pytest.mark.hidden
def test_scores_stay_in_log_space_for_long_outputs(solution):
    # 400 tokens at probability about 0.1: the product (about 1e-400) underflows float64 to 0.
    logits = np.array([-1000.0, 0.5, 0.3] + [-0.01 * k for k in range(13)])
    row = logits - np.logaddexp.reduce(logits)
    model = FixedRowModel(row, budget=2 * 400)
    groups = _groups(solution, model, 2, 2, 2.0, 400)
    assert_same_ranked(groups[0], [((1,) * 400, 400 * float(row[1]))], "group 0")
    assert_same_ranked(groups[1], [((2,) * 400, 400 * float(row[2]))], "group 1")


@pytest.mark.hidden
def test_model_called_once_per_live_hypothesis_and_never_after_eos(solution):
    model = RandomModel(5, seed=3, eos_shift=0.5)
    solution.DiverseBeamSearch(model, EOS, 6, 3, 0.7, 6).search()
    assert all(EOS not in prefix for prefix in model.calls), "a finished hypothesis was extended"
    assert len(model.calls) <= 6 * 6, f"{len(model.calls)} model calls for beam width 6 and max_length 6"


@pytest.mark.hidden
def test_invalid_settings_rejected(solution):
    for beam_width, num_groups, strength, max_length in ((0, 1, 0.5, 3), (4, 0, 0.5, 3), (5, 2, 0.5, 3), (4, 2, -0.1, 3), (4, 2, 0.5, 0)):
        with pytest.raises(ValueError):
            solution.DiverseBeamSearch(poem_model(), EOS, beam_width, num_groups, strength, max_length)


@pytest.mark.hidden
def test_penalty_counts_tokens_of_earlier_groups_that_just_finished(solution):
    # Group 0 ends with EOS at step 1 (0.5); group 1 must pay for EOS too, so with lambda = 1 it
    # prefers "sea" (0.3 > 0.5 / e = 0.18), and then ends it.
    model = TableModel({(): [0.50, 0.15, 0.05, 0.0001, 0.2999]}, default=[0.80, 0.05, 0.05, 0.05, 0.05])
    groups = _groups(solution, model, 2, 2, 1.0, 3)
    assert_same_ranked(groups[0], [((EOS,), math.log(0.5))], "group 0")
    assert_same_ranked(groups[1], [((SEA, EOS), math.log(0.2999 * 0.8))], "group 1")
