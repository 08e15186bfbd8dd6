"""Uses max where the forward algorithm needs log-sum-exp: returns the Viterbi (best path) score.

The best single path is only a lower bound on the total probability of the sequence.
"""

import numpy as np


def forward_log_likelihood(
    log_initial: np.ndarray, log_transition: np.ndarray, log_emissions: np.ndarray
) -> float:
    log_emissions = np.asarray(log_emissions, dtype=float)
    if log_emissions.shape[0] == 0:
        return 0.0
    alpha = log_initial + log_emissions[0]
    for t in range(1, log_emissions.shape[0]):
        alpha = np.max(alpha[:, None] + log_transition, axis=0) + log_emissions[t]
    return float(np.max(alpha))
