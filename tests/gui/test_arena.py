"""The optimiser arena: paths equal run_paths, settings recompute at once, formulas, clicks,
the scenes (the ravine's slide, the saddle), divergence and leaving the plot, own ε, the
animation timer and the convergence map."""
import math
import warnings

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from nnviz.core.surfaces import make_surface, run_paths, run_scene, sign_changes, steps_near
from nnviz.gui.arena import OPTIMIZERS, ArenaView, pretty
from nnviz.gui.plots import contour_levels


@pytest.fixture
def arena(qtbot):
    view = ArenaView()
    qtbot.addWidget(view)
    view.timer.stop()
    return view


def expected_paths(a):
    """run_paths with the arena's current settings."""
    return run_paths(a.surface, a.start, a.checked(), a.eps.value(), mu=a.mu.value(),
                     steps=a.steps.value(), noise=a.noise.value(), seed=a.seed.value(),
                     own_eps=a.own_eps_values())


def line_points(item):
    x, y = item.getData()
    return np.column_stack([x, y])


def tick(arena, *names):
    for name, box in arena.checks.items():
        box.setChecked(name in names)


def test_one_path_item_per_checked_optimiser_with_run_paths_points(arena):
    tick(arena, "gd", "sgd", "momentum")
    arena.skip_to_end()
    assert arena.checked() == ["gd", "sgd", "momentum"]
    assert set(arena.paths) == {"gd", "sgd", "momentum"}
    visible = [n for n in OPTIMIZERS if arena.lines[n].isVisible()]
    assert visible == ["gd", "sgd", "momentum"]
    for name, path in expected_paths(arena).items():
        assert np.array_equal(line_points(arena.lines[name]), path.points)
        assert np.array_equal(arena.paths[name].points, path.points)
        x, y = arena.loss_curves[name].getData()
        assert len(x) == len(path.losses)
    assert not arena.table.isRowHidden(0) and arena.table.isRowHidden(OPTIMIZERS.index("adam"))


def test_changing_eps_recomputes_at_once(arena):
    before = {n: p.points.copy() for n, p in arena.paths.items()}
    arena.eps.slider.setValue(arena.eps.slider.value() - 40)       # as a user drags the slider
    assert arena.eps.value() < 0.095
    after = expected_paths(arena)
    for name in arena.checked():
        assert np.array_equal(arena.paths[name].points, after[name].points)
        own = name in arena.own_eps_values()                      # momentum keeps its own ε here
        assert np.array_equal(arena.paths[name].points, before[name]) == own
    assert arena.step == 0 and arena.timer.isActive()             # the animation restarted
    arena.mu.setValue(0.8)
    assert np.array_equal(arena.paths["momentum"].points, expected_paths(arena)["momentum"].points)


def test_custom_formula_works(arena):
    arena.formula.setText("x**2 - y**2")
    assert arena.apply_formula()
    assert arena.surface.name == "custom" and arena.surface.text == "x**2 - y**2"
    assert not arena.formula_error.isVisible() or not arena.formula_error.text()
    assert arena.surface_combo.currentData() == "custom"
    arena.skip_to_end()
    sgd = expected_paths(arena)["sgd"].points
    assert np.array_equal(arena.paths["sgd"].points, sgd)
    drawn = line_points(arena.lines["sgd"])                         # runs off towards −y²:
    assert 1 < len(drawn) < len(sgd) and np.array_equal(drawn, sgd[:len(drawn)])
    assert np.abs(drawn[-1]).max() > 3 * 3.0                        # drawn until far off the plot


@pytest.mark.parametrize("text", ["__import__('os')", "x.real"])
def test_bad_formula_shows_an_error_and_keeps_the_surface(arena, qtbot, text):
    arena.show()
    old, paths = arena.surface, arena.paths
    arena.surface_combo.setCurrentIndex(arena.surface_combo.findData("custom"))   # applies the default
    good = arena.surface
    assert good.name == "custom" and good is not old
    arena.formula.setText(text)
    qtbot.keyClick(arena.formula, Qt.Key_Return)
    assert arena.surface is good
    assert arena.formula_error.isVisible() and "column" in arena.formula_error.text()
    assert arena.formula.hasSelectedText()                          # the culprit is marked
    assert paths is not arena.paths                                 # (the combo switch recomputed)


def test_bad_formula_leaves_a_builtin_surface_in_place(arena):
    arena.formula.setText("x.real")
    assert not arena.apply_formula()
    assert arena.surface.name == "ravine"
    assert "attribute" in arena.formula_error.text()


def test_clicking_sets_the_start(arena, qtbot):
    arena._set_start(0.5, -0.25)
    assert arena.start == (0.5, -0.25)
    assert all(np.array_equal(p.points[0], [0.5, -0.25]) for p in arena.paths.values())
    x, y = arena.start_marker.getData()
    assert (x[0], y[0]) == (0.5, -0.25)

    arena.resize(1100, 700)
    arena.show()
    qtbot.waitExposed(arena)
    vb = arena.plot.getPlotItem().vb
    scene_pt = vb.mapViewToScene(pg_point(1.0, 0.5))
    view_pt = arena.plot.mapFromScene(scene_pt)
    qtbot.mouseClick(arena.plot.viewport(), Qt.LeftButton, pos=QPoint(view_pt.x(), view_pt.y()))
    assert arena.start == pytest.approx((1.0, 0.5), abs=0.05)
    assert np.allclose(arena.paths["sgd"].points[0], arena.start)


