"""Keeps the whole (T, S) score table instead of backpointers and recovers each step while backtracking.

At step t the predecessor of state j is argmax_i(score[t-1, i] + A[i, j]); recomputing it
for the one state on the path costs O(S) per step, so no (T, S) backpointer table is needed.
"""

import numpy as np


def viterbi_decode(
    log_initial: np.ndarray, log_transition: np.ndarray, log_emissions: np.ndarray
) -> tuple[np.ndarray, float]:
    log_initial = np.asarray(log_initial, dtype=float)
    log_transition = np.asarray(log_transition, dtype=float)
    log_emissions = np.asarray(log_emissions, dtype=float)
    length, states = log_emissions.shape
    if length == 0:
        return np.array([], dtype=int), 0.0
    table = np.empty((length, states))
    table[0] = log_initial + log_emissions[0]
    for t in range(1, length):
        table[t] = np.max(table[t - 1][:, np.newaxis] + log_transition, axis=0) + log_emissions[t]
    path = np.empty(length, dtype=int)
    path[-1] = np.argmax(table[-1])
    for t in range(length - 1, 0, -1):
        path[t - 1] = np.argmax(table[t - 1] + log_transition[:, path[t]])
    return path, float(table[-1, path[-1]])
