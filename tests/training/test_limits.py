"""The limits live in the core and training packages, so the window is held to them too."""
import pytest

from nnviz.core.errors import InputError
from nnviz.core.surfaces import MAX_STEPS, make_surface, run_paths
from nnviz.training.explore import MAX_GRID, slice_through
from nnviz.training.trainer import Settings, build


@pytest.mark.parametrize("changes, message", [
    (dict(gamma=0.0), r"γ must be in \(0, 1\]"),
    (dict(gamma=1.5), r"γ must be in \(0, 1\]"),
    (dict(every=0), "epochs per decay must be a whole number ≥ 1"),
    (dict(every=2.5), "epochs per decay must be a whole number ≥ 1"),
    (dict(elu_alpha=float("nan")), "ELU's α must be a number from 0 to 100"),
    (dict(hidden=(1001,)), "at most 20 hidden layers of at most 1,000 units"),
    (dict(hidden=(2,) * 21), "at most 20 hidden layers"),
    (dict(samples=100_000, hidden=(100, 100)), "100,000 samples × 203 units is more than 20,000,000"),
])
def test_settings_out_of_range_are_refused(changes, message):
    with pytest.raises(InputError, match=message):
        build(Settings().replace(**changes))


def test_the_edges_are_accepted():
    t = build(Settings(gamma=1.0, every=1, elu_alpha=0.0, hidden=(1000,), samples=200))
    assert t.net.sizes == [2, 1000, 1]


@pytest.mark.parametrize("kwargs, message", [
    (dict(steps=MAX_STEPS + 1), "steps must be a whole number from 0 to 10,000"),
    (dict(steps=-1), "steps must be"),
    (dict(eps=float("nan")), "learning rate ε must be a finite number ≥ 0"),
    (dict(noise=float("inf")), "gradient noise must be a number from 0 to 100"),
    (dict(start=(float("nan"), 0.0)), "the start must be two numbers"),
    (dict(mu=1.0), r"μ must be in \[0, 1\)"),
])
def test_run_paths_refuses(kwargs, message):
    args = dict(surface=make_surface("ravine"), start=(1.0, 1.0), optimizers=["gd", "momentum"], eps=0.01)
    with pytest.raises(InputError, match=message):
        run_paths(**{**args, **kwargs})


def test_run_paths_takes_max_steps():
    paths = run_paths(make_surface("ravine"), (1.0, 1.0), ["gd"], 0.01, steps=MAX_STEPS)
    assert len(paths["gd"].points) == MAX_STEPS + 1


@pytest.mark.parametrize("grid, span", [(MAX_GRID + 1, 1.0), (1, 1.0), (11, 0.0), (11, float("inf")),
                                        (11, float("nan"))])
def test_slice_grid_limit(grid, span):
    t = build(Settings(hidden=(3,)))
    with pytest.raises(InputError, match="2 to 501 grid points per side"):
        slice_through(t, grid=grid, span=span)
