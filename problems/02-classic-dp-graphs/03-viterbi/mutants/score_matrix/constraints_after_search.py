"""Applies the forbidden transitions only after the search: decodes as if every step were
allowed, then repairs each forbidden step greedily, left to right.

The repaired path is legal but generally not the best legal path: the constraint has to
prune candidates inside the recursion, where it can change which predecessor wins.
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
        return np.zeros(0, dtype=np.int64), 0.0
    allowed = np.isfinite(log_transition)
    relaxed = np.where(allowed, log_transition, 0.0)  # constraint ignored during the search
    start = np.where(np.isfinite(log_initial), log_initial, 0.0)
    back = np.zeros((length, states), dtype=np.int64)
    score = start + log_emissions[0]
    for t in range(1, length):
        candidates = score[:, None] + relaxed
        back[t] = candidates.argmax(axis=0)
        score = candidates.max(axis=0) + log_emissions[t]
    path = np.zeros(length, dtype=np.int64)
    path[-1] = int(score.argmax())
    for t in range(length - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    if not np.isfinite(log_initial[path[0]]):
        path[0] = int(np.argmax(log_initial + log_emissions[0]))
    for t in range(1, length):
        if not allowed[path[t - 1], path[t]]:
            path[t] = int(np.argmax(log_transition[path[t - 1]] + log_emissions[t]))
    total = log_initial[path[0]] + log_emissions[0, path[0]]
    for t in range(1, length):
        total += log_transition[path[t - 1], path[t]] + log_emissions[t, path[t]]
    return path, float(total)
