import math

import numpy as np
import pytest

# The statement's stream: two features, four examples.
STREAM = [([1.0, 2.0], 3.0), ([0.0, 1.0], -1.0), ([2.0, -1.0], 2.0), ([1.0, 1.0], 0.0)]


def _run(model, stream=STREAM):
    """Feed the stream; return (loss, weights, bias) after each update."""
    trace = []
    for x, y in stream:
        loss = model.partial_fit(np.array(x), y)
        trace.append((loss, np.array(model.weights, dtype=float), float(model.bias)))
    return trace


def _assert_trace(trace, expected):
    for t, ((loss, w, b), (want_loss, want_w, want_b)) in enumerate(zip(trace, expected), start=1):
        assert math.isclose(loss, want_loss, rel_tol=1e-9, abs_tol=1e-12), f"loss of update {t}: got {loss}, want {want_loss}"
        np.testing.assert_allclose(w, want_w, rtol=1e-9, atol=1e-12, err_msg=f"weights after update {t}")
        assert math.isclose(b, want_b, rel_tol=1e-9, abs_tol=1e-12), f"bias after update {t}: got {b}, want {want_b}"


def test_constant_schedule_worked_example(solution):
    # Hand-computed in exact fractions (lr = 1/10). Update 1: y_hat = 0, residual -3,
    # loss 9/2, w = 0.1 * 3 * (1, 2) = (0.3, 0.6), b = 0.3. Update 2: y_hat = 0.9,
    # residual 1.9, loss 1.805, w = (0.3, 0.6 - 0.19), b = 0.3 - 0.19.
    model = solution.OnlineLinearRegressor(2, lr=0.1, schedule="constant")
    assert model.t == 0
    assert model.predict(np.array([5.0, -7.0])) == 0.0, "the model starts from w = 0, b = 0"
    expected = [
        (4.5, [0.3, 0.6], 0.3),
        (1.805, [0.3, 0.41], 0.11),
        (1.445, [0.64, 0.24], 0.28),
        (0.6728, [0.524, 0.124], 0.164),
    ]
    _assert_trace(_run(model), expected)
    assert model.t == 4
    assert math.isclose(model.predict(np.array([1.0, 1.0])), 0.524 + 0.124 + 0.164, rel_tol=1e-9)


def test_inv_sqrt_decays_from_lr_at_t_1(solution):
    model = solution.OnlineLinearRegressor(2, lr=0.2, schedule="inv_sqrt")
    # eta_t = lr / sqrt(t) with t counted from 1: eta_1 = lr, eta_4 = lr / 2.
    for t, want in [(1, 0.2), (2, 0.2 / math.sqrt(2)), (4, 0.1), (100, 0.02)]:
        assert math.isclose(model.learning_rate(t), want, rel_tol=1e-12), f"learning_rate({t})"
    # Updates 1 and 2 coincide with a constant lr only at t = 1; from update 2 on the
    # step shrinks. Values from the reference, cross-checked by an independent float loop.
    s2 = 0.2 / math.sqrt(2)
    expected = [
        (4.5, [0.6, 1.2], 0.6),
        (3.92, [0.6, 1.2 - 2.8 * s2], 0.6 - 2.8 * s2),
        (0.98, [0.9233161507461904, 0.6423621271624383], 0.3656782779086286),
        (1.865069072849149, [0.7301804951644647, 0.4492264715807126], 0.17254262232690287),
    ]
    _assert_trace(_run(model), expected)


def test_step_decay_boundaries(solution):
    # StepLR semantics: the first step_size updates use lr, the next step_size use lr * gamma, ...
    model = solution.OnlineLinearRegressor(2, lr=1.0, schedule="step", step_size=3, gamma=0.5)
    assert [model.learning_rate(t) for t in range(1, 11)] == pytest.approx(
        [1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125], rel=1e-12
    )
    # lr = 0.2, step_size = 2: updates 1-2 use 0.2, updates 3-4 use 0.1 (exact fractions).
    model = solution.OnlineLinearRegressor(2, lr=0.2, schedule="step", step_size=2, gamma=0.5)
    expected = [
        (4.5, [0.6, 1.2], 0.6),
        (3.92, [0.6, 0.64], 0.04),
        (0.98, [0.88, 0.5], 0.18),
        (1.2168, [0.724, 0.344], 0.024),
    ]
    _assert_trace(_run(model), expected)


def test_learns_a_noisy_linear_stream(solution):
    rng = np.random.default_rng(7)
    true_w, true_b = np.array([1.0, -2.0, 0.5]), 0.3
    X = rng.normal(size=(3_000, 3))
    y = X @ true_w + true_b + 0.1 * rng.normal(size=3_000)
    configs = [
        {"lr": 0.05, "schedule": "constant"},
        {"lr": 0.2, "schedule": "inv_sqrt"},
        {"lr": 0.1, "schedule": "step", "step_size": 500, "gamma": 0.5},
    ]
    for config in configs:
        model = solution.OnlineLinearRegressor(3, **config)
        losses = [model.partial_fit(x, target) for x, target in zip(X, y)]
        # Deterministic given the seed; the reference ends within 0.013 of the truth for every
        # schedule, and its mean progressive loss over the last 1000 examples is 0.0053-0.0058
        # (noise floor 0.5 * 0.1**2 = 0.005). A sign error or a missing bias is off by > 0.3.
        np.testing.assert_allclose(model.weights, true_w, atol=0.05, err_msg=str(config))
        assert abs(model.bias - true_b) < 0.05, config
        assert np.mean(losses[-1000:]) < 0.02, config


@pytest.mark.hidden
def test_invalid_arguments(solution):
    cls = solution.OnlineLinearRegressor
    for kwargs in [
        {"n_features": 0},
        {"n_features": 2, "lr": 0.0},
        {"n_features": 2, "lr": -0.1},
        {"n_features": 2, "schedule": "cosine"},
        {"n_features": 2, "schedule": "step", "step_size": 0},
        {"n_features": 2, "schedule": "step", "gamma": 0.0},
        {"n_features": 2, "schedule": "step", "gamma": 1.5},
    ]:
        with pytest.raises(ValueError):
            cls(**kwargs)
    model = cls(2, schedule="inv_sqrt")
    with pytest.raises(ValueError):
        model.learning_rate(0)
    with pytest.raises(ValueError):
        model.partial_fit(np.array([1.0, 2.0, 3.0]), 1.0)
    with pytest.raises(ValueError):
        model.predict(np.array([1.0]))


@pytest.mark.hidden
def test_predict_has_no_side_effects_and_models_are_independent(solution):
    a = solution.OnlineLinearRegressor(2, lr=0.1)
    b = solution.OnlineLinearRegressor(2, lr=0.1)
    for _ in range(3):
        a.predict(np.array([1.0, 2.0]))
    assert a.t == 0
    a.partial_fit(np.array([1.0, 2.0]), 3.0)
    assert b.t == 0 and b.predict(np.array([1.0, 2.0])) == 0.0, "state must belong to the instance"
    # Lists are accepted as well as arrays.
    assert math.isclose(a.predict([1.0, 2.0]), 0.3 + 1.2 + 0.3, rel_tol=1e-12)
