"""The landscape view asks (signals) and shows (slice, progress, Hessian, restarts)."""
import numpy as np
import pytest

from nnviz.gui.landscape_view import LandscapeView, sub_w
from nnviz.gui.plots import contour_levels


@pytest.fixture
def view(qtbot):
    v = LandscapeView()
    qtbot.addWidget(v)
    return v


def points(item):
    """How many points a PlotDataItem shows (pyqtgraph gives None for none)."""
    x = item.getData()[0]
    return 0 if x is None else len(x)


def hess(eig, label, n_negative, grad_norm=1e-5, tol=1e-3):
    """A hessian_at result."""
    return {"eigenvalues": np.asarray(eig, float), "label": label, "n_negative": n_negative,
            "grad_norm": grad_norm, "tol": tol, "critical": grad_norm <= tol}


def rest(final, seeds, solution=None, status=None):
    """A restarts result without pictures; every finite run converged to its own solution
    unless told otherwise."""
    final = np.asarray(final, float)
    status = status or ["converged" if np.isfinite(v) else "diverged" for v in final]
    if solution is None:
        solution = np.cumsum([s == "converged" for s in status]) - 1
        solution = np.where(np.array(status) == "converged", solution, -1)
    solution = np.asarray(solution)
    return {"final_loss": final, "seeds": np.asarray(seeds), "solution": solution, "status": status,
            "grad_norm": np.full(len(final), 1e-4), "steps": np.full(len(final), 400),
            "n_converged": status.count("converged"), "n_distinct": len(set(solution[solution >= 0])),
            "pictures": None, "extent": None, "kind": "binary"}


def synthetic(A=31, B=21, trajectory=True):
    a, b = np.linspace(-1, 1, A), np.linspace(-0.5, 0.5, B)
    X, Y = np.meshgrid(a, b)
    loss = 0.05 + X ** 2 + 4 * Y ** 2 + 0.3 * np.sin(3 * X) ** 2
    path = np.column_stack([np.linspace(0.8, 0, 12), np.linspace(-0.4, 0, 12)]) if trajectory else None
    return {"alphas": a, "betas": b, "loss": loss, "trajectory": path, "center_loss": 0.05}


def test_compute_emits_the_kind_and_the_last_two_picks(view, qtbot):
    view.add_pick(2, 0, 1)
    view.add_pick(2, 1, 0)
    view.add_pick(3, 0, 2)
    assert view.picks == [(2, 1, 0), (3, 0, 2)]
    assert sub_w(3, 0, 2) in view.picks_label.text() and sub_w(2, 0, 1) not in view.picks_label.text()
    view.grid.setValue(41)
    view.span.setValue(2.5)
    with qtbot.waitSignal(view.slice_requested, timeout=1000) as sig:
        view.compute.click()
    req = sig.args[0]
    assert req == {"kind": "weights", "picks": ((2, 1, 0), (3, 0, 2)), "grid": 41, "range": 2.5, "seed": 0}
    assert view.busy and view.cancel.isEnabled() and not view.compute.isEnabled()


def test_random_and_pca_requests(view, qtbot):
    view.kind.setCurrentIndex(view.kind.findData("random"))
    view.seed.setValue(7)
    with qtbot.waitSignal(view.slice_requested, timeout=1000) as sig:
        view.request_slice()
    assert sig.args[0]["kind"] == "random" and sig.args[0]["seed"] == 7 and sig.args[0]["picks"] is None
    view.set_busy(False)
    view.kind.setCurrentIndex(view.kind.findData("pca"))
    with qtbot.waitSignal(view.slice_requested, timeout=1000) as sig:
        view.request_slice()
    assert sig.args[0]["kind"] == "pca"


def test_weights_without_two_picks_asks_for_them(view, qtbot):
    view.add_pick(2, 0, 0)
    with qtbot.assertNotEmitted(view.slice_requested):
        view.compute.click()
    assert "Pick two weights" in view.status.text()


def test_show_slice_sets_the_image_trajectory_and_centre(view):
    res = synthetic()
    view.show_slice(res)
    assert view.map.image.image.shape == (21, 31)
    x, y = view.path.getData()
    assert np.array_equal(x, res["trajectory"][:, 0]) and np.array_equal(y, res["trajectory"][:, 1])
    cx, cy = view.center.getData()
    assert (cx[0], cy[0]) == (0.0, 0.0)
    assert "0.05" in view.status.text()
    levels = tuple(view.map.image.levels)
    rect = view.map.image.mapRectToParent(view.map.image.boundingRect())
    assert rect.left() < -1 < rect.left() + 0.1 and rect.top() < -0.5 < rect.top() + 0.1
    no_path = synthetic(trajectory=False)
    view.show_slice(no_path)
    assert points(view.path) == 0
    assert tuple(view.map.image.levels) == levels                 # same field, same colours


