"""Online gradient descent on the smallest online problem there is: guessing the next number.

Each round t the learner commits to a guess w_t, then sees y_t and pays
loss_t(w) = 0.5 * (w - y_t)**2, whose gradient at w_t is (w_t - y_t). The best fixed
guess in hindsight is the mean of y_1..y_T. Regret = what the learner paid minus what
that best fixed guess would have paid.

Run: python example.py
"""

import math

import numpy as np


def run(ys: np.ndarray, lr: float, decay: bool, trace: bool = False) -> np.ndarray:
    """Online gradient descent from w = 0; returns the loss paid in each round."""
    w, paid = 0.0, np.empty(len(ys))
    for t, y in enumerate(ys, start=1):  # t counts updates from 1, so eta_1 = lr
        paid[t - 1] = 0.5 * (w - y) ** 2  # score first ...
        gradient = w - y
        eta = lr / math.sqrt(t) if decay else lr
        new_w = w - eta * gradient  # ... then learn
        if trace:
            print(f"  t={t}  w_t={w:+.4f}  y_t={y:+.1f}  grad={gradient:+.4f}  eta_t={eta:.4f}  w_t+1={new_w:+.4f}")
        w = new_w
    return paid


print("Two rounds with y = 3.0, 1.0 and lr = 0.5:")
print(" constant rate")
run(np.array([3.0, 1.0]), lr=0.5, decay=False, trace=True)
print(" lr / sqrt(t)")
run(np.array([3.0, 1.0]), lr=0.5, decay=True, trace=True)

# A noisy stationary stream: y_t = 3 + N(0, 1).
ys = 3.0 + np.random.default_rng(0).normal(size=100_000)
paid_constant = run(ys, lr=0.5, decay=False)
paid_decayed = run(ys, lr=0.5, decay=True)
print("\naverage regret R_T / T on y_t = 3 + N(0, 1), lr = 0.5")
print("       T   constant   lr/sqrt(t)")
for T in (10, 100, 1_000, 10_000, 100_000):
    best = 0.5 * float(np.sum((ys[:T] - ys[:T].mean()) ** 2))  # best fixed guess: the mean
    r_const = (paid_constant[:T].sum() - best) / T
    r_decay = (paid_decayed[:T].sum() - best) / T
    print(f"{T:8d}   {r_const:8.4f}   {r_decay:10.4f}")
eta = 0.5
print(f"constant-rate plateau predicted by 0.5 * eta / (2 - eta): {0.5 * eta / (2 - eta):.4f}")

# Log loss of a confident mistake: the model gives p = sigmoid(z) to an event that happened.
for z in (-40.0, -800.0):
    with np.errstate(over="ignore", divide="ignore"):
        p = 1.0 / (1.0 + np.exp(np.float64(-z)))  # exp(800) overflows to inf, so p becomes 0.0
        naive = -np.log(p)
        clipped = -np.log(np.clip(p, 1e-15, 1.0))
    print(f"z = {z:6.0f}: p = {p:.3e}   -log(p) = {naive:.4f}   -log(clip(p, 1e-15)) = {clipped:.4f}")
try:
    math.exp(800.0)
except OverflowError as error:
    print("math.exp(800) raises OverflowError:", error)
