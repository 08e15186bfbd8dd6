"""Separate max and argmax reductions per step, with the backpointer rows kept in a list
and followed from the last position to the first."""

import numpy as np


def viterbi_decode(
    log_initial: np.ndarray, log_transition: np.ndarray, log_emissions: np.ndarray
) -> tuple[np.ndarray, float]:
    emissions = np.asarray(log_emissions, dtype=np.float64)
    if emissions.shape[0] == 0:
        return np.empty(0, dtype=np.intp), 0.0
    transition = np.asarray(log_transition, dtype=np.float64)
    delta = np.asarray(log_initial, dtype=np.float64) + emissions[0]
    pointers: list[np.ndarray] = []
    for row in emissions[1:]:
        table = delta.reshape(-1, 1) + transition
        pointers.append(table.argmax(axis=0))
        delta = table.max(axis=0) + row
    best_last = int(delta.argmax())
    states = [best_last]
    for back in pointers[::-1]:
        states.append(int(back[states[-1]]))
    return np.array(states[::-1], dtype=np.intp), float(delta[best_last])
