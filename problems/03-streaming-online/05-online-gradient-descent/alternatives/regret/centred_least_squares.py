"""Online pass written as a generator; the comparator from centred least squares (intercept = mean residual)."""

import numpy as np


def _validate(X, y):
    X, y = np.asarray(X, float), np.asarray(y, float)
    if X.ndim != 2 or len(X) == 0 or X.shape[1] == 0 or y.shape != (len(X),):
        raise ValueError("X must be (T, d) and y (T,)")
    return X, y


def _progressive(X, y, lr, schedule):
    if lr <= 0 or schedule not in ("constant", "inv_sqrt"):
        raise ValueError("bad lr or schedule")
    w, b = np.zeros(X.shape[1]), 0.0
    for t in range(1, len(X) + 1):
        x, target = X[t - 1], y[t - 1]
        err = w.dot(x) + b - target
        yield 0.5 * err**2
        step = lr / (np.sqrt(t) if schedule == "inv_sqrt" else 1.0)
        w = w - step * err * x
        b = b - step * err


def online_losses(X, y, lr, schedule="inv_sqrt"):
    X, y = _validate(X, y)
    return np.fromiter(_progressive(X, y, lr, schedule), dtype=float, count=len(X))


def best_fixed_loss(X, y):
    X, y = _validate(X, y)
    # With an intercept, the optimal slope fits the centred data and b = mean(y) - mean(X) . w.
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    w = np.linalg.lstsq(Xc, yc, rcond=None)[0]
    residual = yc - Xc @ w
    return 0.5 * float(np.sum(residual**2))


def regret(X, y, lr, schedule="inv_sqrt"):
    return float(online_losses(X, y, lr, schedule).sum() - best_fixed_loss(X, y))
