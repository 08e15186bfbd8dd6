import math
from collections.abc import Callable
from types import ModuleType

import pytest
from beam_toys import EOS, MarkovProbModel, TableModel, all_sequences, reference_beam, sequence_log_prob

YES, OF, COURSE = 1, 2, 3
REPLY_TABLE = {
    (): [0.05, 0.45, 0.40, 0.10],
    (YES,): [0.55, 0.05, 0.10, 0.30],
    (OF,): [0.02, 0.03, 0.05, 0.90],
    (OF, COURSE): [0.60, 0.25, 0.10, 0.05],
}
REPLY_DEFAULT = [0.70, 0.15, 0.10, 0.05]


def run(solution: ModuleType, model: Callable, beam_width: int, max_length: int, k: int, alpha: float) -> list:
    return solution.TopKBeamSearch(model, EOS, beam_width=beam_width, max_length=max_length, k=k, alpha=alpha).search()


def test_average_log_prob_ranking(solution):
    searcher = solution.TopKBeamSearch(TableModel(REPLY_TABLE, REPLY_DEFAULT, as_probs=True), EOS, 2, 4, 3, alpha=0.5)
    assert searcher.length_penalty(4) == pytest.approx(2.0), "the divisor is |Y| ** alpha"
    tokens = [(YES, EOS), (OF, COURSE, EOS), (OF, COURSE, YES, EOS)]
    log_probs = [math.log(0.45 * 0.55), math.log(0.40 * 0.90 * 0.60), math.log(0.40 * 0.90 * 0.25 * 0.70)]
    for alpha, order in [(0.0, [0, 1, 2]), (0.5, [1, 0, 2]), (1.0, [1, 2, 0])]:
        results = run(solution, TableModel(REPLY_TABLE, REPLY_DEFAULT, as_probs=True), 2, 4, 3, alpha)
        assert [h.tokens for h in results] == [tokens[i] for i in order], f"alpha={alpha}: wrong ranking"
        for h, i in zip(results, order):
            assert h.log_prob == pytest.approx(log_probs[i], abs=1e-9)
            assert h.score == pytest.approx(log_probs[i] / len(tokens[i]) ** alpha, abs=1e-9), (
                "score = log_prob / |Y| ** alpha, with |Y| counting EOS"
            )


def test_zero_probability_tokens_are_never_kept(solution):
    table = {
        (): [0.0, 0.7, 0.0, 0.3],  # only tokens 1 and 3 are possible first
        (1,): [0.6, 0.0, 0.4, 0.0],
        (3,): [0.6, 0.4, 0.0, 0.0],
    }
    results = run(solution, TableModel(table, [1.0, 0.0, 0.0, 0.0], as_probs=True), beam_width=4, max_length=3,
                  k=10, alpha=0.0)
    assert [h.tokens for h in results] == [(1, EOS), (1, 2, EOS), (3, EOS), (3, 1, EOS)], (
        "a token with probability 0 must never enter the beam, even when the beam has room for it"
    )
    for h, p in zip(results, [0.42, 0.28, 0.18, 0.12]):
        assert h.log_prob == pytest.approx(math.log(p), abs=1e-9)


def test_long_outputs_do_not_underflow(solution):
    # ~280 tokens at log-prob about -3 each: every output has probability near 1e-370, below the
    # smallest float64, so a product of probabilities is exactly 0.0 long before the end.
    model = MarkovProbModel(vocab=60, seed=3, eos_from=280, sharpness=0.3)
    results = run(solution, model, beam_width=3, max_length=300, k=3, alpha=1.0)
    pool = reference_beam(model.log_probs, beam_width=3, max_length=300)
    expected = sorted(pool, key=lambda item: -item[1] / len(item[0]))[:3]
    assert [h.tokens for h in results] == [seq for seq, _ in expected], "work in log space: products of probabilities underflow"
    for h, (seq, log_prob) in zip(results, expected):
        assert math.isfinite(h.log_prob) and h.log_prob < -700
        assert h.log_prob == pytest.approx(log_prob, rel=1e-9)
        assert h.score == pytest.approx(log_prob / len(seq), rel=1e-9)


@pytest.mark.hidden
def test_wide_beam_matches_exhaustive_search(solution):
    model = MarkovProbModel(vocab=4, seed=17, eos_from=0, sharpness=1.0, zero_fraction=0.25)
    possible = [(s, sequence_log_prob(model.log_probs, s)) for s in all_sequences(4, 4)]
    possible = [(s, lp) for s, lp in possible if math.isfinite(lp)]
    for alpha in (0.0, 0.5, 1.5):
        results = run(solution, model, beam_width=128, max_length=4, k=8, alpha=alpha)
        brute = sorted(possible, key=lambda item: (-item[1] / len(item[0]) ** alpha, item[0]))[:8]
        assert [h.tokens for h in results] == [s for s, _ in brute], f"alpha={alpha}"
        for h, (s, lp) in zip(results, brute):
            assert h.score == pytest.approx(lp / len(s) ** alpha, abs=1e-9)


@pytest.mark.hidden
def test_call_budget_and_empty_first_prefix(solution):
    model = TableModel(REPLY_TABLE, REPLY_DEFAULT, as_probs=True)
    run(solution, model, beam_width=2, max_length=6, k=2, alpha=1.0)
    assert model.calls[0] == (), "the first call gets the empty prefix"
    assert len(model.calls) <= 2 * 6, "call the model once per live hypothesis per step"


@pytest.mark.hidden
def test_invalid_settings_raise(solution):
    model = TableModel({}, [0.5, 0.5], as_probs=True)
    for beam_width, max_length, k, alpha in [(0, 3, 1, 1.0), (2, 0, 1, 1.0), (2, 3, 0, 1.0), (2, 3, 1, -1.0)]:
        with pytest.raises(ValueError):
            solution.TopKBeamSearch(model, EOS, beam_width=beam_width, max_length=max_length, k=k, alpha=alpha)
