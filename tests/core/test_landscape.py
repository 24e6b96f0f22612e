"""The network's loss surface: batched slices equal net.loss, directions, the Hessian."""

import numpy as np
import pytest

from nnviz.core import landscape
from nnviz.core.activations import ACTIVATIONS
from nnviz.core.landscape import (Cancelled, directions, explained_variance, hessian, loss_slice,
                                  project_trajectory, spectrum_label)
from nnviz.core.network import Network


def data(net, N=60, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(N, net.sizes[0]))
    K = net.sizes[-1]
    if net.task == "multiclass":
        D = np.eye(K)[rng.integers(0, K, N)]
    elif net.task == "binary":
        D = (rng.random((N, K)) < 0.5).astype(float)
    else:
        D = rng.normal(size=(N, K))
    return X, D


def per_point(net, X, D, center, d1, d2, alphas, betas):
    """The slow reference: net.loss at every grid point, one by one."""
    saved, out = net.params.copy(), np.empty((len(betas), len(alphas)))
    for i, b in enumerate(betas):
        for j, a in enumerate(alphas):
            net.params[...] = center + a * d1 + b * d2
            out[i, j] = net.loss(X, D)
    net.params[...] = saved
    return out


NETS = [  # (sizes, activations, task, output, loss, reduction)
    ([2, 8, 8, 1], "tanh", "regression", None, None, "mean"),
    ([2, 5, 1], "prelu", "binary", None, None, "sum"),
    ([3, 6, 4, 3], ["relu", "elu"], "multiclass", None, None, "mean"),
    ([2, 4, 2], "sigmoid", "regression", "tanh", None, "mean"),
    ([2, 4, 3], "softplus", "multiclass", "sigmoid", "bce", "sum"),
]


@pytest.mark.parametrize("sizes, acts, task, output, loss, reduction", NETS)
@pytest.mark.parametrize("kind", ["random", "weights"])
def test_every_grid_point_is_net_loss(sizes, acts, task, output, loss, reduction, kind):
    net = Network(sizes, acts, task=task, output=output, loss=loss, reduction=reduction, seed=2)
    net.params += np.random.default_rng(5).normal(0, 0.3, net.n_params)   # biases, PReLU α ≠ defaults
    X, D = data(net)
    picks = ((net.L, 0, -1), (net.L - 1, 1, 0))
    d1, d2 = directions(net, kind, 7, picks=picks)
    c = net.params.copy()
    alphas, betas = np.linspace(-1.5, 1.0, 6), np.linspace(-0.5, 2.0, 5)
    S = loss_slice(net, X, D, c, d1, d2, alphas, betas, chunk=4)
    assert S.shape == (5, 6)
    assert np.allclose(S, per_point(net, X, D, c, d1, d2, alphas, betas), rtol=1e-12, atol=0)
    assert np.array_equal(net.params, c)                        # the net is left as it was
    S0 = loss_slice(net, X, D, c, d1, d2, [0.0], [0.0])
    assert np.isclose(S0[0, 0], net.loss(X, D), rtol=1e-12, atol=0)


@pytest.mark.parametrize("act", list(ACTIVATIONS))
@pytest.mark.parametrize("kind", ["random", "weights"])
def test_every_activation_batched_slice_is_net_loss_at_every_grid_point(act, kind):
    """Two hidden layers of each activation: the first moved layer (from exp tables for
    sigmoid, tanh, softplus) and the next one (Activation.value) both equal net.loss."""
    net = Network([2, 6, 5, 1], act, seed=4)
    net.params += np.random.default_rng(6).normal(0, 0.3, net.n_params)
    X, D = data(net, 70, seed=2)
    d1, d2 = directions(net, kind, 3, picks=((2, 0, 1), (3, 2, -1)))
    c, alphas, betas = net.params.copy(), np.linspace(-2.0, 1.5, 7), np.linspace(-1.0, 3.0, 6)
    S = loss_slice(net, X, D, c, d1, d2, alphas, betas, chunk=5)
    assert np.allclose(S, per_point(net, X, D, c, d1, d2, alphas, betas), rtol=1e-12, atol=0)


