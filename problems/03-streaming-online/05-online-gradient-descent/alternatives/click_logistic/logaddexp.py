"""Log loss and sigmoid through np.logaddexp; projection written as theta * min(1, r / ||theta||)."""

import numpy as np


class OnlineLogisticRegressor:
    def __init__(self, n_features, lr=0.5, radius=None):
        if n_features < 1 or not lr > 0 or (radius is not None and not radius > 0):
            raise ValueError("invalid arguments")
        self.weights = np.zeros(n_features)
        self.bias = 0.0
        self.t = 0
        self.lr = lr
        self.radius = radius

    def decision_function(self, x):
        x = np.asarray(x, dtype=float)
        if x.shape != self.weights.shape:
            raise ValueError("wrong number of features")
        return float(np.dot(self.weights, x) + self.bias)

    def predict_proba(self, x):
        # sigmoid(z) = exp(-log(1 + exp(-z))), with log(1 + exp(-z)) = logaddexp(0, -z)
        return float(np.exp(-np.logaddexp(0.0, -self.decision_function(x))))

    def partial_fit(self, x, y):
        if y != 0 and y != 1:
            raise ValueError("label must be 0 or 1")
        z = self.decision_function(x)
        loss = float(np.logaddexp(0.0, -z) if y == 1 else np.logaddexp(0.0, z))
        g = self.predict_proba(x) - y
        self.t += 1
        eta = self.lr * self.t ** -0.5
        theta = np.append(self.weights - eta * g * np.asarray(x, dtype=float), self.bias - eta * g)
        if self.radius is not None:
            norm = np.linalg.norm(theta)
            if norm > 0:
                theta *= min(1.0, self.radius / norm)
        self.weights, self.bias = theta[:-1], float(theta[-1])
        return loss
