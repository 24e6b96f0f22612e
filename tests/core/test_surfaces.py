"""Test surfaces and optimiser paths: the maths of lecture §5–6 (README's tour), checked."""
import numpy as np
import pytest

from nnviz.core.errors import InputError
from nnviz.core.formula import FormulaError, parse_formula
from nnviz.core.optimizers import make_optimizer
from nnviz.core.surfaces import (DIVERGENCE_LIMIT, RACERS, SURFACES, convergence_map, hessian_eigen,
                                 claim_holds, make_surface, path_outcome, run_paths, run_scene, sign_changes,
                                 spectrum_label, steps_near)

ANALYTIC = [n for n in SURFACES if n != "custom"]
PTS = np.array([[0.3, -0.7], [1.2, 0.4], [-1.1, 1.9], [2.0, -1.5], [-0.6, 0.1]])


def central_grad(s, x, y, h=1e-6):
    return ((s.f(x + h, y) - s.f(x - h, y)) / (2 * h), (s.f(x, y + h) - s.f(x, y - h)) / (2 * h))


@pytest.mark.parametrize("name", ANALYTIC)
def test_gradient_and_hessian_match_central_differences(name):
    s = make_surface(name)
    x, y = PTS[:, 0], PTS[:, 1]
    for got, want in zip(s.grad(x, y), central_grad(s, x, y)):
        assert np.allclose(got, want, rtol=1e-7, atol=1e-5)
    h = 1e-6
    gxp, gxm = s.grad(x + h, y), s.grad(x - h, y)
    gyp, gym = s.grad(x, y + h), s.grad(x, y - h)
    fxx, fxy, fyy = s.hess(x, y)
    for got, want in ((fxx, (gxp[0] - gxm[0]) / (2 * h)), (fxy, (gyp[0] - gym[0]) / (2 * h)),
                      (fxy, (gxp[1] - gxm[1]) / (2 * h)), (fyy, (gyp[1] - gym[1]) / (2 * h))):
        assert np.allclose(got, want, rtol=1e-6, atol=1e-4)
    assert s.f(x, y).shape == (5,) and all(v.shape == (5,) for v in s.hess(x, y))


@pytest.mark.parametrize("name", ANALYTIC)
def test_known_critical_points(name):
    s = make_surface(name)
    assert s.critical
    x0, x1, y0, y1 = s.view
    assert x0 <= s.start[0] <= x1 and y0 <= s.start[1] <= y1
    for kind, p in s.critical:
        assert np.allclose(s.gradient(p), 0.0, atol=1e-9), (kind, p)
        lam, label = hessian_eigen(s, p)
        assert label == (kind if name != "monkey" else "flat"), (kind, p, lam)
        if kind == "minimum":
            assert np.all(lam > 0)


def test_saddle_and_monkey_spectra():
    lam, label = hessian_eigen(make_surface("saddle"), (0.0, 0.0))
    assert np.array_equal(lam, [-2.0, 2.0]) and label == "saddle"
    lam, label = hessian_eigen(make_surface("monkey"), (0.0, 0.0))
    assert np.array_equal(lam, [0.0, 0.0]) and label == "flat"
    assert spectrum_label([3.0, 1e-5]) == ("minimum", 0)
    assert spectrum_label([3.0, -1e-7]) == ("flat", 0)          # |λ| ≤ 1e-6 · max|λ| counts as 0
    assert spectrum_label([-3.0, -1.0, 2.0]) == ("saddle", 2)
    assert spectrum_label([-3.0, -1.0]) == ("maximum", 2)


def test_custom_surface_from_a_formula():
    s = make_surface("custom", "x**2 - y**2")
    ref = make_surface("saddle")
    for p in PTS:
        assert s.loss(p) == ref.loss(p)
        assert np.array_equal(s.gradient(p), ref.gradient(p))
        assert np.array_equal(s.hessian(p), ref.hessian(p))
    assert make_surface("custom", parse_formula("x*y")).text == "x*y"
    with pytest.raises(FormulaError):
        make_surface("custom", "x.__class__")
    with pytest.raises(ValueError, match="needs a formula"):
        make_surface("custom")
    with pytest.raises(ValueError, match="unknown surface"):
        make_surface("volcano")


