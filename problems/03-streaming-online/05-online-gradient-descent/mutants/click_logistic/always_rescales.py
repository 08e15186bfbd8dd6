"""Rescales (w, b) to norm radius after every step, even when it is already inside the ball."""

import math

import numpy as np


class OnlineLogisticRegressor:
    """Click model p = sigmoid(w . x + b) fitted online on the log loss.

    Starts from w = 0, b = 0. The t-th call of `partial_fit` (t = 1, 2, ...) steps against
    the gradient (p - y) * (x, 1) with learning rate lr / sqrt(t); then, if `radius` is not
    None, projects the whole parameter vector (w, b) onto the Euclidean ball of that radius.
    """

    def __init__(self, n_features: int, lr: float = 0.5, radius: float | None = None) -> None:
        """Raise ValueError for n_features < 1, lr <= 0 or a radius that is not positive."""
        if n_features < 1:
            raise ValueError(f"n_features must be at least 1, got {n_features}")
        if not lr > 0:
            raise ValueError(f"lr must be positive, got {lr}")
        if radius is not None and not radius > 0:
            raise ValueError(f"radius must be positive or None, got {radius}")
        self.n_features = n_features
        self.lr = float(lr)
        self.radius = None if radius is None else float(radius)
        self.weights = np.zeros(n_features)
        self.bias = 0.0
        self.t = 0

    def decision_function(self, x: np.ndarray) -> float:
        """The logit z = w . x + b for one example x of shape (n_features,)."""
        x = np.asarray(x, dtype=np.float64)
        if x.shape != (self.n_features,):
            raise ValueError(f"expected x of shape ({self.n_features},), got {x.shape}")
        return float(x @ self.weights + self.bias)

    def predict_proba(self, x: np.ndarray) -> float:
        """The click probability sigmoid(z), without overflow for any finite z."""
        z = self.decision_function(x)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def partial_fit(self, x: np.ndarray, y: int) -> float:
        """One projected gradient step on (x, y), y in {0, 1}; return the log loss
        -y log p - (1 - y) log(1 - p) of the prediction made before the step, computed
        exactly even when p rounds to 0 or 1. Raises ValueError for any other label."""
        if y not in (0, 1):
            raise ValueError(f"labels must be 0 or 1, got {y!r}")
        x = np.asarray(x, dtype=np.float64)
        z = self.decision_function(x)
        # -log p = softplus(-z) and -log(1 - p) = softplus(z), where
        # softplus(u) = log(1 + e^u) = max(u, 0) + log1p(e^-|u|) never overflows
        u = -z if y == 1 else z
        loss = max(u, 0.0) + math.log1p(math.exp(-abs(u)))
        error = self.predict_proba(x) - y  # d loss / d z
        self.t += 1
        eta = self.lr / math.sqrt(self.t)
        self.weights = self.weights - eta * error * x
        self.bias -= eta * error
        if self.radius is not None:
            norm = math.sqrt(float(self.weights @ self.weights) + self.bias * self.bias)
            if norm > 0:
                scale = self.radius / norm
                self.weights = self.weights * scale
                self.bias *= scale
        return loss
