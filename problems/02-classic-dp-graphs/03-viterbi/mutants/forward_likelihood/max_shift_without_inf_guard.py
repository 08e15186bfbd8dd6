"""Stable log-sum-exp (shift by the max) but no guard for an all -inf slice: -inf - (-inf) = NaN.

A state that can never be reached has only -inf terms; the NaN then spreads to the result.
"""

import numpy as np


def _logsumexp(values, axis):
    peak = np.max(values, axis=axis, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        total = peak + np.log(np.sum(np.exp(values - peak), axis=axis, keepdims=True))
    return np.squeeze(total, axis=axis)


def forward_log_likelihood(
    log_initial: np.ndarray, log_transition: np.ndarray, log_emissions: np.ndarray
) -> float:
    log_emissions = np.asarray(log_emissions, dtype=float)
    if log_emissions.shape[0] == 0:
        return 0.0
    alpha = log_initial + log_emissions[0]
    for t in range(1, log_emissions.shape[0]):
        alpha = _logsumexp(alpha[:, None] + log_transition, axis=0) + log_emissions[t]
    return float(_logsumexp(alpha, axis=0))