def test_wide_loss_range_gets_log_contours(view):
    res = synthetic()
    res["loss"] = 1e-4 + res["loss"] ** 4 * 1e3
    view.show_slice(res)
    assert view.map.log
    levels, log = contour_levels(res["loss"])
    assert log and np.allclose(np.diff(np.log(levels)), np.log(levels[1] / levels[0]))   # geometric
    assert res["loss"].min() < levels[0] and levels[-1] < res["loss"].max()
    levels, log = contour_levels(0.27 + synthetic()["loss"])          # within a decade: linear
    assert not log and np.allclose(np.diff(levels), levels[1] - levels[0])
    z = res["loss"] - 1.0                                              # reaches below 0:
    shifted, log = contour_levels(z)                                  # geometric above min Z
    steps = np.diff(np.log(shifted - z.min()))
    assert log and np.allclose(steps, steps[0])


def test_nan_in_the_slice_does_not_raise(view):
    res = synthetic()
    res["loss"][0, 0] = np.nan
    res["loss"][1, 1] = np.inf
    view.show_slice(res)
    assert np.isfinite(view.map.image.image).all()


def test_progress_and_cancel(view, qtbot):
    view.kind.setCurrentIndex(view.kind.findData("random"))
    view.request_slice()
    view.show_progress(30, 120)
    assert view.progress.maximum() == 120 and view.progress.value() == 30
    with qtbot.waitSignal(view.cancel_requested, timeout=1000):
        view.cancel.click()
    assert not view.busy and view.compute.isEnabled()


def test_show_error_in_red(view):
    view.show_error("the principal directions need a training trajectory")
    assert "trajectory" in view.status.text() and "c0392b" in view.status.styleSheet()


def test_hessian_request_and_spectrum(view, qtbot):
    with qtbot.waitSignal(view.hessian_requested, timeout=1000):
        view.hessian_button.click()
    eig = np.array([2.0, -0.5, 0.1, -1.5, 3.0])
    view.show_hessian(hess(eig, "saddle", 2))
    assert np.array_equal(view.bars.opts["height"], np.sort(eig))
    text = view.hessian_text.text()
    assert "2 negative eigenvalues of 5" in text and "saddle point" in text
    view.show_hessian(hess([0.1, 0.2], "minimum", 0))
    assert "0 negative eigenvalues of 2" in view.hessian_text.text()
    assert "minimum" in view.hessian_text.text() and "‖∇L‖ = 1e−05 ≤ 0.001" == view.grad_label.text()


def test_restarts_request_and_points(view, qtbot):
    view.restarts_k.setValue(7)
    view.restarts_steps.setValue(500)
    with qtbot.waitSignal(view.restarts_requested, timeout=1000) as sig:
        view.restarts_button.click()
    assert sig.args == [7, 500]
    finals = np.array([0.01, 0.2, 0.0101, 0.2, 0.35, 0.01, 0.2])
    view.show_restarts(rest(finals, np.arange(3, 10), [0, 1, 0, 1, 2, 0, 1]))
    x, _ = view.finals.getData()
    assert len(x) == 7 and np.array_equal(x, np.arange(3, 10))
    assert "7 of 7 runs converged, to 3 distinct solutions" in view.restarts_text.text()
    view.show_restarts(rest([0.1, np.inf, 0.3], np.arange(3)))
    assert len(view.finals.getData()[0]) == 2 and "Diverged: 1 of 3 runs" in view.restarts_text.text()
    view.show_restarts(rest([0.001, 1.0], np.arange(2)))                # a log axis: the points in log₁₀
    assert np.allclose(view.finals.getData()[1], [-3.0, 0.0])


def test_renders_without_warnings(view, qtbot):
    import warnings
    view.resize(1100, 700)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        view.show_slice(synthetic())
        view.show_hessian(hess([-1.0, 0.0, 2.0], "saddle", 1))
        view.show_restarts(rest([0.1, 0.2], np.arange(2)))
        view.grab()


def test_a_cancelled_request_never_replaces_the_picture(view, qtbot):
    view.show_restarts(rest([0.1, 0.2], np.arange(2)))
    with qtbot.waitSignal(view.restarts_requested, timeout=1000):
        view.restarts_button.click()
    view.show_progress(3, 10)
    assert view.progress.maximum() == 10 and view.progress.value() == 3
    assert view.progress.text() == "3 of 10 runs"
    with qtbot.waitSignal(view.cancel_requested, timeout=1000):
        view.cancel.click()
    assert view.status.text() == "Cancelled." and view.restarts_button.isEnabled()
    view.show_progress(4, 10)                                    # late news of the cancelled runs
    view.show_restarts(rest([5.0, 6.0, 7.0], np.arange(3)))   # it finished just before
    assert points(view.finals) == 2 and view.status.text() == "Cancelled."
    assert view.progress.value() != 4
    view.request_slice()                                         # the next answer is shown again
    view.show_slice(synthetic())
    assert view.map.image.image.shape == (21, 31) and not view.busy
    view._on_hessian()
    view.cancel.click()
    view.show_cancelled()                                        # the worker's own answer to it
    assert view.status.text() == "Cancelled."
    view._on_hessian()
    view.show_hessian(hess([1.0, 2.0], "minimum", 0))
    assert "0 negative eigenvalues of 2" in view.hessian_text.text()


