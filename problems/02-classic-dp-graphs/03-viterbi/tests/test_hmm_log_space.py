import math

import numpy as np
import pytest
from hmm_oracle import enumerate_best_and_total, path_score, tables_to_arrays

TAGS = ["DET", "NOUN", "VERB"]
INITIAL = {"DET": 0.6, "NOUN": 0.3, "VERB": 0.1}
TRANSITION = {
    "DET": {"DET": 0.05, "NOUN": 0.9, "VERB": 0.05},
    "NOUN": {"DET": 0.1, "NOUN": 0.3, "VERB": 0.6},
    "VERB": {"DET": 0.5, "NOUN": 0.3, "VERB": 0.2},
}
EMISSION = {
    "DET": {"the": 0.7, "a": 0.3},
    "NOUN": {"cat": 0.5, "mat": 0.3, "sat": 0.2},
    "VERB": {"sat": 0.5, "ran": 0.4, "cat": 0.1},
}
# The trellis printed in statement.md (4 decimals); None stands for -inf.
STATEMENT_TRELLIS = [
    {"DET": -0.8675, "NOUN": None, "VERB": None},
    {"DET": None, "NOUN": -1.6660, "VERB": -6.1658},
    {"DET": None, "NOUN": -4.4794, "VERB": -2.8700},
]


def as_indices(tags: list[str], names: list[str]) -> list[int]:
    return [names.index(tag) for tag in tags]


def check_decoding(solution, names, initial, transition, emission, words, rel=1e-9, abs_tol=1e-9):
    """The returned path must be optimal and the returned score must be that path's score."""
    tagger = solution.HMMTagger(names, initial, transition, emission)
    tags, log_prob = tagger.viterbi(words)
    arrays = tables_to_arrays(names, initial, transition, emission, words)
    best, _, _ = enumerate_best_and_total(*arrays)
    assert len(tags) == len(words), f"expected {len(words)} tags, got {len(tags)}"
    assert all(tag in names for tag in tags), f"unknown tag in {tags}"
    achieved = path_score(*arrays, as_indices(list(tags), names))
    assert math.isclose(log_prob, best, rel_tol=rel, abs_tol=abs_tol), f"best log-probability is {best:.6f}, you returned {log_prob}"
    assert math.isclose(achieved, best, rel_tol=rel, abs_tol=abs_tol), (
        f"your path {tags} scores {achieved:.6f}, but the best path scores {best:.6f}"
    )


def random_tagger_tables(rng: np.random.Generator, n_tags: int, vocabulary: list[str]):
    names = [f"T{i}" for i in range(n_tags)]
    initial = dict(zip(names, rng.dirichlet(np.ones(n_tags)).tolist()))
    transition = {a: dict(zip(names, rng.dirichlet(np.ones(n_tags)).tolist())) for a in names}
    emission = {t: dict(zip(vocabulary, rng.dirichlet(np.ones(len(vocabulary))).tolist())) for t in names}
    return names, initial, transition, emission


def test_worked_example_the_cat_sat(solution):
    tagger = solution.HMMTagger(TAGS, INITIAL, TRANSITION, EMISSION)
    tags, log_prob = tagger.viterbi(["the", "cat", "sat"])
    assert list(tags) == ["DET", "NOUN", "VERB"]
    assert math.isclose(log_prob, math.log(0.6 * 0.7 * 0.9 * 0.5 * 0.6 * 0.5), rel_tol=1e-12)
    # The statement's trellis, cell by cell: the best score of any prefix ending in that tag.
    log_initial, log_transition, log_emissions = tables_to_arrays(TAGS, INITIAL, TRANSITION, EMISSION, ["the", "cat", "sat"])
    for t, column in enumerate(STATEMENT_TRELLIS):
        for j, tag in enumerate(TAGS):
            last = np.full(len(TAGS), -np.inf)
            last[j] = log_emissions[t, j]
            cell, _, _ = enumerate_best_and_total(log_initial, log_transition, np.vstack([log_emissions[:t], last]))
            expected = -math.inf if column[tag] is None else column[tag]
            assert cell == expected or abs(cell - expected) < 5e-5, f"statement trellis cell ({t}, {tag}) is {cell}"


