"""Step decay off by one: gamma ** (t // step_size) with 1-based t decays after step_size - 1 updates instead of step_size."""

import math

import numpy as np

SCHEDULES = ("constant", "inv_sqrt", "step")


class OnlineLinearRegressor:
    """Linear model y_hat = w . x + b fitted online on the squared loss 0.5 * (y_hat - y)**2.

    Starts from w = 0, b = 0. The t-th call of `partial_fit` (t = 1, 2, ...) takes one
    gradient step with learning rate `learning_rate(t)`:

    - "constant": lr
    - "inv_sqrt": lr / sqrt(t)
    - "step":     lr * gamma ** ((t - 1) // step_size)
    """

    def __init__(
        self,
        n_features: int,
        lr: float = 0.1,
        schedule: str = "constant",
        step_size: int = 10,
        gamma: float = 0.5,
    ) -> None:
        """Raise ValueError for n_features < 1, lr <= 0, an unknown schedule,
        step_size < 1 or gamma outside (0, 1]."""
        if n_features < 1:
            raise ValueError(f"n_features must be at least 1, got {n_features}")
        if not lr > 0:
            raise ValueError(f"lr must be positive, got {lr}")
        if schedule not in SCHEDULES:
            raise ValueError(f"schedule must be one of {SCHEDULES}, got {schedule!r}")
        if step_size < 1:
            raise ValueError(f"step_size must be at least 1, got {step_size}")
        if not 0 < gamma <= 1:
            raise ValueError(f"gamma must lie in (0, 1], got {gamma}")
        self.n_features = n_features
        self.lr = float(lr)
        self.schedule = schedule
        self.step_size = int(step_size)
        self.gamma = float(gamma)
        self.weights = np.zeros(n_features)
        self.bias = 0.0
        self.t = 0  # number of updates made so far

    def learning_rate(self, t: int) -> float:
        """The learning rate of the t-th update, t >= 1 (ValueError for t < 1)."""
        if t < 1:
            raise ValueError(f"updates are counted from t = 1, got {t}")
        if self.schedule == "constant":
            return self.lr
        if self.schedule == "inv_sqrt":
            return self.lr / math.sqrt(t)
        return self.lr * self.gamma ** (t // self.step_size)

    def predict(self, x: np.ndarray) -> float:
        """w . x + b for one example x of shape (n_features,)."""
        x = np.asarray(x, dtype=np.float64)
        if x.shape != (self.n_features,):
            raise ValueError(f"expected x of shape ({self.n_features},), got {x.shape}")
        return float(x @ self.weights + self.bias)

    def partial_fit(self, x: np.ndarray, y: float) -> float:
        """Take one gradient step on (x, y); return the loss 0.5 * (y_hat - y)**2 of the
        prediction made before the step."""
        x = np.asarray(x, dtype=np.float64)
        residual = self.predict(x) - float(y)  # d loss / d y_hat
        self.t += 1
        eta = self.learning_rate(self.t)
        self.weights = self.weights - eta * residual * x
        self.bias -= eta * residual
        return 0.5 * residual * residual
