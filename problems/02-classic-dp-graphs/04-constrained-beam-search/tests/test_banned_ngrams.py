import time

import numpy as np
import pytest
from toy_models import (
    check_result,
    contains_ngram,
    random_model,
    ranked_valid,
    score,
    table_model,
)

EOS = 0

# A chatbot toy: 1 "you", 2 "are", 3 "dumb", 4 "great", 5 "so". "are dumb" and "so dumb"
# are banned. Unconstrained, a width-2 beam finishes only (1, 2, 3, EOS) and
# (1, 2, 5, 3, EOS), both banned, so filtering after the search leaves nothing.
INSULT_TABLE = {
    (): {1: 0.85, 5: 0.08},
    (1,): {2: 0.75, 5: 0.15},
    (5,): {3: 0.9},
    (1, 2): {3: 0.6, 5: 0.25, 4: 0.1},
    (1, 5): {3: 0.8, 4: 0.15},
    (1, 2, 3): {EOS: 0.95},
    (1, 2, 5): {3: 0.7, 4: 0.25},
    (1, 2, 4): {EOS: 0.9},
    (1, 5, 4): {EOS: 0.9},
    (1, 2, 5, 3): {EOS: 0.95},
    (1, 2, 5, 4): {EOS: 0.95},
}
INSULTS = [(2, 3), (5, 3)]

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


def mask_of(constraint, prefix, vocab_size):
    mask = np.asarray(constraint.allowed_mask(tuple(prefix), vocab_size), dtype=bool)
    assert mask.shape == (vocab_size,), f"allowed_mask must return {vocab_size} booleans, got shape {mask.shape}"
    return mask


def banned_set(constraint, prefix, vocab_size):
    return set(np.flatnonzero(~mask_of(constraint, prefix, vocab_size)).tolist())


def is_clean(tokens, banned_tokens=(), ngrams=()):
    return not any(t in banned_tokens for t in tokens) and not any(contains_ngram(tokens, g) for g in ngrams)


def test_masks_ban_exactly_the_completing_token(solution):
    tokens = solution.BannedTokens([1, 3])
    assert banned_set(tokens, (), 5) == {1, 3}
    assert banned_set(tokens, (0, 2, 4), 5) == {1, 3}

    ngrams = solution.BannedNGrams([(4,), (1, 2), (2, 3, 1)])
    assert banned_set(ngrams, (), 6) == {4}, "a 1-gram is banned everywhere, even with an empty prefix"
    assert banned_set(ngrams, (5, 5, 1), 6) == {4, 2}, "1-grams stay banned after a non-empty prefix; (1, 2) bans 2 after 1"
    assert banned_set(ngrams, (5, 2, 3), 6) == {4, 1}, "(2, 3, 1) bans 1 after ... 2, 3"
    assert banned_set(ngrams, (5, 3), 6) == {4}, "(2, 3, 1) needs both context tokens: 3 alone bans nothing"
    assert banned_set(ngrams, (1, 2), 6) == {4}, "the n-gram (1, 2) is already complete: it bans nothing after it"


def test_pruning_finds_a_safe_reply_where_filtering_afterwards_finds_none(solution):
    model = table_model(INSULT_TABLE, vocab_size=6, eos_id=EOS)
    result = solution.constrained_beam_search(model, EOS, beam_width=2, max_length=5, constraints=[solution.BannedNGrams(INSULTS)])
    tokens, value = check_result(result)
    assert is_clean(tokens, ngrams=INSULTS), f"{tokens} contains a banned n-gram"
    best = ranked_valid(model, 6, EOS, 5, lambda s: is_clean(s, ngrams=INSULTS))[0]
    assert tokens == best[0], f"expected {best[0]} (log-prob {best[1]:.4f}), got {tokens}"
    assert value == pytest.approx(best[1], abs=1e-9)


