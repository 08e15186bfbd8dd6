import itertools
import math

import numpy as np
import pytest
from hmm_oracle import (
    assert_within_ratio,
    enumerate_best_and_total,
    long_pinned_model,
    max_plus_baseline,
    path_score,
    random_model,
    twin_model,
)

# The statement's worked example ("the cat sat"; tags DET, NOUN, VERB) as log arrays.
with np.errstate(divide="ignore"):
    EXAMPLE = (
        np.log([0.6, 0.3, 0.1]),
        np.log([[0.05, 0.9, 0.05], [0.1, 0.3, 0.6], [0.5, 0.3, 0.2]]),
        np.log([[0.7, 0.0, 0.0], [0.0, 0.5, 0.1], [0.0, 0.2, 0.5]]),
    )


def decode(solution, model):
    path, score = solution.viterbi_decode(*model)
    path = np.asarray(path)
    length, states = model[2].shape
    assert path.shape == (length,), f"expected a path of shape ({length},), got {path.shape}"
    assert np.issubdtype(path.dtype, np.integer) or length == 0, f"expected integer states, got dtype {path.dtype}"
    assert ((0 <= path) & (path < states)).all()
    return path.astype(int).tolist(), float(score)


def check_optimal(solution, model, abs_tol=1e-9):
    path, score = decode(solution, model)
    best, _, _ = enumerate_best_and_total(*model)
    achieved = path_score(*model, path)
    assert math.isclose(score, best, rel_tol=1e-9, abs_tol=abs_tol), f"best score is {best:.6f}, you returned {score}"
    assert math.isclose(achieved, best, rel_tol=1e-9, abs_tol=abs_tol), (
        f"your path {path} scores {achieved:.6f}, the best scores {best:.6f}"
    )
    return path


def test_worked_example_and_brute_force(solution):
    path, score = decode(solution, EXAMPLE)
    assert path == [0, 1, 2]
    assert math.isclose(score, math.log(0.0567), rel_tol=1e-12)
    rng = np.random.default_rng(7)
    for trial in range(30):
        model = random_model(rng, states=2 + trial % 3, length=1 + trial % 6, hmm=trial % 2 == 0)
        check_optimal(solution, model)


def test_forbidden_transitions_bio_tagging(solution):
    # BIO tags: an I-X may only follow B-X or I-X. Emissions favour illegal I- tags,
    # so an unconstrained decoder would produce forbidden steps.
    tags = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    allowed = np.ones((5, 5), dtype=bool)
    allowed[:, 2] = False
    allowed[[1, 2], 2] = True
    allowed[:, 4] = False
    allowed[[3, 4], 4] = True
    rng = np.random.default_rng(3)
    for _ in range(10):
        log_transition = np.where(allowed, rng.normal(size=(5, 5)), -np.inf)
        log_initial = np.array([0.0, 0.0, -np.inf, 0.0, -np.inf])
        log_emissions = rng.normal(size=(5, 5))
        log_emissions[:, [2, 4]] += 1.5
        path = check_optimal(solution, (log_initial, log_transition, log_emissions))
        for a, b in itertools.pairwise(path):
            assert allowed[a, b], f"forbidden step {tags[a]} -> {tags[b]} in {[tags[s] for s in path]}"


def test_ties_prefer_the_lowest_state_index(solution):
    rng = np.random.default_rng(5)
    for length in (1, 3, 6):
        model = twin_model(rng, length)
        path = check_optimal(solution, model)
        assert 1 in path and 2 not in path, f"states 1 and 2 tie exactly; the rule picks 1, got {path}"


def test_vectorised_over_states(solution):
    # Baseline: the same number of broadcast (S, S) max-plus steps, without backpointers (CPU
    # time). A vectorised decoder costs 1-1.6x that; a Python loop over states inside each
    # step costs about 18x, over pairs of states about 65x.
    rng = np.random.default_rng(1)
    states, length = 64, 100
    model = random_model(rng, states, length, hmm=False)
    assert_within_ratio(
        lambda: solution.viterbi_decode(*model), lambda: max_plus_baseline(model[1], length), 6, "viterbi_decode"
    )


@pytest.mark.hidden
def test_long_sequence_matches_segment_oracle(solution):
    model = long_pinned_model(np.random.default_rng(13), states=4, segments=60, free=4)
    check_optimal(solution, model, abs_tol=1e-6)


@pytest.mark.hidden
def test_empty_and_single_position(solution):
    path, score = solution.viterbi_decode(np.zeros(3), np.zeros((3, 3)), np.zeros((0, 3)))
    assert len(path) == 0 and score == 0.0
    model = (np.array([0.5, -1.0, 2.0]), np.zeros((3, 3)), np.array([[1.0, 3.5, 0.4]]))
    assert decode(solution, model) == ([1], pytest.approx(2.5))
