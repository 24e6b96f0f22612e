"""The network's maths: backprop against central differences, and the slides' worked example."""
import zlib

import numpy as np
import pytest

from nnviz.core.activations import ACTIVATIONS
from nnviz.core.network import Network

TASK_OUTPUTS = {"regression": 2, "binary": 1, "multiclass": 3}


def teacher(task, N, K, rng):
    if task == "multiclass":
        return np.eye(K)[rng.integers(0, K, N)]
    if task == "binary":
        return rng.integers(0, 2, (N, 1)).astype(float)
    return rng.normal(size=(N, K))


def numeric_gradient(net, X, D, l1=0.0, l2=0.0, h=1e-6):
    p = net.params
    g = np.zeros_like(p)
    for i in range(p.size):
        old = p[i]
        p[i] = old + h
        up = net.loss(X, D) + net.penalty(l1, l2)
        p[i] = old - h
        down = net.loss(X, D) + net.penalty(l1, l2)
        p[i] = old
        g[i] = (up - down) / (2 * h)
    return g


def backprop_gradient(net, X, D, l1=0.0, l2=0.0):
    net.forward(X)
    net.backward(D)
    return net.add_penalty_grad(l1, l2).copy()


def assert_gradients_agree(net, X, D, **pen):
    analytic = backprop_gradient(net, X, D, **pen)
    numeric = numeric_gradient(net, X, D, **pen)
    scale = max(1e-6, np.abs(numeric).max())
    assert np.abs(analytic - numeric).max() / scale < 2e-6, (analytic, numeric)


@pytest.mark.parametrize("reduction", ["mean", "sum"])
@pytest.mark.parametrize("task", list(TASK_OUTPUTS))
@pytest.mark.parametrize("act", [a for a in ACTIVATIONS if a != "step"])
def test_backprop_equals_central_differences(act, task, reduction):
    rng = np.random.default_rng(zlib.crc32(f"{act} {task} {reduction}".encode()))   # the same every run
    K = TASK_OUTPUTS[task]
    X = rng.normal(size=(6, 3))
    D = teacher(task, 6, K, rng)
    # the activation under test in both hidden layers; biases moved off 0 so units sit away from kinks
    net = Network([3, 5, 4, K], [act, act], task=task, reduction=reduction, seed=3)
    net.params += 0.05 * rng.normal(size=net.n_params)
    assert_gradients_agree(net, X, D)


def test_prelu_alpha_gets_its_own_gradient():
    rng = np.random.default_rng(0)
    net = Network([2, 4, 3, 1], ["prelu", "prelu"], task="binary", seed=1)
    assert net.alpha[2].shape == (4,) and np.all(net.alpha[2] == 0.25)
    net.alpha[3][...] = [0.1, 0.4, 0.2]
    X, D = rng.normal(size=(8, 2)), teacher("binary", 8, 1, rng)
    assert_gradients_agree(net, X, D)
    assert np.any(net.dalpha[2] != 0)


@pytest.mark.parametrize("output,loss", [("sigmoid", "squared"), ("softmax", "squared"),
                                         ("tanh", "squared"), ("sigmoid", "ce"), ("prelu", "squared"),
                                         ("softplus", "squared")])
def test_general_chain_rule_for_unmatched_pairs(output, loss):
    rng = np.random.default_rng(1)
    K = 3 if output == "softmax" or loss == "ce" else 2
    task = "multiclass" if loss == "ce" else "regression"
    net = Network([2, 4, K], "tanh", task=task, output=output, loss=loss, seed=2)
    assert not net.matched and "chain rule" in net.output_rule
    D = teacher("multiclass", 5, K, rng)
    assert_gradients_agree(net, rng.normal(size=(5, 2)), D)


