import itertools
import math

import numpy as np
import pytest
from hmm_oracle import (
    assert_within_ratio,
    enumerate_best_and_total,
    long_pinned_model,
    random_model,
    sum_product_baseline,
)

# The statement's worked example ("the cat sat"; tags DET, NOUN, VERB) as log arrays.
with np.errstate(divide="ignore"):
    EXAMPLE = (
        np.log([0.6, 0.3, 0.1]),
        np.log([[0.05, 0.9, 0.05], [0.1, 0.3, 0.6], [0.5, 0.3, 0.2]]),
        np.log([[0.7, 0.0, 0.0], [0.0, 0.5, 0.1], [0.0, 0.2, 0.5]]),
    )


def likelihood(solution, model) -> float:
    value = float(solution.forward_log_likelihood(*model))
    assert not math.isnan(value), "got NaN: a log-sum-exp over all -inf terms must give -inf"
    return value


def test_worked_example_and_brute_force(solution):
    # P(the cat sat) sums four tag sequences: DET {NOUN, VERB} {NOUN, VERB}.
    p = 0.6 * 0.7 * (0.9 * 0.5 * (0.3 * 0.2 + 0.6 * 0.5) + 0.05 * 0.1 * (0.3 * 0.2 + 0.2 * 0.5))
    assert math.isclose(likelihood(solution, EXAMPLE), math.log(p), rel_tol=1e-12)
    rng = np.random.default_rng(7)
    for trial in range(30):
        model = random_model(rng, states=2 + trial % 3, length=1 + trial % 6, hmm=trial % 2 == 0)
        _, _, total = enumerate_best_and_total(*model)
        value = likelihood(solution, model)
        assert math.isclose(value, total, rel_tol=1e-9, abs_tol=1e-9), f"expected {total:.6f}, got {value}"


def test_probabilities_of_all_sequences_sum_to_one(solution):
    # A proper HMM defines a distribution over observation sequences of each length.
    rng = np.random.default_rng(2)
    states, vocabulary, length = 3, 3, 4
    pi = rng.dirichlet(np.ones(states))
    a = rng.dirichlet(np.ones(states), size=states)
    b = rng.dirichlet(np.ones(vocabulary), size=states)  # b[state, word]
    total = 0.0
    for words in itertools.product(range(vocabulary), repeat=length):
        log_emissions = np.log(b[:, list(words)].T)
        total += math.exp(likelihood(solution, (np.log(pi), np.log(a), log_emissions)))
    assert math.isclose(total, 1.0, rel_tol=1e-9), f"P(x) over all {vocabulary ** length} sequences sums to {total}"


def test_300_token_document_needs_log_space(solution):
    # Every fifth token can only come from state 0; the sequence log-likelihood is near -900,
    # far below log(5e-324) = -744.4, so probability-space sums or an unshifted log-sum-exp give -inf.
    model = long_pinned_model(np.random.default_rng(13), states=4, segments=60, free=4)
    _, _, total = enumerate_best_and_total(*model)
    assert total < -800
    value = likelihood(solution, model)
    assert math.isclose(value, total, rel_tol=1e-9, abs_tol=1e-6), f"expected {total:.4f}, got {value}"


def test_impossible_states_give_minus_inf_not_nan(solution):
    # State 2 can never be entered (no initial mass, no incoming transition): every alpha
    # term for it is -inf, and a max-shifted log-sum-exp computes -inf - (-inf) = NaN.
    with np.errstate(divide="ignore"):
        log_initial = np.log([0.7, 0.3, 0.0])
        log_transition = np.log([[0.6, 0.4, 0.0], [0.5, 0.5, 0.0], [0.2, 0.3, 0.5]])
        log_emissions = np.log([[0.5, 0.2, 0.9], [0.1, 0.6, 0.9], [0.3, 0.3, 0.9], [0.2, 0.4, 0.9]])
    _, _, total = enumerate_best_and_total(log_initial, log_transition, log_emissions)
    value = likelihood(solution, (log_initial, log_transition, log_emissions))
    assert math.isclose(value, total, rel_tol=1e-12), f"expected {total:.6f}, got {value}"


@pytest.mark.hidden
def test_empty_sequence_has_probability_one(solution):
    assert likelihood(solution, (np.zeros(2), np.zeros((2, 2)), np.zeros((0, 2)))) == 0.0


@pytest.mark.hidden
def test_vectorised_over_states(solution):
    # Baseline: the same number of broadcast (S, S) log-sum-exp steps (CPU time). A vectorised
    # forward pass costs 1.5-4.5x that (np.logaddexp.reduce is the slow end); a Python loop
    # over states inside each step costs about 20x, over pairs of states about 60x.
    rng = np.random.default_rng(1)
    states, length = 64, 100
    model = random_model(rng, states, length, hmm=False)
    assert_within_ratio(
        lambda: solution.forward_log_likelihood(*model),
        lambda: sum_product_baseline(model[1], length),
        10,
        "forward_log_likelihood",
    )