@pytest.mark.parametrize("act", ["sigmoid", "tanh", "softplus"])
def test_exp_tables_only_where_nothing_can_overflow(act):
    net = Network([2, 4, 3, 1], act, seed=1)
    X, D = data(net, 30)
    d1, d2 = directions(net, "random", 0)
    first, shared = landscape._shared_prefix(net, X, net.params, d1, d2)
    small = landscape._exp_tables(net, first, shared, net.params, d1, d2, np.linspace(-1, 1, 3),
                                  np.linspace(-1, 1, 4), 1e6)
    assert [t.shape for t in small] == [(3, 4, 30), (4, 4, 30)]
    huge = np.array([-1e4, 0.0, 1e4])            # |s·u| ≫ 700 somewhere: computed by exp itself
    assert landscape._exp_tables(net, first, shared, net.params, d1, d2, huge, huge, 1e6) is None
    assert landscape._exp_tables(net, first, shared, net.params, d1, d2, huge[:1], huge[:1], 10) is None
    c = net.params.copy()
    S = loss_slice(net, X, D, c, d1, d2, huge, huge)
    assert np.all(np.isfinite(S))
    assert np.allclose(S, per_point(net, X, D, c, d1, d2, huge, huge), rtol=1e-12, atol=0)


def test_any_direction_works_prelu_alpha_included():
    net = Network([2, 4, 3, 1], "prelu", seed=3)
    X, D = data(net, 40)
    rng, c = np.random.default_rng(1), net.params.copy()
    only_alpha = np.zeros(net.n_params)
    probe = net.copy()
    probe.params[...] = 0.0
    probe.alpha[3][...] = 1.0                     # moves only α^(3): layers 2 is shared, 3 is not
    only_alpha[...] = probe.params
    for d1, d2 in ((rng.normal(size=net.n_params), rng.normal(size=net.n_params)),
                   (only_alpha, np.zeros(net.n_params))):
        grid = np.linspace(-2, 2, 5)
        assert np.allclose(loss_slice(net, X, D, c, d1, d2, grid, grid, chunk=3),
                           per_point(net, X, D, c, d1, d2, grid, grid), rtol=1e-12, atol=0)


def test_chunking_does_not_change_the_result():
    net = Network([2, 8, 8, 1], "tanh", seed=0)
    X, D = data(net, 50)
    d1, d2 = directions(net, "random", 0)
    grid = np.linspace(-1, 1, 13)
    ref = loss_slice(net, X, D, net.params, d1, d2, grid, grid, chunk=1)
    for chunk in (5, 64, None, 1000):
        assert np.allclose(loss_slice(net, X, D, net.params, d1, d2, grid, grid, chunk=chunk), ref,
                           rtol=1e-13, atol=0)


def test_large_batched_slice_completes_and_matches_the_pointwise_loss():
    net = Network([2, 8, 8, 1], "tanh", seed=0)
    X, D = data(net, 500)
    d1, d2 = directions(net, "random", 1)
    grid = np.linspace(-1, 1, 201)
    calls = []
    S = loss_slice(net, X, D, net.params, d1, d2, grid, grid,
                   progress=lambda done, total: calls.append((done, total)))
    assert S.shape == (201, 201) and np.all(np.isfinite(S))
    assert calls[-1] == (201 * 201, 201 * 201) and len(calls) > 1
    assert all(a[0] < b[0] for a, b in zip(calls, calls[1:]))
    for i, j in ((0, 0), (100, 100), (200, 37), (13, 190)):
        assert np.isclose(S[i, j], per_point(net, X, D, net.params, d1, d2, grid[[j]], grid[[i]])[0, 0],
                          rtol=1e-12, atol=0)


def test_progress_can_cancel():
    net = Network([2, 4, 1], "tanh", seed=0)
    X, D = data(net, 20)
    d1, d2 = directions(net, "random", 0)
    seen = []

    def stop_after_two(done, total):
        seen.append(done)
        return len(seen) < 2

    with pytest.raises(Cancelled):
        loss_slice(net, X, D, net.params, d1, d2, np.zeros(10), np.zeros(10), chunk=10,
                   progress=stop_after_two)
    assert seen == [10, 20]
    S = loss_slice(net, X, D, net.params, d1, d2, np.zeros(3), np.zeros(2), chunk=1,
                   progress=lambda done, total: None)           # None means carry on
    assert S.shape == (2, 3)


def test_weight_directions_are_unit_vectors_on_the_picked_parameters():
    net = Network([2, 3, 2], "tanh", task="multiclass", seed=0)
    d1, d2 = directions(net, "weights", None, picks=((2, 1, 0), (3, 0, -1)))
    assert d1.sum() == d2.sum() == 1.0
    net.params[...] = 0.0
    net.params += d1 + 2 * d2
    assert net.W[2][1, 0] == 1.0 and net.b[3][0] == 2.0 and np.count_nonzero(net.params) == 2
    with pytest.raises(ValueError, match="no parameter"):
        directions(net, "weights", None, picks=((2, 3, 0), (3, 0, 0)))
    with pytest.raises(ValueError, match="different"):
        directions(net, "weights", None, picks=((2, 1, 0), (2, 1, 0)))
    with pytest.raises(ValueError, match="unknown kind"):
        directions(net, "sideways", None)


