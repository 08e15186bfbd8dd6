import math
from collections.abc import Callable
from types import ModuleType

import numpy as np
import pytest
from beam_toys import EOS, RandomModel, TableModel, all_sequences, log_softmax, reference_beam, sequence_log_prob

A, B, C = 1, 2, 3


def run(solution: ModuleType, model: Callable, beam_width: int, max_length: int, k: int,
        temperature: float = 1.0, diversity_penalty: float = 0.0) -> list:
    searcher = solution.TopKBeamSearch(
        model, EOS, beam_width=beam_width, max_length=max_length, k=k,
        temperature=temperature, diversity_penalty=diversity_penalty,
    )
    return searcher.search()


def tempered(model: RandomModel, temperature: float) -> Callable[[tuple[int, ...]], np.ndarray]:
    return lambda prefix: log_softmax(model.log_probs(prefix) / temperature)


def test_defaults_reproduce_plain_beam_search(solution):
    for seed in (7, 12):
        model = RandomModel(vocab=5, seed=seed, sharpness=1.2, eos_bias=-0.5)
        results = run(solution, model, beam_width=3, max_length=6, k=4)
        expected = sorted(reference_beam(model.log_probs, 3, 6), key=lambda item: -item[1])[:4]
        assert [h.tokens for h in results] == [seq for seq, _ in expected], f"seed={seed}: not the plain beam search"
        for h, (_, log_prob) in zip(results, expected):
            assert h.log_prob == pytest.approx(log_prob, abs=1e-9)


def test_temperature_renormalises_every_step(solution):
    # "a </s>" has the likelier first token; "b </s>" the more confident second step.
    table = {(): [0.02, 0.58, 0.40], (A,): [0.50, 0.30, 0.20], (B,): [0.95, 0.03, 0.02]}
    model = TableModel(table, [0.90, 0.06, 0.04])
    for temperature, winner in [(0.5, (A, EOS)), (1.0, (B, EOS)), (2.0, (B, EOS))]:
        results = run(solution, TableModel(table, [0.90, 0.06, 0.04]), 2, 3, 2, temperature=temperature)
        assert results[0].tokens == winner, f"T={temperature}: the winner should be {winner}"
        for h in results:
            # The searched distribution is log_softmax(log_probs / T), renormalised at every step.
            expected = sum(
                log_softmax(np.log(model.probs(h.tokens[:i])) / temperature)[h.tokens[i]] for i in range(len(h.tokens))
            )
            assert h.log_prob == pytest.approx(expected, abs=1e-9), (
                f"T={temperature}: log_prob must be the sum of renormalised tempered log-probs"
            )


def test_sibling_penalty_spreads_the_beam_across_parents(solution):
    table = {
        (): [0.01, 0.55, 0.40, 0.04],
        (A,): [0.01, 0.05, 0.50, 0.44],  # "a" has two strong children ...
        (B,): [0.01, 0.60, 0.20, 0.19],  # ... "b" one, slightly weaker than a's second
    }
    default = [0.90, 0.05, 0.03, 0.02]
    plain = run(solution, TableModel(table, default), 2, 4, 2)
    assert [h.tokens for h in plain] == [(A, B, EOS), (A, C, EOS)]
    diverse = run(solution, TableModel(table, default), 2, 4, 2, diversity_penalty=0.5)
    assert [h.tokens for h in diverse] == [(A, B, EOS), (B, A, EOS)], (
        "a's second child pays 0.5 x rank 1 and must lose its slot to b's best child"
    )
    assert diverse[1].log_prob == pytest.approx(math.log(0.40 * 0.60 * 0.90), abs=1e-9), (
        "the penalty steers selection only; log_prob stays the model's log-probability"
    )


@pytest.mark.hidden
def test_wide_beam_matches_exhaustive_search_at_any_penalty(solution):
    model = RandomModel(vocab=4, seed=21, sharpness=1.5)
    searched = tempered(model, 0.7)
    brute = sorted(((s, sequence_log_prob(searched, s)) for s in all_sequences(4, 4)), key=lambda item: -item[1])[:5]
    for penalty in (0.0, 3.0):  # a beam that never prunes makes the penalty irrelevant
        results = run(solution, model, 128, 4, 5, temperature=0.7, diversity_penalty=penalty)
        assert [h.tokens for h in results] == [s for s, _ in brute]
        for h, (_, log_prob) in zip(results, brute):
            assert h.log_prob == pytest.approx(log_prob, abs=1e-9)


@pytest.mark.hidden
def test_small_beam_with_penalty_follows_the_stated_algorithm(solution):
    for seed, temperature, penalty in [(4, 0.8, 0.3), (9, 1.6, 1.0)]:
        model = RandomModel(vocab=5, seed=seed, sharpness=1.0, eos_bias=-0.3)
        results = run(solution, model, 3, 6, 4, temperature=temperature, diversity_penalty=penalty)
        pool = reference_beam(tempered(model, temperature), 3, 6, sibling_penalty=penalty)
        expected = sorted(pool, key=lambda item: -item[1])[:4]
        assert [h.tokens for h in results] == [seq for seq, _ in expected], f"seed={seed}"
        assert len(model.calls) <= 3 * 6, "call the model once per live hypothesis per step"


@pytest.mark.hidden
def test_cold_temperature_is_greedy_and_stays_finite(solution):
    model = RandomModel(vocab=6, seed=5, sharpness=0.3)  # flat logits: log_probs / 0.001 fall below -700
    results = run(solution, model, 2, 5, 2, temperature=1e-3)
    greedy: tuple[int, ...] = ()
    while len(greedy) < 5 and (not greedy or greedy[-1] != EOS):
        greedy += (int(np.argmax(model.log_probs(greedy))),)
    assert all(math.isfinite(h.log_prob) for h in results), "temper in log space: exp(log_probs / T) underflows"
    assert results[0].tokens == greedy and results[0].log_prob == pytest.approx(0.0, abs=1e-6)


@pytest.mark.hidden
def test_invalid_settings_raise(solution):
    model = TableModel({}, [0.5, 0.5])
    for settings in [dict(beam_width=0), dict(k=0), dict(max_length=0), dict(temperature=0.0),
                     dict(temperature=-1.0), dict(diversity_penalty=-0.5)]:
        arguments = dict(beam_width=2, max_length=3, k=1, temperature=1.0, diversity_penalty=0.0) | settings
        with pytest.raises(ValueError):
            solution.TopKBeamSearch(model, EOS, **arguments)