def test_gd_on_the_ravine_is_closed_form():
    a, b, eps, T = 1.0, 20.0, 0.09, 40
    s, w0 = make_surface("ravine", a=a, b=b), np.array([-2.5, 1.0])
    path = run_paths(s, w0, ["gd"], eps=eps, steps=T)["gd"]
    t = np.arange(T + 1)[:, None]
    assert path.points.shape == (T + 1, 2) and not path.diverged and path.stop_step == T
    assert np.allclose(path.points, (1 - eps * np.array([a, b])) ** t * w0, rtol=1e-12, atol=1e-15)
    assert np.allclose(path.losses, 0.5 * (a * path.points[:, 0] ** 2 + b * path.points[:, 1] ** 2))
    # with no noise "sgd" is "gd"
    assert np.array_equal(run_paths(s, w0, ["sgd"], eps=eps, steps=T)["sgd"].points, path.points)


def test_momentum_path_is_the_lectures_recursion():
    s, eps, mu = make_surface("rosenbrock"), 5e-4, 0.8
    pts = run_paths(s, (-1.5, 2.0), ["momentum"], eps=eps, mu=mu, steps=60)["momentum"].points
    prev = now = np.array([-1.5, 2.0])
    for t in range(60):
        # w^(t+1) = w^t − ε∇L(w^t) + μ (w^t − w^(t−1)),  w^(−1) = w^0
        prev, now = now, now - eps * s.gradient(now) + mu * (now - prev)
        assert np.allclose(pts[t + 1], now, rtol=1e-12, atol=1e-14), t


def test_paths_use_the_networks_update_code():
    s, w0 = make_surface("beale"), np.array([1.0, 1.5])
    paths = run_paths(s, w0, ["nesterov", "adam", "rmsprop", "adagrad"], eps=1e-3, mu=0.7, steps=30)
    for name, path in paths.items():
        opt, w = make_optimizer(name, mu=0.7), w0.copy()
        for _ in range(30):
            opt.step(w, s.gradient(w), 1e-3)
        assert np.array_equal(path.points[-1], w), name


def test_gd_stalls_on_the_saddle_while_sgd_escapes():
    s = make_surface("saddle")
    paths = run_paths(s, (-1.5, 0.0), ["gd", "sgd", "momentum"], eps=0.1, mu=0.5, steps=200,
                      noise=0.05, seed=3)
    gd = paths["gd"].points
    assert np.all(gd[:, 1] == 0.0) and np.allclose(gd[-1], 0.0, atol=1e-15)   # on y = 0 it runs into (0, 0)
    assert np.array_equal(gd[-20:], np.zeros((20, 2))) or np.abs(gd[-20:]).max() < 1e-15
    for name in ("sgd", "momentum"):
        p = paths[name]
        assert np.abs(p.points[-1, 1]) > 1.0 or p.diverged, name      # |y| grows: it left the saddle
    # the same seed gives the same noise, another seed another path
    again = run_paths(s, (-1.5, 0.0), ["sgd"], eps=0.1, steps=50, noise=0.05, seed=3)["sgd"]
    other = run_paths(s, (-1.5, 0.0), ["sgd"], eps=0.1, steps=50, noise=0.05, seed=4)["sgd"]
    assert np.array_equal(again.points, paths["sgd"].points[:51])
    assert not np.array_equal(other.points, again.points)