def test_l1_l2_penalties_are_differentiated_on_weights_only():
    rng = np.random.default_rng(2)
    net = Network([2, 3, 1], "tanh", task="regression", seed=0)
    net.b[2][...] = [0.3, -0.2, 0.1]
    X, D = rng.normal(size=(4, 2)), rng.normal(size=(4, 1))
    assert_gradients_agree(net, X, D, l1=0.01, l2=0.1)
    before = backprop_gradient(net, X, D)
    after = backprop_gradient(net, X, D, l1=0.0, l2=0.5)
    assert np.array_equal(before[net.weight_mask == 0], after[net.weight_mask == 0])


def test_binary_step_passes_no_gradient_to_hidden_layers():
    rng = np.random.default_rng(3)
    net = Network([2, 4, 4, 1], ["step", "step"], task="binary", seed=0)
    net.forward(rng.normal(size=(10, 2)))
    net.backward(teacher("binary", 10, 1, rng))
    assert np.all(net.dW[2] == 0) and np.all(net.dW[3] == 0) and np.all(net.db[3] == 0)
    assert np.any(net.dW[4] != 0)        # only the output layer learns


def test_matched_pairs_give_z_minus_d():
    rng = np.random.default_rng(4)
    for task, K in TASK_OUTPUTS.items():
        net = Network([3, 4, K], "relu", task=task, seed=0)
        assert net.matched and net.output_rule.startswith("δ^(L) = z − d")
        X, D = rng.normal(size=(5, 3)), teacher(task, 5, K, rng)
        z = net.forward(X).copy()
        net.backward(D)
        assert np.allclose(net.delta[net.L], z - D)


def test_mean_is_sum_divided_by_batch_size():
    rng = np.random.default_rng(5)
    X, D = rng.normal(size=(7, 2)), rng.normal(size=(7, 1))
    a = Network([2, 3, 1], "tanh", reduction="sum", seed=9)
    b = Network([2, 3, 1], "tanh", reduction="mean", seed=9)
    assert np.isclose(a.loss(X, D), 7 * b.loss(X, D))
    assert np.allclose(backprop_gradient(a, X, D), 7 * backprop_gradient(b, X, D))


def test_slides_worked_example_by_hand():
    """4 inputs, one hidden layer (ReLU), identity output, squared error (lecture §7, README's tour)."""
    net = Network([4, 2, 2], "relu", task="regression", reduction="sum")
    net.W[2][...] = [[0.5, -1.0, 0.0, 0.25], [-0.5, 0.5, 1.0, 0.0]]
    net.b[2][...] = [0.1, 0.2]
    net.W[3][...] = [[1.0, 2.0], [-1.0, 0.5]]
    net.b[3][...] = [0.0, 0.5]
    x = np.array([[1.0, 0.0, -1.0, 2.0]])
    d = np.array([[1.0, 0.0]])
    y = net.forward(x)
    # u^(2) = W^(2) x + b^(2):
    #   u_1 = 0.5·1 − 1·0 + 0·(−1) + 0.25·2 + 0.1 =  1.1
    #   u_2 = −0.5·1 + 0.5·0 + 1·(−1) + 0·2 + 0.2 = −1.3
    assert np.allclose(net.u[2], [[1.1, -1.3]])
    # z^(2) = ReLU(u^(2)) = (1.1, 0);  f'(u^(2)) = (1, 0)
    assert np.allclose(net.z[2], [[1.1, 0.0]])
    # y = u^(3) = W^(3) z^(2) + b^(3) = (1·1.1 + 2·0 + 0, −1·1.1 + 0.5·0 + 0.5) = (1.1, −0.6)
    assert np.allclose(y, [[1.1, -0.6]])
    # L_n = ½‖y − d‖² = ½(0.1² + 0.6²) = ½(0.01 + 0.36) = 0.185
    assert np.isclose(net.loss(x, d), 0.185)
    net.forward(x)
    net.backward(d)
    # δ^(3) = y − d = (0.1, −0.6)
    assert np.allclose(net.delta[3], [[0.1, -0.6]])
    # ∂L/∂w_ji^(3) = (y_j − d_j) z_i^(2):  [[0.1·1.1, 0.1·0], [−0.6·1.1, −0.6·0]]
    assert np.allclose(net.dW[3], [[0.11, 0.0], [-0.66, 0.0]])
    assert np.allclose(net.db[3], [0.1, -0.6])
    # δ_j^(2) = f'(u_j^(2)) Σ_k w_kj^(3) δ_k^(3):
    #   δ_1 = 1 · (1·0.1 + (−1)·(−0.6)) = 0.7
    #   δ_2 = 0 · (2·0.1 + 0.5·(−0.6)) = 0
    assert np.allclose(net.delta[2], [[0.7, 0.0]])
    # ∂L/∂w_ji^(2) = δ_j^(2) x_i = [[0.7·1, 0.7·0, 0.7·(−1), 0.7·2], [0, 0, 0, 0]]
    assert np.allclose(net.dW[2], [[0.7, 0.0, -0.7, 1.4], [0.0, 0.0, 0.0, 0.0]])
    assert np.allclose(net.db[2], [0.7, 0.0])


