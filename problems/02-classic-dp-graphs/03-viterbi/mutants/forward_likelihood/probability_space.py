"""The forward recursion on probabilities (alpha @ A * b) without rescaling: underflows to 0.0."""

import numpy as np


def forward_log_likelihood(
    log_initial: np.ndarray, log_transition: np.ndarray, log_emissions: np.ndarray
) -> float:
    log_emissions = np.asarray(log_emissions, dtype=float)
    if log_emissions.shape[0] == 0:
        return 0.0
    a = np.exp(log_transition)
    alpha = np.exp(log_initial + log_emissions[0])
    for t in range(1, log_emissions.shape[0]):
        alpha = (alpha @ a) * np.exp(log_emissions[t])
    with np.errstate(divide="ignore"):
        return float(np.log(alpha.sum()))
