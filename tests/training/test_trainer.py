"""The training loop: steps, epochs, live settings, reset, divergence, snapshots, presets."""
import numpy as np
import pytest

from nnviz.training.scenes import load_scenes, scene
from nnviz.training.snapshot import GRID, take
from nnviz.training.trainer import Diverged, Settings, build, needs_rebuild


def test_training_lowers_the_loss_on_xor():
    t = build(Settings(dataset="xor", hidden=(4,), eps=0.1, seed=1))
    before = t.evaluate()["train_loss"]
    t.run(epochs=100)
    assert t.evaluate()["train_loss"] < 0.5 * before
    assert t.epoch == 100 and t.step_count == 100 * t.batcher.batches_per_epoch


def test_a_step_is_forward_backward_update():
    t = build(Settings(dataset="sin", hidden=(3,), batch=0, eps=0.1))
    net = t.net
    w = net.params.copy()
    net.forward(t.X_train)
    g = net.backward(t.D_train).copy()
    t.step()
    assert np.allclose(net.params, w - 0.1 * g)


def test_reset_replays_the_same_run():
    t = build(Settings(dataset="moons", hidden=(5,), seed=3))
    t.run(steps=25)
    first = t.net.params.copy()
    t.reset()
    assert t.step_count == 0 and len(t.history) == 0
    t.run(steps=25)
    assert np.array_equal(t.net.params, first)


def test_live_settings_apply_without_rebuild():
    s = Settings(dataset="xor", hidden=(4,))
    t = build(s)
    assert t.apply(s.replace(eps=0.5, mu=0.9, batch=5, l2=0.01))
    assert t.eps == 0.5 and t.optimizer.name == "momentum" and t.batcher.B == 5
    assert not t.apply(s.replace(hidden=(5,)))
    assert needs_rebuild(s, s.replace(activations=("relu",))) and not needs_rebuild(s, s.replace(eps=1.0))


def test_divergence_restores_the_last_finite_weights():
    t = build(Settings(dataset="sin", hidden=(8,), activations=("relu",), eps=5.0))
    with pytest.raises(Diverged, match="too large"):
        with np.errstate(all="ignore"):
            before = [t.net.params.copy()]
            for _ in range(1000):
                t.step()
                before = [before[-1], t.net.params.copy()]
    # the step whose loss overflowed started from before[-1]; the last finite loss was at before[0]
    assert np.all(np.isfinite(t.net.params))
    assert np.array_equal(t.net.params, before[0])


def test_divergence_restores_weights_whose_loss_is_not_exploding():
    """A loss that stays finite but explodes (1e305) counts as diverged too: the weights
    restored have a loss within EXPLODED times the first one, never 1e305."""
    from nnviz.training.trainer import EXPLODED
    t = build(Settings(dataset="sin", hidden=(8,), activations=("identity",), eps=0.9, batch=0))
    first = t.evaluate()["train_loss"]
    losses = []
    with pytest.raises(Diverged):
        with np.errstate(all="ignore"):
            for _ in range(10_000):
                losses.append(t.step())
    assert all(np.isfinite(losses))               # it never became inf or NaN: it exploded
    loss = t.evaluate()["train_loss"]
    assert loss == losses[-1] and loss <= EXPLODED * max(1.0, first)


def test_penalty_is_in_the_loss():
    s = Settings(dataset="xor", hidden=(4,), batch=0)
    a, b = build(s), build(s.replace(l2=0.1))
    assert b.step() > a.step()


def test_snapshot_is_frozen_copies_and_keeps_the_step_gradient():
    t = build(Settings(dataset="xor", hidden=(4, 3)))
    t.step()
    grad = t.net.grad.copy()
    snap = take(t, version=1, sample=5)
    assert np.array_equal(t.net.grad, grad)               # the sample's backward did not clobber it
    assert np.array_equal(snap.dW[2], t.net.dW[2])
    assert not snap.W[2].flags.writeable and not np.shares_memory(snap.W[2], t.net.params)
    t.step()
    assert not np.array_equal(snap.W[2], t.net.W[2])       # the snapshot did not follow
    assert snap.grid_z[3].shape == (GRID, GRID, 3) and snap.data_z[2].shape[0] == 200
    assert snap.u[2].shape == (4,) and snap.delta[4].shape == (1,)


def test_snapshot_sample_values_match_a_forward_pass():
    t = build(Settings(dataset="blobs", hidden=(6,)))
    t.run(steps=5)
    snap = take(t, version=1, sample=7)
    z = t.net.predict(t.X_train[7:8])[0]
    assert np.allclose(snap.z[3], z)
    assert np.allclose(snap.delta[3], z - t.D_train[7])    # matched pair: δ^(L) = z − d


