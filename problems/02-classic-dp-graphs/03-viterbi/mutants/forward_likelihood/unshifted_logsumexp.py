"""Computes log(sum(exp(x))) without subtracting the maximum first.

Every exp underflows to 0.0 once the running log-probability drops below about -745,
so a few hundred tokens give log(0) = -inf.
"""

import numpy as np


def forward_log_likelihood(
    log_initial: np.ndarray, log_transition: np.ndarray, log_emissions: np.ndarray
) -> float:
    log_emissions = np.asarray(log_emissions, dtype=float)
    if log_emissions.shape[0] == 0:
        return 0.0
    alpha = log_initial + log_emissions[0]
    with np.errstate(divide="ignore"):
        for t in range(1, log_emissions.shape[0]):
            alpha = np.log(np.sum(np.exp(alpha[:, None] + log_transition), axis=0)) + log_emissions[t]
        return float(np.log(np.sum(np.exp(alpha))))