def test_matches_brute_force_on_random_models(solution):
    rng = np.random.default_rng(7)
    vocabulary = ["w0", "w1", "w2", "w3", "w4"]
    for trial in range(25):
        n_tags = 2 + trial % 3
        names, initial, transition, emission = random_tagger_tables(rng, n_tags, vocabulary)
        words = [str(w) for w in rng.choice(vocabulary, size=1 + trial % 5)]
        check_decoding(solution, names, initial, transition, emission, words)


def test_300_token_document_needs_log_space(solution):
    # 60 five-token sentences ending in ".", which only PUNCT emits: the best path has
    # probability near e^-1000, far below the smallest positive float64 (about 5e-324).
    rng = np.random.default_rng(11)
    names = ["PUNCT", "DET", "NOUN", "VERB", "ADJ"]
    vocabulary = [f"w{i}" for i in range(12)]
    initial = dict(zip(names, rng.dirichlet(np.ones(5)).tolist()))
    transition = {a: dict(zip(names, rng.dirichlet(np.ones(5)).tolist())) for a in names}
    emission = {t: dict(zip(vocabulary, rng.dirichlet(np.ones(12)).tolist())) for t in names[1:]}
    emission["PUNCT"] = {".": 1.0}
    words = []
    for _ in range(60):
        words += [str(w) for w in rng.choice(vocabulary, size=4)] + ["."]
    assert len(words) == 300
    check_decoding(solution, names, initial, transition, emission, words, rel=1e-9, abs_tol=1e-6)


def test_ties_prefer_the_lowest_tag_index(solution):
    # "N1" and "N2" are exact copies: every path through one ties with the same path
    # through the other. The statement's rule picks the earlier tag in `tags` every time.
    names = ["D", "N1", "N2", "V"]
    initial = {"D": 0.4, "N1": 0.25, "N2": 0.25, "V": 0.1}
    transition = {
        "D": {"D": 0.1, "N1": 0.35, "N2": 0.35, "V": 0.2},
        "N1": {"D": 0.2, "N1": 0.2, "N2": 0.2, "V": 0.4},
        "N2": {"D": 0.2, "N1": 0.2, "N2": 0.2, "V": 0.4},
        "V": {"D": 0.5, "N1": 0.15, "N2": 0.15, "V": 0.2},
    }
    emission = {
        "D": {"the": 0.9, "dogs": 0.1},
        "N1": {"dogs": 0.6, "bark": 0.3, "the": 0.1},
        "N2": {"dogs": 0.6, "bark": 0.3, "the": 0.1},
        "V": {"bark": 0.7, "dogs": 0.3},
    }
    for words in (["the", "dogs", "bark"], ["dogs", "dogs", "the", "dogs"], ["dogs"]):
        check_decoding(solution, names, initial, transition, emission, words)
        tags, _ = solution.HMMTagger(names, initial, transition, emission).viterbi(words)
        assert "N1" in tags and "N2" not in tags, f"ties must go to the earlier tag N1, got {tags}"


@pytest.mark.hidden
def test_unknown_word_raises_key_error(solution):
    tagger = solution.HMMTagger(TAGS, INITIAL, TRANSITION, EMISSION)
    with pytest.raises(KeyError):
        tagger.viterbi(["the", "zebra", "sat"])


@pytest.mark.hidden
def test_empty_sentence(solution):
    tags, log_prob = solution.HMMTagger(TAGS, INITIAL, TRANSITION, EMISSION).viterbi([])
    assert list(tags) == [] and log_prob == 0.0


@pytest.mark.hidden
def test_missing_entries_are_probability_zero(solution):
    # No initial entry for NOUN, no NOUN -> NOUN row entry, VERB has no transition row at all.
    names = ["DET", "NOUN", "VERB"]
    initial = {"DET": 0.5, "VERB": 0.5}
    transition = {"DET": {"NOUN": 1.0}, "NOUN": {"VERB": 0.7, "DET": 0.3}}
    emission = {"DET": {"the": 1.0}, "NOUN": {"run": 0.5, "dog": 0.5}, "VERB": {"run": 0.9, "the": 0.1}}
    tags, log_prob = solution.HMMTagger(names, initial, transition, emission).viterbi(["the", "dog", "run"])
    assert list(tags) == ["DET", "NOUN", "VERB"]
    assert math.isclose(log_prob, math.log(0.5 * 1.0 * 1.0 * 0.5 * 0.7 * 0.9), rel_tol=1e-12)