def test_the_status_never_keeps_a_busy_message(view):
    view.show_slice(synthetic())
    note = view.status.text()
    view._on_hessian()
    assert view.status.text() == "Computing the Hessian…"
    view.show_hessian(hess([1.0, 2.0], "minimum", 0))           # finished
    assert view.status.text() == note and view.progress.value() == view.progress.minimum()
    view._on_hessian()
    view.show_error("the Hessian needs 1000² entries")               # failed
    assert "1000²" in view.status.text() and view.hessian_button.isEnabled()
    view._on_restarts()
    view.cancel.click()                                              # cancelled
    assert view.status.text() == "Cancelled."
    view.show_cancelled()
    assert "Training" not in view.status.text()


def test_results_of_an_earlier_network_are_cleared(view):
    view.set_version(1)
    view.show_slice(synthetic(), 1)
    view.show_hessian(hess([1.0, 2.0], "minimum", 0), 1)
    view.show_restarts(rest([0.1, 0.2], np.arange(2)), 1)
    view._on_hessian()
    view.show_hessian(hess([1.0, 2.0, 3.0], "minimum", 0), 2)   # computed on the next network
    view.set_version(2)
    assert view.map.image.image is None and points(view.path) == 0
    assert points(view.finals) == 0 and view.restarts_text.text() == ""
    assert len(view.bars.opts["height"]) == 3                           # version 2's Hessian stays
    assert "changed" in view.status.text()
    view.show_slice(synthetic(), 2)
    assert view.map.image.image is not None
    view.clear_results()                                                # e.g. a weights file opened
    assert view.map.image.image is None and len(view.bars.opts["height"]) == 0
    view.show_slice(synthetic(), 2)                                     # and it draws again
    assert view.map.image.image.shape == (21, 31)


def test_a_point_where_the_loss_still_falls_is_called_neither_a_minimum_nor_a_saddle(view):
    from nnviz.training.explore import hessian_at
    from nnviz.training.trainer import Settings, build
    t = build(Settings(dataset="xor"))
    t.run(steps=300)
    view.show_hessian(hessian_at(t))
    text = view.hessian_text.text()
    assert text.startswith("Not a critical point: the loss still falls along −∇L")
    assert "a minimum:" not in text and "a saddle point:" not in text
    assert view.grad_label.text().startswith("‖∇L‖ = 0.") and "> 0.001" in view.grad_label.text()


def test_a_critical_saddle_is_named_with_its_gradient(view, local_minima):
    from nnviz.training.explore import hessian_at
    from nnviz.training.trainer import build
    t = build(local_minima.replace(l2=0.0))
    t.net.params[...] = 0.0
    p = t.D_train.mean()
    t.net.b[3][0] = np.log(p / (1 - p))
    view.show_hessian(hessian_at(t))
    assert "2 negative eigenvalues of 9 — a saddle point" in view.hessian_text.text()
    assert "≤ 0.001" in view.grad_label.text()


def test_restarts_show_the_distinct_solutions_and_their_boundaries(view, local_minima):
    from nnviz.training.explore import restarts
    out = restarts(local_minima, k=10, steps=2000)
    view.show_restarts(out)
    d = out["n_distinct"]
    assert f"10 of 10 runs converged, to {d} distinct solutions" in view.restarts_text.text() and d >= 2
    shown = [image for image, caption in view.pictures if not image.isHidden()]
    assert len(shown) == min(d, len(view.pictures)) and not shown[0].pixmap().isNull()
    first, second = (view.pictures[k][0].pixmap().toImage() for k in (0, 1))
    assert first != second                              # their decision boundaries differ
    captions = [caption.text() for image, caption in view.pictures[:d]]
    assert sum(int(c.split(",")[0][1:]) for c in captions) == 10       # "×4, L = 0.156"
    view.clear_results(["restarts"])
    assert all(image.isHidden() for image, _ in view.pictures)


def test_unconverged_restarts_claim_no_minima(view):
    out = rest([0.5, 0.52], [0, 1], [-1, -1], ["not converged"] * 2)
    view.show_restarts(out)
    text = view.restarts_text.text()
    assert text.startswith("None of the 2 runs converged within 400 steps") and "minima yet" in text
    assert "distinct" not in text and all(image.isHidden() for image, _ in view.pictures)
