"""Landscape tools on a live trainer: slices, the Hessian, restarts."""
import numpy as np
import pytest

from nnviz.training.explore import (GRAD_TOL, Trajectory, group_solutions, hessian_at, restarts,
                                    slice_through)
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
    out = hessian_at(t)
    assert len(out["eigenvalues"]) == t.net.n_params and out["n_negative"] == 0
    assert out["critical"] and out["grad_norm"] <= GRAD_TOL and out["label"] == "minimum"


def test_a_net_whose_loss_still_falls_is_not_called_a_minimum_or_a_saddle():
    t = build(Settings(dataset="xor"))
    t.run(steps=300)
    out = hessian_at(t)
    assert out["grad_norm"] > 100 * GRAD_TOL and not out["critical"] and out["label"] == "not critical"
    assert out["n_negative"] > 0                     # whatever the curvature says


def test_zero_weights_of_a_balanced_net_are_a_critical_saddle_point(local_minima):
    t = build(local_minima.replace(l2=0.0))
    t.net.params[...] = 0.0                         # by symmetry ∇L = 0 once b^(L) fits the class share
    p = t.D_train.mean()
    t.net.b[3][0] = np.log(p / (1 - p))
    out = hessian_at(t)
    assert out["critical"] and out["grad_norm"] < 1e-12 and out["label"] == "saddle" and out["n_negative"] == 2


def test_the_penalty_counts_in_the_gradient_and_curvature_of_a_minimum(local_minima):
    t = build(local_minima.replace(seed=1))
    t.run(steps=1000)
    out = hessian_at(t)
    assert out["label"] == "minimum" and out["eigenvalues"][0] > 0


def test_restarts_converge_to_distinct_solutions_told_apart_by_their_functions(local_minima):
    out = restarts(local_minima, k=10, steps=2000)
    assert list(out["status"]) == ["converged"] * 10 and out["n_converged"] == 10
    assert (out["grad_norm"] <= GRAD_TOL).all() and (out["steps"] < 2000).all()
    assert out["n_distinct"] >= 2 and set(out["solution"]) == set(range(out["n_distinct"]))
    for n in range(10):                              # each run once more: the same weights, and
        t = build(local_minima.replace(seed=int(out["seeds"][n])))   # the minimum is strict
        t.run(steps=int(out["steps"][n]))
        assert np.isclose(t.evaluate()["train_loss"], out["final_loss"][n], rtol=1e-9)
    # Two solutions differ where their decision boundaries differ: the pictures disagree.
    first = {k: int(np.argmax(out["solution"] == k)) for k in range(out["n_distinct"])}
    pics = out["pictures"]
    assert pics.shape == (10, 32, 32) and out["extent"] is not None
    assert ((pics[first[0]] > 0.5) != (pics[first[1]] > 0.5)).mean() > 0.05
    best = int(np.argmin(out["final_loss"]))
    same = out["solution"] == out["solution"][best]
    assert ((pics[same] > 0.5) == (pics[best] > 0.5)).mean() > 0.95


def test_unconverged_runs_are_not_counted_as_minima():
    spiral = Settings(dataset="spiral", noise=0.0, hidden=(8,) * 6, eps=0.03, batch=10, samples=400)
    out = restarts(spiral, k=2, steps=400)
    assert list(out["status"]) == ["not converged"] * 2 and out["n_distinct"] == 0
    assert list(out["solution"]) == [-1, -1] and out["n_converged"] == 0
    assert np.isfinite(out["final_loss"]).all() and (out["grad_norm"] > GRAD_TOL).all()


def test_solutions_with_equal_losses_but_other_functions_are_distinct():
    Y = np.array([[0.9], [0.1], [0.9], [0.1]])
    flipped = 1 - Y                                  # the same loss on flipped targets
    labels, n = group_solutions([Y, Y + 0.01, None, flipped], scale=0.5)
    assert list(labels) == [0, 0, -1, 1] and n == 2


def test_a_diverging_restart_is_marked_and_scores_inf():
    out = restarts(Settings(dataset="sin", hidden=(4,), eps=50.0, batch=0), k=2, steps=400)
    assert list(out["status"]) == ["diverged"] * 2 and np.isinf(out["final_loss"]).all()
    assert out["n_distinct"] == 0


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
    eig = hessian_at(t, progress=lambda done, total: seen.append((done, total)))["eigenvalues"]
    assert seen[-1] == (P, P) and seen[0] == (HESSIAN_CHUNK, P) and len(eig) == P
    w0 = t.net.params.copy()
    with pytest.raises(Cancelled, match=f"after {HESSIAN_CHUNK} of {P} columns"):
        hessian_at(t, progress=lambda done, total: False)
    assert np.array_equal(t.net.params, w0)                       # the weights are left as they were