def test_shapes_follow_the_lecture():
    net = Network([4, 3, 2], "tanh")
    assert net.W[2].shape == (3, 4) and net.W[3].shape == (2, 3)   # W^(l): (n_l, n_(l−1))
    assert net.b[3].shape == (2,) and net.n_params == 3 * 5 + 2 * 4
    assert np.shares_memory(net.W[2], net.params) and np.shares_memory(net.dW[3], net.grad)
    net.forward(np.zeros((5, 4)))
    assert net.z[1].shape == (5, 4) and net.u[2].shape == (5, 3) and net.z[3].shape == (5, 2)


@pytest.mark.parametrize("scheme", ["xavier", "he", "uniform"])
def test_initialisation_is_seeded(scheme):
    a = Network([2, 8, 1], "relu", init=scheme, seed=5)
    b = Network([2, 8, 1], "relu", init=scheme, seed=5)
    c = Network([2, 8, 1], "relu", init=scheme, seed=6)
    assert np.array_equal(a.params, b.params) and not np.array_equal(a.params, c.params)
    assert np.all(a.b[2] == 0)


def test_xavier_and_he_scales():
    big = Network([400, 300, 1], "tanh", init="xavier", seed=0)
    assert abs(big.W[2].std() - np.sqrt(2 / 700)) < 0.05 * np.sqrt(2 / 700)
    big = Network([400, 300, 1], "relu", init="he", seed=0)
    assert abs(big.W[2].std() - np.sqrt(2 / 400)) < 0.05 * np.sqrt(2 / 400)


@pytest.mark.parametrize("kwargs,match", [
    (dict(sizes=[2, 0, 1]), "at least one unit"),
    (dict(sizes=[3]), "at least an input"),
    (dict(sizes=[2, 3, 1], activations=["tanh", "relu"]), "need 1 activations"),
    (dict(sizes=[2, 3, 1], activations="swish"), "unknown activation"),
    (dict(sizes=[2, 3, 1], task="ranking"), "unknown task"),
    (dict(sizes=[2, 3, 1], reduction="max"), "reduction"),
    (dict(sizes=[2, 3, 1], task="multiclass"), "softmax output needs at least 2"),
    (dict(sizes=[2, 3, 2], output="identity", loss="ce"), "cross-entropy needs outputs in"),
    (dict(sizes=[2, 3, 1], init="zeros"), "unknown initialisation"),
])
def test_bad_architectures_say_what_is_wrong(kwargs, match):
    with pytest.raises(ValueError, match=match):
        Network(**kwargs)


def test_loss_is_finite_for_saturated_outputs():
    net = Network([1, 2], "tanh", task="multiclass")
    net.W[2][...] = [[1000.0], [-1000.0]]
    D = np.array([[0.0, 1.0]])
    assert np.isclose(net.loss(np.array([[1.0]]), D), 2000.0)     # log-sum-exp: no inf
    net = Network([1, 1], "tanh", task="binary")
    net.W[2][...] = 1000.0
    assert np.isclose(net.loss(np.array([[1.0]]), np.array([[0.0]])), 1000.0)


