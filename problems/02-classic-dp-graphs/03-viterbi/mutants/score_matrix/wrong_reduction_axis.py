"""Reduces the (from, to) candidate matrix over the wrong axis: max over successors, not predecessors.

new_score[i] = max_j (score[i] + A[i, j]) + E[t, i] keeps each state's own history and
only borrows its best outgoing transition, so the "path" never really changes state.
"""

import numpy as np


def viterbi_decode(
    log_initial: np.ndarray, log_transition: np.ndarray, log_emissions: np.ndarray
) -> tuple[np.ndarray, float]:
    log_emissions = np.asarray(log_emissions, dtype=float)
    length, states = log_emissions.shape
    if length == 0:
        return np.zeros(0, dtype=np.int64), 0.0
    back = np.zeros((length, states), dtype=np.int64)
    score = log_initial + log_emissions[0]
    for t in range(1, length):
        candidates = score[:, None] + log_transition
        back[t] = candidates.argmax(axis=1)
        score = candidates.max(axis=1) + log_emissions[t]
    path = np.zeros(length, dtype=np.int64)
    path[-1] = int(score.argmax())
    for t in range(length - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path, float(score.max())
