import numpy as np
import pytest
from toy_models import check_result, random_model, ranked_valid, score, table_model

EOS = 0

# A support bot: 1 "thanks", 2 "for", 3 "waiting", 4 "refund", 5 "policy". Token 4 is required.
# The model would rather stop at once. A width-2 unconstrained beam spends its slots on early
# stops; of all it finishes only (1, 2, 3, 4, EOS) mentions the refund, so filtering afterwards
# returns that instead of the best valid reply, (1, 4, 5, EOS).
REFUND_TABLE = {
    (): {1: 0.9},
    (1,): {EOS: 0.6, 2: 0.3, 4: 0.05},
    (1, 2): {3: 0.8},
    (1, 2, 3): {EOS: 0.9, 4: 0.05},
    (1, 4): {5: 0.7},
    (1, 4, 5): {EOS: 0.9},
}

# Token 4 is required but unlikely before the third position. With max_length 4, a width-2 beam
# that only holds EOS back keeps (1, 2, 3) and (1, 3, 2) after step 3; neither has room left
# for 4 and EOS, so both die. The lookahead forces 4 in at step 3 instead.
LATE_TABLE = {
    (): {1: 0.6, 2: 0.35},
    (1,): {2: 0.5, 3: 0.4},
    (2,): {3: 0.6, 1: 0.3},
    (1, 2): {3: 0.6, 1: 0.25, 4: 0.08},
    (1, 3): {2: 0.6, 1: 0.25, 4: 0.08},
    (2, 3): {1: 0.6, 2: 0.25, 4: 0.08},
    (2, 1): {3: 0.6, 2: 0.25, 4: 0.08},
}

# Token 1 is almost certain; then the model may stop (EOS, 0.25) or go on with 2, whose two
# continuations each beat the finished (1, EOS) for one step before collapsing. A search
# that left finished hypotheses in the beam would lose (1, EOS) at step 3.
EARLY_STOP_TABLE = {
    (): {1: 0.97},
    (1,): {2: 0.7, EOS: 0.25},
    (1, 2): {3: 0.5, 4: 0.45},
    (1, 2, 3): {EOS: 0.3},
    (1, 2, 4): {EOS: 0.3},
}


def allowed_set(constraint, prefix, vocab_size):
    mask = np.asarray(constraint.allowed_mask(tuple(prefix), vocab_size), dtype=bool)
    assert mask.shape == (vocab_size,), f"allowed_mask must return {vocab_size} booleans, got shape {mask.shape}"
    return set(np.flatnonzero(mask).tolist())


def search(solution, model, width, max_length, required):
    constraint = solution.RequiredTokens(required, eos_id=EOS, max_length=max_length)
    return solution.constrained_beam_search(model, EOS, beam_width=width, max_length=max_length, constraints=[constraint])


def test_mask_holds_eos_back_and_keeps_room_for_missing_tokens(solution):
    rule = solution.RequiredTokens([3, 4], eos_id=EOS, max_length=5)
    assert rule.is_satisfied((1, 4, 3, EOS)) and rule.is_satisfied([3, 4])
    assert not rule.is_satisfied((4, 4, 1))
    everything_but_eos = {1, 2, 3, 4, 5}
    assert allowed_set(rule, (), 6) == everything_but_eos, "EOS waits until 3 and 4 have both appeared"
    assert allowed_set(rule, (1, 3), 6) == everything_but_eos, "4 is missing, and after one more token 2 positions remain for 4 and EOS"
    assert allowed_set(rule, (1, 2), 6) == {3, 4}, "3 and 4 are missing and 3 positions remain: the next token must be one of them"
    assert allowed_set(rule, (3, 1, 2), 6) == {4}, "4 is missing and 2 positions remain: 4 now, EOS last"
    assert allowed_set(rule, (3, 4), 6) == {EOS, 1, 2, 3, 4, 5}, "satisfied with room left: anything, EOS included"
    assert allowed_set(rule, (3, 1, 4, 2), 6) == {EOS}, "satisfied at the last position: only EOS fits"
    exact = solution.RequiredTokens([1, 2], eos_id=EOS, max_length=3)
    assert allowed_set(exact, (), 4) == {1, 2}, "two required tokens and EOS exactly fill max_length 3"


def test_eos_waits_for_the_required_token(solution):
    model = table_model(REFUND_TABLE, vocab_size=6, eos_id=EOS)
    tokens, value = check_result(search(solution, model, width=2, max_length=5, required=[4]))
    assert 4 in tokens, f"{tokens} never mentions the required token 4"
    best = ranked_valid(model, 6, EOS, 5, lambda s: 4 in s)[0]
    assert tokens == best[0], f"expected {best[0]} (log-prob {best[1]:.4f}), got {tokens}"
    assert value == pytest.approx(best[1], abs=1e-9)