def test_no_hidden_layer_is_logistic_regression():
    rng = np.random.default_rng(6)
    net = Network([3, 1], [], task="binary", seed=0)
    X, D = rng.normal(size=(6, 3)), teacher("binary", 6, 1, rng)
    assert_gradients_agree(net, X, D)


def test_gradient_check_reports_agreement_and_catches_a_wrong_gradient(monkeypatch):
    from nnviz.core.network import gradient_check
    rng = np.random.default_rng(8)
    net = Network([3, 4, 2], "tanh", task="regression", seed=1)
    X, D = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
    before = net.params.copy()
    err, g, n = gradient_check(net, X, D, l2=0.1)
    assert err < 1e-6 and g.shape == (net.n_params,)
    assert np.array_equal(net.params, before)
    broken = net.act[2].df

    def wrong(u, z, out=None, alpha=None):      # f' off by half: backprop must disagree
        r = broken(u, z, out)
        r *= 1.5
        return r
    monkeypatch.setattr(net.act[2], "df", wrong)
    assert gradient_check(net, X, D)[0] > 1e-2


def test_gradient_check_is_norm_wise_so_a_correct_wide_net_agrees():
    """A correct 2-32-32-1 net: its smallest gradients (~1e-6) carry rounding of the difference
    quotient that a component-wise |g−n|/(|g|+|n|) read as 2.7e-5; measured against the largest
    gradient, as the tests above measure, backprop agrees to ~1e-9."""
    from nnviz.core.network import gradient_check
    from nnviz.training.trainer import Settings, build
    t = build(Settings(dataset="circles", hidden=(32, 32), activations=("tanh",), seed=0))
    assert t.net.sizes == [2, 32, 32, 1]
    err, g, n = gradient_check(t.net, t.X_train, t.D_train)
    assert err == np.abs(g - n).max() / max(np.abs(g).max(), np.abs(n).max())
    assert err < 1e-7
    assert t.gradient_check()[0] < 1e-7


def test_normwise_error_of_vanishing_and_non_finite_gradients():
    from nnviz.core.network import normwise_error
    zero = np.zeros(3)
    assert normwise_error(zero, zero) == 0.0
    assert normwise_error(np.array([1.0, 1e-9]), np.array([1.0, 2e-9])) == pytest.approx(1e-9)
    assert np.isnan(normwise_error(np.array([np.nan, 1.0]), np.ones(2)))
    assert normwise_error(np.array([np.inf, 1.0]), np.ones(2)) == np.inf


def _plain_step(net, X, D):
    """The step written straight from the slides, one layer at a time (no shared buffers,
    no fused calls), each sample a column as on the slides (u = W z + b, back = Wᵀ δ;
    arrays units × samples in C order, as the core keeps them, for the same BLAS rounding):
    (y, per-sample loss, grad), a sample per row."""
    from nnviz.core.losses import LOSSES, output_delta
    L, zc, z, u = net.L, {1: X.T}, {1: X}, {}
    ones = np.ones((1, len(X)))
    zaug = {1: np.ascontiguousarray(np.vstack([X.T, ones]))}
    for l in range(2, L + 1):
        u[l] = np.dot(net.Wb[l], zaug[l - 1]).T
        z[l] = softmax_rows(u[l]) if net.act[l] is None else net.act[l].f(u[l], alpha=net.alpha[l])
        zc[l] = z[l].T
        zaug[l] = np.ascontiguousarray(np.vstack([zc[l], ones]))
    fn = LOSSES[net.loss_name]
    pair = (net.output, net.loss_name)
    if pair == ("sigmoid", "bce"):
        sp = np.logaddexp(0.0, u[L])     # softplus; max(u, 0) + log1p(e^(−|u|)) differs by an ulp where exp is SIMD
        per_sample = np.sum(sp - D * u[L], axis=1)
    elif pair == ("softmax", "ce"):
        per_sample = fn.value_from_u(u[L], D)
    elif pair == ("identity", "squared"):
        r = z[L] - D
        per_sample = 0.5 * np.einsum("nk,nk->n", r, r)
    else:
        per_sample = fn.value(z[L], D)
    grad = np.zeros(net.n_params)
    dWb = [None] * (L + 1)
    for l, blk in enumerate(net.block):
        if blk is not None:
            dWb[l] = grad[blk].reshape(net.Wb[l].shape)
    delta = output_delta(net.output, net.loss_name, u[L], z[L], D, act=net.act[L], alpha=net.alpha[L]).T
    delta = np.ascontiguousarray(delta)
    for l in range(L, 1, -1):
        dWb[l][...] = np.dot(delta, zaug[l - 1].T)
        if l > 2:
            back = np.dot(net.Wb[l].T, delta)[:-1]
            delta = np.ascontiguousarray(back * net.act[l - 1].df(u[l - 1], z[l - 1], alpha=net.alpha[l - 1]).T)
    grad *= 1.0 / len(X)
    return z[L], per_sample, grad


