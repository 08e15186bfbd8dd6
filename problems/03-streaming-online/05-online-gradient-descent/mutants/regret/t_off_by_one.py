"""Off by one in the update count: eta_t = lr / sqrt(t + 1), so even the first step is lr / sqrt(2)."""

import math

import numpy as np

SCHEDULES = ("constant", "inv_sqrt")


def _check_stream(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if X.ndim != 2 or X.shape[0] < 1 or X.shape[1] < 1:
        raise ValueError(f"X must have shape (T, d) with T, d >= 1, got {X.shape}")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must have shape ({X.shape[0]},), got {y.shape}")
    return X, y


def online_losses(X: np.ndarray, y: np.ndarray, lr: float, schedule: str = "inv_sqrt") -> np.ndarray:
    """Run online gradient descent on the squared loss over the rows of X in order, from
    w = 0, b = 0, and return the T losses 0.5 * (w_t . x_t + b_t - y_t)**2, each of the
    model *before* it is updated on example t (progressive validation).

    Learning rate of the t-th update (t = 1..T): lr ("constant") or lr / sqrt(t) ("inv_sqrt").
    Raises ValueError for a malformed stream, lr <= 0 or an unknown schedule.
    """
    X, y = _check_stream(X, y)
    if not lr > 0:
        raise ValueError(f"lr must be positive, got {lr}")
    if schedule not in SCHEDULES:
        raise ValueError(f"schedule must be one of {SCHEDULES}, got {schedule!r}")
    weights = np.zeros(X.shape[1])
    bias = 0.0
    losses = np.empty(X.shape[0])
    for t, (x, target) in enumerate(zip(X, y), start=1):
        residual = float(x @ weights) + bias - target
        losses[t - 1] = 0.5 * residual * residual
        eta = lr if schedule == "constant" else lr / math.sqrt(t + 1)
        weights -= eta * residual * x
        bias -= eta * residual
    return losses


def best_fixed_loss(X: np.ndarray, y: np.ndarray) -> float:
    """min over (w, b) of sum_t 0.5 * (w . x_t + b - y_t)**2: the total loss of the best
    fixed linear model (with intercept) chosen in hindsight, by least squares."""
    X, y = _check_stream(X, y)
    design = np.column_stack([X, np.ones(X.shape[0])])
    theta, *_ = np.linalg.lstsq(design, y, rcond=None)
    residuals = design @ theta - y
    return 0.5 * float(residuals @ residuals)


def regret(X: np.ndarray, y: np.ndarray, lr: float, schedule: str = "inv_sqrt") -> float:
    """R_T = sum of the online losses minus the best fixed loss in hindsight."""
    return float(np.sum(online_losses(X, y, lr, schedule))) - best_fixed_loss(X, y)
