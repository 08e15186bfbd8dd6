"""The forward algorithm: the total log-probability of an observation sequence, in log space."""

import numpy as np


def forward_log_likelihood(
    log_initial: np.ndarray, log_transition: np.ndarray, log_emissions: np.ndarray
) -> float:
    """Return log of the sum, over every state path, of exp(path score).

    Same layout as Viterbi: log_initial (S,), log_transition (S, S) with [i, j] scoring
    i -> j, log_emissions (T, S). Scores may be -inf. For an HMM this is log P(x_1..x_T).
    """
    # BEGIN SOLUTION: the Viterbi recursion with a stable log-sum-exp in place of max
    log_initial = np.asarray(log_initial, dtype=np.float64)
    log_transition = np.asarray(log_transition, dtype=np.float64)
    log_emissions = np.asarray(log_emissions, dtype=np.float64)
    if log_emissions.shape[0] == 0:
        return 0.0

    def logsumexp(values: np.ndarray, axis: int) -> np.ndarray:
        peak = np.max(values, axis=axis, keepdims=True)
        peak = np.where(np.isfinite(peak), peak, 0.0)  # an all -inf slice must stay -inf, not NaN
        with np.errstate(divide="ignore"):
            total = np.log(np.sum(np.exp(values - peak), axis=axis, keepdims=True)) + peak
        return np.squeeze(total, axis=axis)

    alpha = log_initial + log_emissions[0]
    for t in range(1, log_emissions.shape[0]):
        alpha = logsumexp(alpha[:, None] + log_transition, axis=0) + log_emissions[t]
    return float(logsumexp(alpha, axis=0))
    # END SOLUTION
