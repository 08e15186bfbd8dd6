"""Drops the initial distribution: alpha starts from the first emission scores alone."""

import numpy as np


def forward_log_likelihood(
    log_initial: np.ndarray, log_transition: np.ndarray, log_emissions: np.ndarray
) -> float:
    log_emissions = np.asarray(log_emissions, dtype=float)
    if log_emissions.shape[0] == 0:
        return 0.0
    alpha = log_emissions[0].copy()  # missing: + log_initial
    for t in range(1, log_emissions.shape[0]):
        alpha = np.logaddexp.reduce(alpha[:, None] + log_transition, axis=0) + log_emissions[t]
    return float(np.logaddexp.reduce(alpha))
