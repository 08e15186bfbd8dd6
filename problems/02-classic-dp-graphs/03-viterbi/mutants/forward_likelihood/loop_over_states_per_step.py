"""Half vectorised: inside each time step, a Python loop over the destination states, each
with a small NumPy log-sum-exp. Correct values, but about 20x slower than whole-array steps at S = 64.
"""

import numpy as np


def forward_log_likelihood(
    log_initial: np.ndarray, log_transition: np.ndarray, log_emissions: np.ndarray
) -> float:
    length, states = log_emissions.shape
    if length == 0:
        return 0.0
    alpha = log_initial + log_emissions[0]
    for t in range(1, length):
        new = np.empty(states)
        for j in range(states):
            values = alpha + log_transition[:, j]
            peak = values.max()
            total = peak + np.log(np.exp(values - peak).sum()) if np.isfinite(peak) else -np.inf
            new[j] = total + log_emissions[t, j]
        alpha = new
    peak = alpha.max()
    return float(peak + np.log(np.exp(alpha - peak).sum()))
