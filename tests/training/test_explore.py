"""Landscape tools on a live trainer: slices, the Hessian, restarts."""
import numpy as np
import pytest

from nnviz.training.explore import Trajectory, distinct_levels, hessian_at, restarts, slice_through
from nnviz.training.trainer import Settings, build


def test_slice_centre_is_the_training_loss_and_the_trajectory_projects():
    t = build(Settings(dataset="xor", hidden=(3,), seed=2))
    traj = Trajectory()
    for _ in range(30):
        t.run(steps=5)
        traj.add(t.net.params)
    out = slice_through(t, "pca", grid=11, span=0.5, trajectory=traj.array())
    assert out["loss"].shape == (11, 11)
    assert np.isclose(out["loss"][5, 5], out["center_loss"], rtol=1e-12)
    assert np.isclose(out["center_loss"], t.evaluate()["train_loss"], rtol=1e-12)
    assert out["trajectory"].shape == (30, 2) and np.allclose(out["trajectory"][-1], 0, atol=1e-9)


def test_the_trajectory_records_a_step_once_and_keeps_its_whole_course():
    traj = Trajectory(capacity=8)
    for step in (1, 1, 2, 2, 3):                      # the same step again (a paused frame): once
        traj.add(np.full(2, float(step)), step)
    assert [p[0] for p in traj.points] == [1.0, 2.0, 3.0]
    for step in range(4, 20):
        traj.add(np.full(2, float(step)), step)
    assert len(traj.points) <= 8 and traj.points[0][0] == 1.0    # thinned, the start kept


def test_slice_along_two_picked_weights_moves_only_them():
    t = build(Settings(dataset="xor", hidden=(3,)))
    out = slice_through(t, "weights", picks=((2, 0, 1), (3, 0, -1)), grid=5, span=1.0)
    net = t.net.copy()
    net.W[2][0, 1] += out["alphas"][0]
    net.b[3][0] += out["betas"][4]
    assert np.isclose(out["loss"][4, 0], net.loss(t.X_train, t.D_train), rtol=1e-12)


def test_pca_needs_a_trajectory():
    with pytest.raises(ValueError, match="trajectory"):
        slice_through(build(Settings()), "pca")


def test_hessian_label_at_a_trained_minimum():
    t = build(Settings(dataset="gaussians", hidden=(), batch=0, eps=0.5, l2=0.01))
    t.run(steps=3000)
    eig, label, n_neg = hessian_at(t)
    assert len(eig) == t.net.n_params and n_neg == 0 and label == "minimum"


def test_restarts_and_distinct_levels():
    finals, seeds, n = restarts(Settings(dataset="xor", hidden=(2,), eps=0.1), k=4, steps=300)
    assert finals.shape == (4,) and list(seeds) == [0, 1, 2, 3] and 1 <= n <= 4
    assert distinct_levels([1.0, 1.001, 2.0, 2.0, 5.0]) == 3


def test_trajectory_decimates():
    tr = Trajectory(capacity=8)
    for i in range(50):
        tr.add(np.array([float(i)]))
    a = tr.array()
    assert len(a) <= 8 and a[0, 0] == 0 and np.all(np.diff(a[:, 0]) > 0)


def test_restarts_report_runs_done_and_stop_when_cancelled(monkeypatch):
    from nnviz.core.landscape import Cancelled
    from nnviz.training import explore
    s = Settings(dataset="xor", hidden=(2,), eps=0.1)
    seen = []
    restarts(s, k=3, steps=2 * explore.RESTART_CHUNK, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 3), (0, 3), (1, 3), (1, 3), (2, 3), (2, 3)]     # runs done of K, per chunk
    built, calls = [], []
    monkeypatch.setattr(explore, "build", lambda *a, **k: built.append(1) or build(*a, **k))
    with pytest.raises(Cancelled, match="after 0 of 50 runs"):     # cancelled inside the first run
        restarts(s, k=50, steps=100000, progress=lambda done, total: calls.append(done) or len(calls) < 3)
    assert len(built) == 1 and len(calls) == 3                      # it stopped there, 400 steps in


def test_the_hessian_reports_columns_and_stops_when_cancelled():
    from nnviz.core.landscape import HESSIAN_CHUNK, Cancelled
    t = build(Settings(dataset="xor", hidden=(8,)))              # 33 parameters
    P = t.net.n_params
    seen = []
    eig, _, _ = hessian_at(t, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (P, P) and seen[0] == (HESSIAN_CHUNK, P) and len(eig) == P
    w0 = t.net.params.copy()
    with pytest.raises(Cancelled, match=f"after {HESSIAN_CHUNK} of {P} columns"):
        hessian_at(t, progress=lambda done, total: False)
    assert np.array_equal(t.net.params, w0)                       # the weights are left as they were
