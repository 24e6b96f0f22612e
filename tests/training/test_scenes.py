"""Every scene proves its claim: run headless exactly as the window and ``nnviz compare
--preset`` run it (its runs, from one start, for its length), then assert what it says."""
import numpy as np
import pytest

from nnviz.core.network import gradient_check
from nnviz.training.compare import Comparison
from nnviz.training.scenes import load_scenes, scene


def played(key, steps=None):
    sc = scene(key)
    return Comparison(sc.runs()).run(steps=steps or sc.steps)


def train_loss(c, i):
    return c.trainers[i].history.array()[:, 2]


def test_every_scene_has_a_claim_a_length_and_at_most_four_runs():
    scenes = load_scenes()
    assert {"lr_too_large", "lr_too_small", "sigmoid_squared", "momentum", "minibatch", "saddle_plateau",
            "xor_hidden", "xor_linear", "step_no_gradient", "circles_features", "spiral_tanh",
            "sin_regression", "blobs_softmax", "worked_example"} <= {s.key for s in scenes}
    for s in scenes:
        assert s.claim.endswith(".") and s.steps > 0 and 1 <= len(s.runs()) <= 4
        if s.is_comparison:   # the variants start from the same weights where their shapes agree
            c = Comparison(s.runs())
            same = [t for t in c.trainers if t.settings.init == c.trainers[0].settings.init
                    and t.net.sizes == c.trainers[0].net.sizes]
            assert all(np.array_equal(t.initial_params, same[0].initial_params) for t in same)


def test_lr_too_large_oscillates_beside_a_good_lr_that_falls_on_every_step():
    c = played("lr_too_large")
    good, large = 0, 1
    assert c.rise_share(large) >= 0.3                  # the error rises on a good share of steps
    assert c.rise_share(good) == 0.0                   # gradient descent with a good ε: never
    high = train_loss(c, large)
    assert high[len(high) // 2:].min() > 3 * train_loss(c, good)[-1]   # and stays high, all the second half


def test_lr_too_small_removes_a_small_fraction_of_what_a_good_lr_removes():
    c = played("lr_too_small")
    removed = [train_loss(c, i)[0] - train_loss(c, i)[-1] for i in range(2)]
    assert train_loss(c, 0)[0] == train_loss(c, 1)[0]  # one start
    assert 0 < removed[1] < 0.25 * removed[0]


def test_sigmoid_with_squared_error_needs_several_times_the_steps_of_cross_entropy():
    c = played("sigmoid_squared")
    ce, sq = c.reached
    assert c.labels == ["σ + cross-entropy", "σ + squared error"]
    assert ce is not None and (sq is None or sq >= 3 * ce)


def test_momentum_reaches_95_percent_in_at_most_half_the_steps_of_sgd():
    c = played("momentum")
    sgd, mom = c.reached
    assert mom is not None and sgd is not None and mom <= sgd / 2
    assert c.trainers[0].settings.eps == c.trainers[1].settings.eps


def test_minibatch_per_epoch_sgd_is_fastest_and_per_step_gd_is_smoothest():
    c = played("minibatch")
    gd, sgd, b10 = (c.trainers[i].history.array() for i in range(3))
    at_epoch = [np.interp(5, h[:, 1], h[:, 2]) for h in (gd, sgd, b10)]
    assert at_epoch[1] < at_epoch[2] < at_epoch[0]      # per epoch: SGD, then B = 10, then GD

    def rises(h):   # the full training loss between two recorded points
        return np.mean(np.diff(h[:, 2]) > 0)
    assert rises(gd) == 0 and rises(sgd) > 0.2          # per step: smooth against noisy
    assert gd[-1, 2] < sgd[-1, 2]                       # and per step GD is ahead


def test_saddle_plateau_lingers_from_small_weights_and_drops_at_once_from_xavier():
    c = played("saddle_plateau")
    small, xavier = c.trainers[0].history.array(), c.trainers[1].history.array()
    L0 = small[0, 2]
    plateau = small[small[:, 0] <= 500, 2]
    assert np.all(np.abs(plateau - L0) < 0.01 * L0)     # 500 steps on the plateau
    assert small[-1, 2] < 0.5 * L0                      # then it drops
    assert np.interp(200, xavier[:, 0], xavier[:, 2]) < 0.8 * xavier[0, 2]


@pytest.mark.parametrize("key", ["xor_hidden", "circles_features", "spiral_tanh", "blobs_softmax"])
def test_the_classification_scenes_reach_95_percent(key):
    c = played(key)
    assert c.reached[0] is not None and c.reached[0] <= scene(key).steps


def test_xor_without_a_hidden_layer_never_rises_above_75_percent():
    c = played("xor_linear")
    assert np.nanmax(c.trainers[0].history.array()[:, 4]) <= 0.75
    assert c.reached == [None]


def test_the_binary_step_passes_no_gradient_to_the_hidden_weights():
    sc = scene("step_no_gradient")
    t = Comparison(sc.runs()).trainers[0]
    w0 = t.net.W[2].copy()
    for _ in range(sc.steps):
        t.step()
        assert np.all(t.net.delta[2] == 0.0)             # exactly 0, not small
    assert np.array_equal(t.net.W[2], w0)
    assert not np.array_equal(t.net.W[3], t.initial_params[t.net.block[3]].reshape(t.net.Wb[3].shape)[:, :-1])


def test_sin_regression_fits_the_test_data():
    c = played("sin_regression")
    assert c.trainers[0].evaluate()["test_r2"] >= 0.9


def test_the_worked_example_agrees_with_central_differences_and_its_error_falls():
    c = played("worked_example")
    t = c.trainers[0]
    err, _, _ = gradient_check(t.net, t.X_train, t.D_train)
    assert err < 1e-6
    assert train_loss(c, 0)[-1] < 0.5 * train_loss(c, 0)[0]


def test_hidden_linear_makes_the_classes_separable_by_the_output_line_in_the_hidden_plane():
    c = played("hidden_linear")
    t = c.trainers[0]
    net = t.net
    assert net.sizes[-2] == 2 and t.evaluate()["train_accuracy"] == 1.0
    net.forward(t.X_train)
    z, y = net.z[net.L - 1], net.z[net.L][:, 0]
    side = z @ net.W[net.L][0] + net.b[net.L][0]            # w^(L)ᵀz + b
    assert np.array_equal(side > 0, y > 0.5)                   # the network classifies by the line
    assert np.array_equal(side > 0, np.asarray(t.D_train)[:, 0] > 0.5)   # which separates the classes


def test_local_minima_restarts_converge_to_several_distinct_solutions():
    from nnviz.training.explore import restarts
    sc = scene("local_minima")
    out = restarts(sc.settings, k=10, steps=sc.steps)
    assert out["n_converged"] == 10 and out["n_distinct"] >= 2
    best = out["final_loss"].min()
    assert np.sum(np.isclose(out["final_loss"], best, rtol=1e-3)) < 10   # only some reach the lowest
