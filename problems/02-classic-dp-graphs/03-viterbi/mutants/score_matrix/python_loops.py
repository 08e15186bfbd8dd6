"""Correct answers, but the trellis is filled with Python loops over every pair of states.

O(T * S^2) interpreter steps instead of T vectorised steps: about 100x slower at S = 64.
"""

import numpy as np


def viterbi_decode(
    log_initial: np.ndarray, log_transition: np.ndarray, log_emissions: np.ndarray
) -> tuple[np.ndarray, float]:
    length, states = log_emissions.shape
    if length == 0:
        return np.zeros(0, dtype=np.int64), 0.0
    score = [float(log_initial[j] + log_emissions[0, j]) for j in range(states)]
    back = np.zeros((length, states), dtype=np.int64)
    for t in range(1, length):
        new = []
        for j in range(states):
            best_i, best = 0, score[0] + log_transition[0, j]
            for i in range(1, states):
                value = score[i] + log_transition[i, j]
                if value > best:
                    best_i, best = i, value
            back[t, j] = best_i
            new.append(best + log_emissions[t, j])
        score = new
    path = np.zeros(length, dtype=np.int64)
    path[-1] = int(np.argmax(score))
    for t in range(length - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path, float(score[path[-1]])