def test_random_directions_are_filter_normalised():
    net = Network([3, 6, 5, 2], "prelu", task="multiclass", seed=4)
    d1, d2 = directions(net, "random", np.random.default_rng(9))
    assert not np.allclose(d1, d2)
    for d in (d1, d2):
        probe = net.copy()
        probe.params[...] = d
        for l in range(2, net.L + 1):
            assert np.allclose(np.linalg.norm(probe.W[l], axis=1), np.linalg.norm(net.W[l], axis=1),
                               rtol=1e-12)
            assert np.all(probe.b[l] == 0) and (probe.alpha[l] is None or np.all(probe.alpha[l] == 0))
    again = directions(net, "random", 9)
    assert np.array_equal(again[0], d1)                          # seeded


def test_pca_directions_of_a_trajectory():
    rng = np.random.default_rng(0)
    P, T = 40, 30
    start, end = rng.normal(size=P), rng.normal(size=P)
    line = start + np.linspace(0, 1, T)[:, None] ** 2 * (end - start)   # a straight path, uneven steps
    net = Network([3, 5, 2], "tanh", seed=0)
    assert net.n_params == 32
    with pytest.raises(ValueError, match="trajectory"):
        directions(net, "pca", None, trajectory=line)
    net = Network([4, 4, 4], "tanh", seed=0)                     # P = 40
    d1, d2 = directions(net, "pca", None, trajectory=line)
    assert np.allclose([d1 @ d1, d2 @ d2, d1 @ d2], [1, 1, 0], atol=1e-12)
    assert np.isclose(abs(d1 @ (end - start)), np.linalg.norm(end - start))   # along the line
    assert np.isclose(explained_variance(line)[0], 1.0)
    ab = project_trajectory(line, line[-1], d1, d2)
    assert np.allclose(ab[:, 1], 0, atol=1e-10)                  # one component captures it
    assert np.allclose(line[-1] + ab[:, :1] * d1, line, atol=1e-10)
    bent = np.vstack([line, line[-1] + np.outer(np.linspace(0.1, 1, 10), rng.normal(size=P))])
    d1, d2 = directions(net, "pca", None, trajectory=bent)
    assert np.allclose([d1 @ d1, d2 @ d2, d1 @ d2], [1, 1, 0], atol=1e-12)
    assert explained_variance(bent)[1] > 1e-3


def test_hessian_matches_second_differences_of_the_loss():
    net = Network([2, 3, 1], "tanh", task="binary", seed=1)
    X, D = data(net, 30)
    H = hessian(net, X, D)
    w0, P, h = net.params.copy(), net.n_params, 1e-4
    assert H.shape == (P, P) and np.array_equal(H, H.T)

    def L(w):
        net.params[...] = w
        return net.loss(X, D)

    E = np.eye(P) * h
    ref = np.array([[(L(w0 + E[i] + E[j]) - L(w0 + E[i] - E[j]) - L(w0 - E[i] + E[j])
                      + L(w0 - E[i] - E[j])) / (4 * h * h) for j in range(P)] for i in range(P)])
    net.params[...] = w0
    assert np.allclose(H, ref, rtol=1e-4, atol=1e-6)
    assert np.array_equal(net.params, w0)


def test_hessian_of_a_linear_model_is_exact_and_labelled():
    # identity output, squared error, no hidden layer: L = 1/N Σ ½‖W x + b − d‖², so ∇²L = [X 1]ᵀ[X 1] / N
    net = Network([3, 1], [], seed=0)
    X, D = data(net, 40)
    Xa = np.hstack([X, np.ones((40, 1))])
    H = hessian(net, X, D)
    assert np.allclose(H, Xa.T @ Xa / 40, rtol=1e-8, atol=1e-10)
    assert spectrum_label(np.linalg.eigvalsh(H)) == ("minimum", 0)
    big = Network([20, 30, 1], "tanh", seed=0)
    with pytest.raises(ValueError, match="at most 500"):
        hessian(big, np.zeros((2, 20)), np.zeros((2, 1)))


def test_all_zero_weights_are_a_saddle():
    # At w = 0 a tanh net has z^(2) = 0, so ∇L = 0 when the targets have mean 0; but the
    # curvature couples each output weight with its unit's input weight (∂²L/∂w^(3)∂w^(2) ≠ 0),
    # which makes the Hessian indefinite: a saddle, the lecture's "GD stalls here".
    net = Network([1, 2, 1], "tanh", seed=0)
    net.params[...] = 0.0
    X = np.linspace(-2, 2, 25)[:, None]
    D = np.tanh(2 * X)
    lam = np.linalg.eigvalsh(hessian(net, X, D))
    label, n_neg = spectrum_label(lam)
    assert label == "saddle" and n_neg >= 1