def test_too_large_eps_diverges_and_is_reported():
    s = make_surface("ravine", a=1.0, b=20.0)
    paths = run_paths(s, (-2.5, 1.0), ["gd", "momentum"], eps=0.2, mu=0.9, steps=1000)  # ε > 2(1 + μ)/b
    for p in paths.values():
        assert p.diverged and 0 < p.stop_step < 1000 and "exceeded" in p.reason
        assert p.points.shape == (p.stop_step + 1, 2) and len(p.losses) == p.stop_step + 1
        assert np.all(np.isfinite(p.points)) and np.abs(p.points).max() <= DIVERGENCE_LIMIT
    # |y_t| = |1 − εb|^t = 3^t: the last kept step is the last one inside the limit
    assert paths["gd"].stop_step == int(np.log(DIVERGENCE_LIMIT) / np.log(3.0))
    # between 2/b and 2(1 + μ)/b plain GD diverges while momentum still converges
    paths = run_paths(s, (-2.5, 1.0), ["gd", "momentum"], eps=0.11, mu=0.9, steps=1000)
    assert paths["gd"].diverged and not paths["momentum"].diverged
    assert np.abs(paths["momentum"].points[-1]).max() < 1e-6
    inf = run_paths(make_surface("custom", "exp(x^2)"), (3.0, 0.0), ["gd"], eps=1.0, steps=5)["gd"]
    assert inf.diverged and inf.stop_step == 0 and "finite" in inf.reason


