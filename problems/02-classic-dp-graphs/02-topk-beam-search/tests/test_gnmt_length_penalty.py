import math
from collections.abc import Callable
from types import ModuleType

import pytest
from beam_toys import EOS, RandomModel, TableModel, all_sequences, reference_beam, sequence_log_prob

YES, OF, COURSE = 1, 2, 3
# The statement's worked example: "yes </s>" is likelier, "of course </s>" is longer.
REPLY_TABLE = {
    (): [0.05, 0.45, 0.40, 0.10],
    (YES,): [0.55, 0.05, 0.10, 0.30],
    (OF,): [0.02, 0.03, 0.05, 0.90],
    (OF, COURSE): [0.60, 0.25, 0.10, 0.05],
}
REPLY_DEFAULT = [0.70, 0.15, 0.10, 0.05]


def gnmt_score(log_prob: float, length: int, alpha: float) -> float:
    return log_prob / ((5 + length) / 6) ** alpha


def run(solution: ModuleType, model: Callable, beam_width: int, max_length: int, k: int, alpha: float) -> list:
    return solution.TopKBeamSearch(model, EOS, beam_width=beam_width, max_length=max_length, k=k, alpha=alpha).search()


def test_length_normalisation_changes_the_winner(solution):
    searcher = solution.TopKBeamSearch(TableModel(REPLY_TABLE, REPLY_DEFAULT), EOS, 2, 4, 3, alpha=0.6)
    assert searcher.length_penalty(1) == pytest.approx(1.0)
    assert searcher.length_penalty(3) == pytest.approx((8 / 6) ** 0.6), "lp(Y) = ((5 + |Y|) / 6) ** alpha"

    expected_tokens = [(YES, EOS), (OF, COURSE, EOS), (OF, COURSE, YES, EOS)]
    expected_log_probs = [math.log(0.45 * 0.55), math.log(0.40 * 0.90 * 0.60), math.log(0.40 * 0.90 * 0.25 * 0.70)]
    for alpha, order in [(0.0, [0, 1, 2]), (0.6, [0, 1, 2]), (1.0, [1, 0, 2])]:
        results = run(solution, TableModel(REPLY_TABLE, REPLY_DEFAULT), 2, 4, 3, alpha)
        assert [h.tokens for h in results] == [expected_tokens[i] for i in order], f"alpha={alpha}: wrong ranking"
        for h, i in zip(results, order):
            assert h.log_prob == pytest.approx(expected_log_probs[i], abs=1e-9), "log_prob is the raw sum of log-probs"
            assert h.score == pytest.approx(gnmt_score(expected_log_probs[i], len(expected_tokens[i]), alpha), abs=1e-9), (
                f"alpha={alpha}: score must be log_prob / ((5 + |Y|) / 6) ** alpha, with |Y| counting EOS"
            )


def test_wide_beam_matches_exhaustive_search(solution):
    model = RandomModel(vocab=4, seed=11, sharpness=1.5)
    every = [(seq, sequence_log_prob(model.log_probs, seq)) for seq in all_sequences(4, 4)]
    for alpha in (0.0, 0.7, 2.0):
        # 3**3 live prefixes x 4 tokens = 108 candidates at most per step: a beam of 128 never prunes.
        results = run(solution, model, beam_width=128, max_length=4, k=6, alpha=alpha)
        brute = sorted(every, key=lambda item: -gnmt_score(item[1], len(item[0]), alpha))[:6]
        assert [h.tokens for h in results] == [seq for seq, _ in brute], f"alpha={alpha}: not the exhaustive top 6"
        for h, (seq, log_prob) in zip(results, brute):
            assert h.log_prob == pytest.approx(log_prob, abs=1e-9)
            assert h.score == pytest.approx(gnmt_score(log_prob, len(seq), alpha), abs=1e-9), f"alpha={alpha}"


def test_finished_hypotheses_outlive_the_beam_and_k_are_returned(solution):
    a, b = 1, 2
    table = {
        (): [0.30, 0.65, 0.05],  # "</s>" finishes at step 1 and is the best result overall
        (a,): [0.02, 0.50, 0.48],  # two live children, both likelier than "</s>", fill the beam at step 2
        (a, a): [0.90, 0.06, 0.04],
        (a, b): [0.90, 0.04, 0.06],
    }
    results = run(solution, TableModel(table, [0.80, 0.12, 0.08]), beam_width=2, max_length=5, k=3, alpha=0.0)
    assert [h.tokens for h in results] == [(EOS,), (a, a, EOS), (a, b, EOS)], (
        "a hypothesis that finished early must stay a result after live ones push it out of the beam, "
        "and k results are returned even when k > beam_width"
    )
    for h, p in zip(results, [0.30, 0.65 * 0.50 * 0.90, 0.65 * 0.48 * 0.90]):
        assert h.log_prob == pytest.approx(math.log(p), abs=1e-9)


@pytest.mark.hidden
def test_small_beam_follows_the_stated_algorithm(solution):
    for seed, alpha in [(3, 0.8), (5, 0.0), (8, 1.5)]:
        model = RandomModel(vocab=5, seed=seed, sharpness=1.2, eos_bias=-0.5)
        results = run(solution, model, beam_width=3, max_length=7, k=4, alpha=alpha)
        pool = reference_beam(model.log_probs, beam_width=3, max_length=7)
        expected = sorted(pool, key=lambda item: -gnmt_score(item[1], len(item[0]), alpha))[:4]
        assert [h.tokens for h in results] == [seq for seq, _ in expected], f"seed={seed}: beam contents differ"
        assert len(model.calls) <= 3 * 7, "call the model once per live hypothesis per step"
        assert model.calls[0] == (), "the first call gets the empty prefix"


@pytest.mark.hidden
def test_fewer_results_than_k_and_stated_tie_rule(solution):
    # max_length 1, uniform model: every candidate ties, so the lexicographic rule decides.
    uniform = TableModel({}, [0.25, 0.25, 0.25, 0.25])
    results = run(solution, uniform, beam_width=3, max_length=1, k=10, alpha=0.5)
    assert [h.tokens for h in results] == [(0,), (1,), (2,)], "ties go to the lexicographically smaller tokens"
    assert all(math.isfinite(h.score) for h in results)


@pytest.mark.hidden
def test_invalid_settings_raise(solution):
    model = TableModel({}, [0.5, 0.5])
    for beam_width, max_length, k, alpha in [(0, 3, 1, 0.0), (2, 0, 1, 0.0), (2, 3, 0, 0.0), (2, 3, 1, -0.1)]:
        with pytest.raises(ValueError):
            solution.TopKBeamSearch(model, EOS, beam_width=beam_width, max_length=max_length, k=k, alpha=alpha)