def test_narrow_beam_still_fits_a_late_required_token(solution):
    model = table_model(LATE_TABLE, vocab_size=6, eos_id=EOS)
    for width in (1, 2):
        tokens, value = check_result(search(solution, model, width=width, max_length=4, required=[4]))
        assert tokens == (1, 2, 4, EOS), (
            f"width {width}: expected (1, 2, 4, EOS), got {tokens}; a hypothesis that can no longer fit "
            "its missing tokens and EOS before max_length must be pruned, not kept until it dies"
        )
        assert value == pytest.approx(np.log(0.6 * 0.5 * 0.08 * 0.9), abs=1e-9)


def test_search_returns_the_best_finished_hypothesis(solution):
    # A narrow beam must keep what finished: (1, EOS) is the best sequence of all, although
    # (1, 2, 3) and (1, 2, 4) score higher than it at step 3.
    model = table_model(EARLY_STOP_TABLE, vocab_size=6, eos_id=EOS)
    tokens, value = check_result(search(solution, model, width=2, max_length=5, required=[1]))
    assert tokens == (1, EOS), f"(1, EOS) finished at step 2 with the best score of all; got {tokens}"
    assert value == pytest.approx(np.log(0.97 * 0.25), abs=1e-9)

    # A beam wide enough to keep every valid candidate must find the exhaustive optimum.
    vocab_size = 5
    for seed, required, max_length in ((2, [3], 5), (8, [1, 4], 5), (13, [2, 3, 4], 5), (21, [1, 2, 3], 4)):
        model = random_model(vocab_size, seed)
        ranked = ranked_valid(model, vocab_size, EOS, max_length, lambda s, r=frozenset(required): r <= set(s))
        assert ranked[0][1] - ranked[1][1] > 1e-6, "test setup: the best sequence must be unique"
        setup = f"seed {seed}, required {required}, max_length {max_length}"
        tokens, value = check_result(search(solution, model, 1000, max_length, required))
        assert tokens == ranked[0][0], f"{setup}: a width-1000 beam prunes nothing valid, expected {ranked[0][0]}, got {tokens}"
        assert value == pytest.approx(ranked[0][1], abs=1e-9)
        for width in (1, 2, 3):
            tokens, value = check_result(search(solution, model, width, max_length, required))
            assert tokens[-1] == EOS and EOS not in tokens[:-1] and len(tokens) <= max_length, f"{setup}: not a finished sequence: {tokens}"
            assert set(required) <= set(tokens), f"{setup}: width {width} returned {tokens}, which misses a required token"
            assert value == pytest.approx(score(model, tokens), abs=1e-9), "the score must be the sum of the token log-probabilities"


@pytest.mark.hidden
def test_impossible_requirements_return_none(solution):
    model = random_model(5, seed=4)
    assert search(solution, model, 4, 3, [1, 2, 3]) is None, "three required tokens plus EOS cannot fit in 3 positions"
    assert search(solution, model, 4, 1, [2]) is None


@pytest.mark.hidden
def test_no_required_tokens_is_plain_beam_search(solution):
    model = random_model(4, seed=6)
    ranked = ranked_valid(model, 4, EOS, 4, lambda s: True)
    tokens, value = check_result(search(solution, model, 1000, 4, []))
    assert tokens == ranked[0][0]
    assert value == pytest.approx(ranked[0][1], abs=1e-9)


@pytest.mark.hidden
def test_invalid_arguments_raise(solution):
    with pytest.raises(ValueError):
        solution.RequiredTokens([2, EOS], eos_id=EOS, max_length=5)
    model = random_model(3, seed=1)
    with pytest.raises(ValueError):
        solution.constrained_beam_search(model, EOS, 0, 3, [])
    with pytest.raises(ValueError):
        solution.constrained_beam_search(model, EOS, 2, 0, [])


@pytest.mark.hidden
def test_last_position_is_reserved_for_eos(solution):
    def model(prefix):
        prefix = tuple(prefix)
        if prefix == ():
            return np.log([0.05, 0.9, 0.05])
        return np.log([0.05, 0.05, 0.9])  # the model would rather go on than stop

    tokens, value = check_result(solution.constrained_beam_search(model, EOS, 1, 2, []))
    assert tokens == (1, EOS), f"at step max_length only EOS may be chosen, even without constraints; got {tokens}"
    assert value == pytest.approx(np.log(0.9 * 0.05), abs=1e-9)