def softmax_rows(u):
    e = np.exp(u - u.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


@pytest.mark.parametrize("sizes, acts, task", [
    ([2, 8, 8, 8, 1], "tanh", "binary"),           # f' of all hidden layers in one call, e^(−|u|) kept
    ([2, 8, 8, 8, 8, 8, 8, 1], "tanh", "binary"),
    ([2, 5, 3, 4, 1], "sigmoid", "regression"),
    ([3, 6, 5, 4, 3], ["relu", "elu", "arctan"], "multiclass"),
    ([2, 1, 8, 1], "tanh", "regression"),
    ([2, 1], [], "binary"),
])
@pytest.mark.parametrize("N", [1, 3, 10, 37])
def test_fast_step_equals_the_plain_formulas_bit_for_bit(sizes, acts, task, N):
    rng = np.random.default_rng(N)
    net = Network(sizes, acts, task=task, seed=3)
    net.params[...] += rng.normal(scale=0.5, size=net.n_params)    # biases too
    X = rng.normal(scale=2.0, size=(N, sizes[0]))
    D = (np.eye(sizes[-1])[rng.integers(0, sizes[-1], N)] if task == "multiclass"
         else (rng.random((N, 1)) < 0.5).astype(float) if task == "binary" else rng.normal(size=(N, 1)))
    y, per_sample, grad = _plain_step(net, X, D)
    for _ in range(2):                               # the second pass reuses the buffers
        assert np.array_equal(net.forward(X), y)
        assert np.array_equal(net.per_sample_loss(D), per_sample)
        assert net.loss(X, D) == float(per_sample.mean())
        assert np.array_equal(net.backward(D), grad)


def test_small_initial_weights_sit_next_to_the_saddle_point_w_0():
    from nnviz.core.network import SMALL_INIT
    net = Network([2, 50, 50, 1], ["tanh", "tanh"], init="small", seed=3)
    w = np.concatenate([net.W[l].ravel() for l in (2, 3, 4)])
    assert abs(w.std() - SMALL_INIT) < 0.1 * SMALL_INIT and np.all(net.params[net.weight_mask == 0] == 0)


def test_index_finds_each_weight_and_bias_and_refuses_what_is_not_there():
    net = Network([3, 4, 2], "prelu", seed=0)
    for l in (2, 3):
        for j in range(net.sizes[l - 1]):
            for i in range(-1, net.sizes[l - 2]):
                before = net.params.copy()
                net.params[net.index(l, j, i)] += 1.0
                changed = (net.W[l][j, i] if i >= 0 else net.b[l][j]) - (before[net.index(l, j, i)])
                assert changed == 1.0 and np.count_nonzero(net.params != before) == 1
    assert net.params[net.alpha_block[2]].tolist() == net.alpha[2].tolist()
    from nnviz.core.errors import InputError
    for bad in ((1, 0, 0), (4, 0, 0), (2, 4, 0), (2, 0, 3), (3, 0, -2)):
        with pytest.raises(InputError):
            net.index(*bad)
