"""Rabiner's scaled forward algorithm: probabilities, renormalised at every step.

alpha is divided by its sum c_t after each step, so it never underflows; the product of
the c_t is P(x), so log P(x) is the sum of their logs. Each emission row is shifted by
its maximum before exponentiating so that large CRF-style scores cannot overflow either.
"""

import math

import numpy as np


def forward_log_likelihood(
    log_initial: np.ndarray, log_transition: np.ndarray, log_emissions: np.ndarray
) -> float:
    log_emissions = np.asarray(log_emissions, dtype=float)
    length = log_emissions.shape[0]
    if length == 0:
        return 0.0
    a_peak = np.max(log_transition)
    a = np.exp(np.asarray(log_transition, dtype=float) - a_peak)
    log_total = 0.0
    alpha = np.exp(np.asarray(log_initial, dtype=float) - np.max(log_initial))
    log_total += float(np.max(log_initial))
    for t in range(length):
        if t > 0:
            alpha = alpha @ a
            log_total += a_peak
        shift = float(np.max(log_emissions[t]))
        alpha = alpha * np.exp(log_emissions[t] - shift)
        log_total += shift
        scale = float(alpha.sum())
        if scale == 0.0:
            return -math.inf
        alpha /= scale
        log_total += math.log(scale)
    return log_total
