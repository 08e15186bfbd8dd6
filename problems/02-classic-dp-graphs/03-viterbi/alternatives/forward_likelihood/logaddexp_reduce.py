"""NumPy's logaddexp ufunc reduced over the predecessor axis handles the stable sum and -inf for us."""

import numpy as np


def forward_log_likelihood(
    log_initial: np.ndarray, log_transition: np.ndarray, log_emissions: np.ndarray
) -> float:
    log_emissions = np.asarray(log_emissions, dtype=float)
    if len(log_emissions) == 0:
        return 0.0
    alpha = np.asarray(log_initial, dtype=float) + log_emissions[0]
    for row in log_emissions[1:]:
        alpha = np.logaddexp.reduce(alpha[:, np.newaxis] + log_transition, axis=0) + row
    return float(np.logaddexp.reduce(alpha))