def test_convergence_map_matches_simulated_rates():
    a, b = 1.0, 20.0
    eps_values, mu_values = np.array([0.01, 0.05, 0.09, 0.12]), np.array([0.0, 0.3, 0.6, 0.9])
    rate = convergence_map(a, b, eps_values, mu_values)
    assert rate.shape == (4, 4)
    assert np.isclose(rate[0, 0], 1 - 0.01 * a)            # μ = 0: max |1 − ελ|
    assert np.isclose(rate[0, 3], 0.12 * b - 1) and rate[0, 3] > 1
    s, T = make_surface("ravine", a=a, b=b), 400
    for (i, mu), (j, eps) in [((1, 0.3), (1, 0.05)), ((2, 0.6), (2, 0.09)), ((3, 0.9), (0, 0.01)),
                              ((0, 0.0), (2, 0.09)), ((2, 0.6), (3, 0.12))]:
        path = run_paths(s, (1.0, 1.0), ["momentum"], eps=eps, mu=mu, steps=T)["momentum"]
        if rate[i, j] >= 1:
            assert path.diverged or np.abs(path.points[-1]).max() > 1
            continue
        # the error's envelope shrinks like rateᵗ: compare the largest |w| over two windows
        env = np.abs(path.points).max(axis=1)
        e1, e2 = env[T // 2 - 20:T // 2].max(), env[T - 20:].max()
        assert np.isclose((e2 / e1) ** (1 / (T // 2)), rate[i, j], rtol=2e-2), (mu, eps)


@pytest.mark.parametrize("name", ANALYTIC)
def test_suggested_start_and_eps_make_gd_go_downhill(name):
    s = make_surface(name)
    path = run_paths(s, s.start, ["gd"], eps=s.eps, steps=300)["gd"]
    assert path_outcome(path, s)[0] != "diverged"          # off the saddle it leaves downhill
    assert path.losses[-1] < path.losses[0]


def test_plot_field_puts_values_beyond_the_plot_limit_off_the_scale():
    from nnviz.core.surfaces import MAX_PLOT_VALUE, plot_field, view_field
    s = make_surface("custom", formula="exp(exp(exp(x)))+y^2")
    Z = plot_field(s, np.array([0.0, 1.5, 1.9, 3.0]), np.zeros(4))
    assert Z[0] == pytest.approx(np.exp(np.e)) and Z[1] == pytest.approx(np.exp(np.exp(np.exp(1.5))))
    assert Z[2] == np.inf and Z[3] == np.inf                        # 1e184 and an overflow
    neg = plot_field(make_surface("custom", formula="-exp(300*x)"), np.array([1.0]), np.array([0.0]))
    assert neg[0] == -np.inf
    X, Y, Z, off = view_field(s, 21)
    assert X.shape == Y.shape == Z.shape == (21, 21) and off
    assert np.abs(Z[np.isfinite(Z)]).max() <= MAX_PLOT_VALUE
    assert not view_field(make_surface("saddle"), 21)[3]
    with pytest.raises(InputError, match=r"has no value to draw on the plot.*beyond ±1e\+100"):
        view_field(make_surface("custom", formula="exp(exp(exp(x + 10)))"), 21)


def test_the_ravine_scene_is_the_slide_sgd_zigzags_momentum_runs_along():
    s = make_surface("ravine")
    paths = run_scene(s)
    assert list(paths) == ["sgd", "momentum"] and s.scene.noise > 0      # SGD is noisy
    sgd, mom = paths["sgd"], paths["momentum"]
    assert sign_changes(sgd) > 25                                        # most of the 50 steps
    assert sign_changes(mom) <= sign_changes(sgd) / 2
    assert sgd.stop_step == mom.stop_step == 100 and mom.losses[100] < sgd.losses[100]
    assert abs(mom.points[100, 0]) < abs(sgd.points[100, 0])              # further along the valley
    assert claim_holds(s, paths)
    assert not claim_holds(s, run_scene(s, own_eps={}))     # at SGD's ε momentum swings across as often


def test_the_ravine_claim_holds_for_other_seeds_too():
    s = make_surface("ravine")
    held = 0
    for seed in range(20):
        paths = run_scene(s, seed=seed)
        sgd, mom = paths["sgd"], paths["momentum"]
        held += (sign_changes(sgd) > 25 and sign_changes(mom) <= sign_changes(sgd) / 2
                 and mom.losses[100] < sgd.losses[100])
    assert held == 20


def test_the_saddle_scene_gd_lingers_near_the_saddle_then_leaves_sgd_leaves_sooner():
    s = make_surface("saddle")
    assert s.start[1] != 0                                               # just off the stable axis
    paths = run_scene(s)
    gd, sgd = paths["gd"], paths["sgd"]
    near_gd, near_sgd = steps_near(gd, (0, 0), 0.25), steps_near(sgd, (0, 0), 0.25)
    assert near_gd >= 20 and near_sgd <= near_gd / 2
    (kind_gd, k_gd), (kind_sgd, k_sgd) = path_outcome(gd, s), path_outcome(sgd, s)
    assert kind_gd == kind_sgd == "left" and k_sgd < k_gd <= s.scene.steps
    on_axis = run_scene(s, start=(s.start[0], 0.0), optimizers=["gd"])["gd"]
    assert path_outcome(on_axis, s) == ("", None) and np.linalg.norm(on_axis.points[-1]) < 1e-3
    assert claim_holds(s, paths) and not claim_holds(s, run_scene(s, steps=30))   # GD has not left yet


def test_escaping_downhill_is_leaving_the_plot_not_divergence():
    s = make_surface("saddle")
    sgd = run_scene(s, steps=300)["sgd"]
    assert sgd.diverged and sgd.stop_step < 300                          # stopped at the limit …
    kind, k = path_outcome(sgd, s)
    assert kind == "left" and np.abs(sgd.points[k]).max() > 2 >= np.abs(sgd.points[k - 1]).max()
    blown = run_paths(make_surface("ravine"), (-2.5, 1.0), ["gd"], 1.0)["gd"]   # … overshooting is
    assert path_outcome(blown, make_surface("ravine")) == ("diverged", blown.stop_step + 1)


def test_each_optimiser_may_have_its_own_eps():
    s = make_surface("rosenbrock")
    own = dict(s.scene.own_eps)
    assert {"adagrad", "rmsprop", "adam"} <= set(own) and set(s.scene.optimizers) == set(RACERS)
    same = run_paths(s, s.start, ["adam"], s.eps, steps=1500)["adam"]
    assert np.linalg.norm(same.points[-1] - s.start) < 1                  # ε = 0.0005: hardly moves
    paths = run_scene(s)
    assert np.linalg.norm(paths["adam"].points[-1] - (1, 1)) < 0.1        # its own ε: at the minimum
    for name in ("adagrad", "rmsprop"):
        assert paths[name].losses[-1] < 0.1 * paths[name].losses[0]
    both = run_paths(s, s.start, ["gd", "adam"], s.eps, steps=20, own_eps={"adam": own["adam"]})
    assert np.array_equal(both["gd"].points, run_paths(s, s.start, ["gd"], s.eps, steps=20)["gd"].points)
    with pytest.raises(InputError, match="learning rate"):
        run_paths(s, s.start, ["adam"], s.eps, own_eps={"adam": float("nan")})
