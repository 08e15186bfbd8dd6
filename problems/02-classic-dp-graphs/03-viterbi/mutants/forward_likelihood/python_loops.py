"""Correct log-space forward algorithm, but with Python loops over every pair of states (slow)."""

import math

import numpy as np


def forward_log_likelihood(
    log_initial: np.ndarray, log_transition: np.ndarray, log_emissions: np.ndarray
) -> float:
    length, states = np.shape(log_emissions)
    if length == 0:
        return 0.0

    def logsumexp(values):
        peak = max(values)
        if peak == -math.inf:
            return -math.inf
        return peak + math.log(sum(math.exp(v - peak) for v in values))

    alpha = [float(log_initial[j] + log_emissions[0][j]) for j in range(states)]
    for t in range(1, length):
        alpha = [
            logsumexp([alpha[i] + float(log_transition[i][j]) for i in range(states)]) + float(log_emissions[t][j])
            for j in range(states)
        ]
    return logsumexp(alpha)