def pg_point(x, y):
    from PySide6.QtCore import QPointF
    return QPointF(x, y)


def test_the_arena_opens_with_the_slide_sgd_vs_momentum_sgd(arena, capsys):
    """The default scene: SGD zig-zags, momentum runs along; `nnviz paths --surface ravine` is
    the same race; the claim is written under the plot while (and only while) it is true."""
    from nnviz.cli import main
    assert arena.surface.name == "ravine" and arena.checked() == ["sgd", "momentum"]
    assert arena.noise.value() > 0 and arena.steps.value() == 100
    ref = run_scene(make_surface("ravine"))
    assert main(["paths", "--surface", "ravine"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    for name, path in ref.items():
        assert np.array_equal(arena.paths[name].points, path.points)
        cli = np.array([[float(v) for v in r.split(",")[2:4]] for r in rows if r.startswith(name + ",")])
        assert np.array_equal(cli, path.points)
    sgd, mom = arena.paths["sgd"], arena.paths["momentum"]
    assert sign_changes(sgd) > 25 and sign_changes(mom) <= sign_changes(sgd) / 2
    assert mom.losses[100] < sgd.losses[100]
    assert "momentum SGD runs along it" in arena.caption.text()
    assert arena.own_eps["momentum"].value() == 0.025 and arena.own_eps["sgd"].text() == "= ε"
    arena.own_eps["momentum"].setValue(0.0)                          # momentum at SGD's ε: not so
    assert "runs along it" not in arena.caption.text()


def test_saddle_preset_gd_lingers_then_leaves_sgd_leaves_sooner(arena):
    arena.preset_saddle()
    assert arena.surface.name == "saddle" and arena.checked() == ["gd", "sgd"]
    assert arena.start == make_surface("saddle").start and arena.start[1] != 0
    assert np.array_equal(arena.paths["gd"].points, expected_paths(arena)["gd"].points)
    gd, sgd = arena.paths["gd"], arena.paths["sgd"]
    assert steps_near(gd, (0, 0), 0.25) >= 30 and steps_near(sgd, (0, 0), 0.25) <= steps_near(gd, (0, 0), 0.25) / 2
    row = OPTIMIZERS.index("gd")
    arena.show_step(30)                                            # lingering: at the saddle
    assert np.linalg.norm(gd.points[30]) < 0.25
    assert float(arena.table.item(row, 4).text()) < 0 < float(arena.table.item(row, 5).text())
    arena.skip_to_end()                                            # gone, downhill
    assert arena.table.item(row, 6).text().startswith("left the plotted region at step")
    assert "left the plotted region" in arena.legend.text() and "diverged" not in arena.legend.text()
    assert "GD lingers near the saddle point" in arena.caption.text()
    arena.steps.setValue(300)                                      # SGD reaches |w| > 1e6: still no divergence
    assert arena.paths["sgd"].diverged and "diverged" not in arena.legend.text()
    arena._set_start(-1.5, 0.0)                                    # exactly on the axis: GD stays
    assert "GD lingers" not in arena.caption.text()


def test_adagrad_and_rmsprop_race_each_with_its_own_eps(arena):
    assert arena.set_surface("rosenbrock")
    assert arena.checked() == list(OPTIMIZERS) and {"adagrad", "rmsprop"} <= set(arena.paths)
    assert arena.eps.value() == 0.0005 and arena.own_eps["adam"].value() == 0.08
    assert np.linalg.norm(arena.paths["adam"].points[-1] - (1, 1)) < 0.1
    assert np.array_equal(arena.paths["adam"].points, expected_paths(arena)["adam"].points)
    arena.own_eps["adam"].setValue(0.0)                            # back to the common ε = 0.0005
    assert arena.own_eps["adam"].text() == "= ε"
    assert np.linalg.norm(arena.paths["adam"].points[-1] - arena.start) < 1   # hardly moves


def test_huge_eps_diverges_with_a_label_and_no_exception(arena):
    tick(arena, "gd", "sgd", "momentum")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        arena.eps.setValue(1.0)
        arena.skip_to_end()
        arena.resize(900, 600)
        arena.grab()
    path = arena.paths["gd"]
    assert path.diverged and path.stop_step < arena.steps.value()
    label = f"diverged at step {path.stop_step + 1}"
    assert label in arena.legend.text()
    assert arena.table.item(OPTIMIZERS.index("gd"), 6).text() == label


def test_small_eps_crawls(arena):
    arena.eps.setValue(1e-5)
    gd = arena.paths["sgd"]
    assert not gd.diverged
    assert np.linalg.norm(gd.points[-1] - gd.points[0]) < 0.1       # hardly moved in 200 steps


def test_frames_advance_with_the_timer(arena, qtbot):
    arena.show()                                   # a hidden arena holds its animation
    qtbot.waitExposed(arena)
    arena.speed.setValue(30.0)
    arena.restart_animation()
    n = arena.frames_drawn
    qtbot.waitUntil(lambda: arena.frames_drawn >= n + 3, timeout=3000)
    assert 0 < arena.step < arena.steps.value()
    x, _ = arena.lines["sgd"].getData()
    assert len(x) == arena.step + 1                                # revealed progressively


def test_convergence_map_marks_the_current_eps_mu(arena):
    arena.eps.setValue(0.02)
    arena.mu.setValue(0.75)
    x, y = arena.conv_marker.getData()                             # momentum's own ε on the ravine
    assert x[0] == pytest.approx(math.log10(0.025)) and y[0] == pytest.approx(0.75)
    arena.own_eps["momentum"].setValue(0.0)                        # “= ε”: the common one
    x, y = arena.conv_marker.getData()
    assert x[0] == pytest.approx(math.log10(0.02)) and y[0] == pytest.approx(0.75)
    assert not arena.conv_box.isHidden()
    arena.set_surface("rosenbrock")
    assert arena.conv_box.isHidden()                               # a map of the ravine only


def test_rosenbrock_has_log_contours_and_fixed_levels(arena):
    arena.set_surface("rosenbrock")
    assert arena.map.log
    levels = arena.image_levels = tuple(arena.map.image.levels)
    arena._set_start(0.0, 0.0)
    arena.show_step(5)
    assert tuple(arena.map.image.levels) == levels
    grid = np.meshgrid(np.linspace(-2, 2, 50), np.linspace(-2, 2, 50))
    levels, log = contour_levels(make_surface("saddle").f(*grid))
    assert not log and np.all(np.diff(levels) > 0)


def test_every_surface_draws(arena):
    for name in ("ravine", "saddle", "monkey", "rosenbrock", "himmelblau", "beale", "camel"):
        assert arena.set_surface(name)
        arena.skip_to_end()
        assert arena.map.image.image is not None
    assert pretty("x**2 - 3*y**3") == "x² − 3·y³"


def test_a_hidden_arena_spends_no_frames(arena, qtbot):
    arena.restart_animation()
    n = arena.frames_drawn
    qtbot.wait(200)
    assert arena.frames_drawn == n


def test_an_overflowing_formula_is_drawn_consistently_with_a_note_and_no_warnings(arena, qtbot):
    """exp(exp(exp(x))) + y² reaches 1e308 and inf on the plot: once a traceback, the old
    surface's contours under the new one's paths, and a flood of overflow warnings."""
    from nnviz.core.surfaces import MAX_PLOT_VALUE, view_field
    arena.show()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        arena.formula.setText("exp(exp(exp(x)))+y^2")
        assert arena.apply_formula()
        assert arena.surface.text == "exp(exp(exp(x)))+y^2"
        assert arena.formula_error.isVisible() and "1e+100" in arena.formula_error.text()
        assert "c0392b" not in arena.formula_error.styleSheet()     # a note, not an error
        _, _, Z, _ = view_field(arena.surface, 161)
        np.testing.assert_array_equal(arena._Z, Z)                 # the contours are of this surface…
        assert arena.map._hi <= MAX_PLOT_VALUE and np.all(np.isfinite(arena.map.levels))
        assert np.array_equal(arena.paths["gd"].points, expected_paths(arena)["gd"].points)   # …as the paths
        arena.plot.setRange(xRange=(-30, 30), yRange=(-30, 30))     # zoom out: more of it overflows
        arena._draw_field(force=True)
        assert np.all(np.isfinite(arena.map.data))
        arena.skip_to_end()
        qtbot.wait(100)


def test_a_formula_with_nothing_to_draw_is_refused_and_the_old_surface_stays(arena):
    old, paths = arena.surface, arena.paths
    arena.formula.setText("exp(exp(exp(x + 10)))")
    assert not arena.apply_formula()
    assert arena.surface is old and arena.paths is paths
    assert "no value to draw" in arena.formula_error.text() and arena.formula_error.isVisibleTo(arena)
    arena.formula.setText("x**2 + y**2")
    assert arena.apply_formula() and not arena.formula_error.isVisibleTo(arena)


@pytest.mark.parametrize("name", ["ravine", "saddle", "rosenbrock"])
def test_the_contour_plot_takes_the_shape_of_the_surface(arena, qtbot, name):
    arena.resize(1400, 900)
    arena.show()
    qtbot.waitExposed(arena)
    arena.set_surface(name)
    vb = arena.plot.getPlotItem().vb
    x0, x1, y0, y1 = arena.surface.view

    def fits():
        (a0, a1), (b0, b1) = vb.viewRange()
        return (a1 - a0) <= 1.03 * (x1 - x0) and (b1 - b0) <= 1.03 * (y1 - y0)
    qtbot.waitUntil(fits)
    assert max(vb.width(), vb.height()) > 400
