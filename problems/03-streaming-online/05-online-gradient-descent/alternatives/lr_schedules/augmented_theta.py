"""One parameter vector theta = (w, b) against the augmented input (x, 1); schedules as a table of functions."""

import math

import numpy as np


class OnlineLinearRegressor:
    def __init__(self, n_features, lr=0.1, schedule="constant", step_size=10, gamma=0.5):
        schedules = {
            "constant": lambda t: lr,
            "inv_sqrt": lambda t: lr / math.sqrt(t),
            "step": lambda t: lr * gamma ** math.floor((t - 1) / step_size),
        }
        if n_features < 1 or lr <= 0 or schedule not in schedules or step_size < 1 or not (0 < gamma <= 1):
            raise ValueError("invalid OnlineLinearRegressor arguments")
        self._rate = schedules[schedule]
        self._theta = np.zeros(n_features + 1)
        self.t = 0

    @property
    def weights(self):
        return self._theta[:-1]

    @property
    def bias(self):
        return float(self._theta[-1])

    def learning_rate(self, t):
        if t < 1:
            raise ValueError("t starts at 1")
        return self._rate(t)

    def _augment(self, x):
        x = np.asarray(x, dtype=float)
        if x.shape != (self._theta.size - 1,):
            raise ValueError("wrong number of features")
        return np.append(x, 1.0)

    def predict(self, x):
        return float(self._theta @ self._augment(x))

    def partial_fit(self, x, y):
        xa = self._augment(x)
        error = float(self._theta @ xa) - y
        self.t += 1
        self._theta = self._theta - self.learning_rate(self.t) * error * xa
        return error * error / 2