def test_search_returns_the_best_finished_hypothesis(solution):
    # A narrow beam must keep what finished: (1, EOS) is the best sequence of all, although
    # (1, 2, 3) and (1, 2, 4) score higher than it at step 3.
    model = table_model(EARLY_STOP_TABLE, vocab_size=6, eos_id=EOS)
    result = solution.constrained_beam_search(model, EOS, beam_width=2, max_length=5, constraints=[solution.BannedTokens([5])])
    tokens, value = check_result(result)
    assert tokens == (1, EOS), f"(1, EOS) finished at step 2 with the best score of all; got {tokens}"
    assert value == pytest.approx(np.log(0.97 * 0.25), abs=1e-9)

    # A beam wide enough to keep every valid candidate must find the exhaustive optimum.
    vocab_size, max_length = 5, 5
    for seed in (3, 11, 19, 23):
        rng = np.random.default_rng(seed)
        banned_tokens = [int(rng.integers(1, vocab_size))]
        ngrams = [tuple(int(t) for t in rng.integers(0, vocab_size, size=n)) for n in (2, 2, 3, 3)]
        ngrams = [g for g in ngrams if g[0] != EOS]
        model = random_model(vocab_size, seed)
        ranked = ranked_valid(model, vocab_size, EOS, max_length, lambda s, b=banned_tokens, g=ngrams: is_clean(s, b, g))
        assert ranked[0][1] - ranked[1][1] > 1e-6, "test setup: the best sequence must be unique"

        def search(width, model=model, banned_tokens=banned_tokens, ngrams=ngrams):
            constraints = [solution.BannedTokens(banned_tokens), solution.BannedNGrams(ngrams)]
            return solution.constrained_beam_search(model, EOS, beam_width=width, max_length=max_length, constraints=constraints)

        setup = f"seed {seed}, banned tokens {banned_tokens}, banned n-grams {ngrams}"
        tokens, value = check_result(search(1000))
        assert tokens == ranked[0][0], f"{setup}: a width-1000 beam prunes nothing valid, expected {ranked[0][0]}, got {tokens}"
        assert value == pytest.approx(ranked[0][1], abs=1e-9)
        for width in (1, 2, 3):
            narrow = search(width)
            if narrow is not None:
                tokens, value = check_result(narrow)
                assert tokens[-1] == EOS and EOS not in tokens[:-1] and len(tokens) <= max_length, f"{setup}: not a finished sequence: {tokens}"
                assert is_clean(tokens, banned_tokens, ngrams), f"{setup}: width {width} returned {tokens}, which breaks a constraint"
                assert value == pytest.approx(score(model, tokens), abs=1e-9), "the score must be the sum of the token log-probabilities"


def _seconds(constraint, prefixes, vocab_size, repeats=3):
    start = time.process_time()  # CPU time: other processes on a busy machine do not count
    for _ in range(repeats):
        for prefix in prefixes:
            constraint.allowed_mask(prefix, vocab_size)
    return time.process_time() - start


def test_mask_cost_does_not_grow_with_the_blocklist(solution):
    vocab_size = 1_000
    rng = np.random.default_rng(7)
    blocklist = [tuple(int(t) for t in row) for row in rng.integers(1, vocab_size, size=(30_000, 3))]
    small = solution.BannedNGrams(blocklist[:20])
    big = solution.BannedNGrams(blocklist)
    prefixes = [tuple(int(t) for t in row) for row in rng.integers(1, vocab_size, size=(20, 6))]
    prefixes += [(9, *ngram[:2]) for ngram in blocklist[:5]]  # these end in a banned context
    assert blocklist[4][2] in banned_set(big, prefixes[-1], vocab_size)
    small_best = big_best = float("inf")
    for _ in range(7):  # interleaved rounds, best of each: a busy machine slows both alike
        small_best = min(small_best, _seconds(small, prefixes, vocab_size))
        big_best = min(big_best, _seconds(big, prefixes, vocab_size))
        if big_best > 100 * small_best:
            break  # clearly growing with the list: no need to wait for more rounds
    ratio = big_best / small_best
    assert ratio < 10, (
        f"allowed_mask with 30,000 banned n-grams is {ratio:.0f}x slower than with 20: "
        "index the n-grams by their context instead of scanning the list"
    )


@pytest.mark.hidden
def test_no_valid_sequence_returns_none(solution):
    model = random_model(4, seed=5)
    assert solution.constrained_beam_search(model, EOS, 3, 4, [solution.BannedTokens([EOS])]) is None
    assert solution.constrained_beam_search(model, EOS, 3, 4, [solution.BannedNGrams([(EOS,)])]) is None
    # 1 and 3 are banned everywhere and nothing may follow 2, so only the empty reply (EOS,) is left.
    dead_ends = solution.BannedNGrams([(2, t) for t in range(4)] + [(1,), (3,)])
    tokens, value = check_result(solution.constrained_beam_search(model, EOS, 3, 4, [dead_ends]))
    assert tokens == (EOS,)
    assert value == pytest.approx(float(model(())[EOS]), abs=1e-9)


@pytest.mark.hidden
def test_ties_prefer_the_smaller_token_sequence(solution):
    def model(prefix):
        prefix = tuple(prefix)
        if prefix == ():
            return np.log([0.1, 0.45, 0.45])
        return np.log([0.5, 0.3, 0.2]) if prefix == (1,) else np.log([0.9, 0.06, 0.04])

    tokens, _ = check_result(solution.constrained_beam_search(model, EOS, 1, 3, [solution.BannedTokens([])]))
    assert tokens == (1, EOS), "(1,) and (2,) tie at step 1: the width-1 beam keeps the smaller one, (1,)"


@pytest.mark.hidden
def test_invalid_arguments_raise(solution):
    with pytest.raises(ValueError):
        solution.BannedNGrams([(1, 2), ()])
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

    for constraints in ([], [solution.BannedTokens([])]):
        tokens, value = check_result(solution.constrained_beam_search(model, EOS, 1, 2, constraints))
        assert tokens == (1, EOS), f"at step max_length only EOS may be chosen; got {tokens}"
        assert value == pytest.approx(np.log(0.9 * 0.05), abs=1e-9)
