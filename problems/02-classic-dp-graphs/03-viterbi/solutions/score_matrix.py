"""Vectorised Viterbi decoding over a matrix of per-position scores (the CRF layout)."""

import numpy as np


def viterbi_decode(
    log_initial: np.ndarray, log_transition: np.ndarray, log_emissions: np.ndarray
) -> tuple[np.ndarray, float]:
    """Return the best state path (int array of length T) and its total score.

    log_initial: (S,) score of starting in each state.
    log_transition: (S, S); entry [i, j] scores the step from state i to state j.
    log_emissions: (T, S); entry [t, j] scores state j at position t.
    Scores may be -inf (forbidden); at least one path has a finite score when T > 0.
    """
    # BEGIN SOLUTION: one vectorised max-plus step per position, backpointers in a (T, S) int array
    log_initial = np.asarray(log_initial, dtype=np.float64)
    log_transition = np.asarray(log_transition, dtype=np.float64)
    log_emissions = np.asarray(log_emissions, dtype=np.float64)
    length, states = log_emissions.shape
    if length == 0:
        return np.zeros(0, dtype=np.int64), 0.0

    backpointers = np.zeros((length, states), dtype=np.int64)
    score = log_initial + log_emissions[0]
    for t in range(1, length):
        candidates = score[:, None] + log_transition  # [i, j]: arrive in j from i
        backpointers[t] = np.argmax(candidates, axis=0)  # first maximum: lowest index wins ties
        score = candidates[backpointers[t], np.arange(states)] + log_emissions[t]

    path = np.zeros(length, dtype=np.int64)
    path[-1] = int(np.argmax(score))
    for t in range(length - 1, 0, -1):
        path[t - 1] = backpointers[t, path[t]]
    return path, float(score[path[-1]])
    # END SOLUTION