def test_every_preset_builds_and_trains():
    scenes = load_scenes()
    assert len(scenes) >= 8
    for sc in scenes:
        key, title, t = sc.key, sc.title, build(sc.settings)
        with np.errstate(all="ignore"):
            try:
                t.run(steps=20)
            except Diverged:
                pass
        assert title and key
    assert scene("xor_hidden").settings.hidden == (4,)
    with pytest.raises(ValueError, match="xor_hidden"):
        scene("nope")


def test_a_step_runs_few_python_frames_and_none_of_numpys_wrappers():
    """What a step costs at the app's sizes is its number of calls, not its arithmetic: the
    step of TF Playground's default net stays a handful of Python frames around NumPy calls,
    and none is a NumPy function's Python-level __array_function__ dispatch (counted, not timed)."""
    import sys
    t = build(Settings(dataset="xor", hidden=(8, 8, 8), batch=10))
    t.run(steps=t.batcher.batches_per_epoch + 1)          # mid-epoch: the minibatches are cut
    frames = []
    sys.setprofile(lambda frame, event, arg: frames.append(frame.f_code) if event == "call" else None)
    try:
        t.step()
    finally:
        sys.setprofile(None)
    numpy_frames = [f.co_name for f in frames if "numpy" in f.co_filename.replace("\\", "/").split("/")]
    assert numpy_frames == [] and len(frames) <= 12, [f"{f.co_filename}:{f.co_name}" for f in frames]


def test_two_target_regression_from_csv_trains_on_the_cores_multi_output_loss(tmp_path):
    from nnviz.core.network import Network
    rng = np.random.default_rng(4)
    X = rng.normal(size=(12, 2))
    D = np.column_stack([X[:, 0] - X[:, 1], X[:, 0] * X[:, 1]])        # two outputs y1, y2
    path = tmp_path / "two.csv"                                           # y2 first in the file
    path.write_text("y2,x1,x2,y1\n" + "".join(f"{e!r},{a!r},{b!r},{c!r}\n"
                                               for (a, b), (c, e) in zip(X.tolist(), D.tolist())))
    t = build(Settings(data_file=str(path), target=("y1", "y2"), hidden=(3,), batch=0, test_ratio=0.0,
                       eps=0.05, seed=2))
    assert t.net.sizes == [2, 3, 2] and (t.net.output, t.net.loss_name) == ("identity", "squared")
    np.testing.assert_array_equal(t.X_train, X)
    np.testing.assert_array_equal(t.D_train, D)
    twin = Network([2, 3, 2], ["tanh"], task="regression", seed=2)      # the core alone, same start
    np.testing.assert_array_equal(twin.params, t.net.params)
    first = twin.loss(X, D)
    for _ in range(5):
        expected = twin.loss(X, D)                                       # ½ Σ_k (z_k − d_k)², mean over n
        z = twin.forward(X)
        assert expected == pytest.approx(np.mean(0.5 * np.sum((z - D) ** 2, axis=1)), rel=1e-12)
        assert t.evaluate()["train_loss"] == pytest.approx(expected, rel=1e-12)
        assert t.step() == pytest.approx(expected, rel=1e-12)          # the loss it trained on
        twin.params[...] = t.net.params
    assert t.evaluate()["train_loss"] < first and t.step_count == 5
    assert t.weights_extra()["target_names"] == ["y1", "y2"]


def test_old_settings_with_one_target_string_still_read(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("x,y\n0,0.5\n1,1.5\n2,0.25\n")
    s = Settings.from_dict({**Settings().to_dict(), "data_file": str(path), "target": "y", "hidden": [2]})
    assert s.target == "y" and build(s).data.target_names == ("y",)
    two = Settings.from_dict(Settings(target=("a", "b")).to_dict())      # saved as a list, read as a tuple
    assert two.target == ("a", "b")


def test_several_outputs_report_r2_pooled_and_per_output():
    t = build(Settings(dataset="slides", hidden=(4,), seed=1))
    t.run(epochs=5)
    m, D = t.evaluate(), t.D_test
    z = t.net.forward(t.X_test)
    each = [1 - np.sum((z[:, k] - D[:, k]) ** 2) / np.sum((D[:, k] - D[:, k].mean()) ** 2) for k in range(2)]
    assert m["test_r2_each"] == pytest.approx(each, rel=1e-12)
    pooled = 1 - np.sum((z - D) ** 2) / np.sum((D - D.mean(axis=0)) ** 2)
    assert m["test_r2"] == pytest.approx(pooled, rel=1e-12)
    assert "test_r2_each" not in build(Settings(dataset="sin", hidden=(2,))).evaluate()
