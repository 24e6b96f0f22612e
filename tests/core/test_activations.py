"""The nine activations: f as in the lecture's table, f' against central differences."""
import numpy as np
import pytest

from nnviz.core.activations import ACTIVATIONS, ELU, get_activation, softmax

U = np.array([-3.0, -1.2, -0.3, 0.4, 1.1, 2.5])   # no kinks at 0 for the finite differences


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_derivative_matches_central_difference(name):
    act = ACTIVATIONS[name]
    h = 1e-6
    numeric = (act.f(U + h) - act.f(U - h)) / (2 * h)
    assert np.allclose(act.df(U, act.f(U)), numeric, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_out_argument_gives_the_same_values(name):
    act = ACTIVATIONS[name]
    out, dout = np.empty_like(U), np.empty_like(U)
    z = act.f(U.copy(), out=out)
    assert z is out and np.array_equal(out, act.f(U))
    assert np.array_equal(act.df(U, out, out=dout), act.df(U, act.f(U)))


def test_table_values():
    x = np.array([-2.0, 0.0, 3.0])
    f = {n: a.f(x) for n, a in ACTIVATIONS.items()}
    assert np.array_equal(f["identity"], x)
    assert np.array_equal(f["step"], [0, 1, 1])            # 1 for x ≥ 0
    assert np.allclose(f["sigmoid"], 1 / (1 + np.exp(-x)))
    assert np.allclose(f["tanh"], 2 / (1 + np.exp(-2 * x)) - 1)
    assert np.allclose(f["arctan"], np.arctan(x))
    assert np.array_equal(f["relu"], [0, 0, 3])
    assert np.allclose(f["prelu"], [-0.5, 0, 3])            # α = 0.25 (He et al. 2015)
    assert np.allclose(f["elu"], [np.exp(-2) - 1, 0, 3])
    assert np.allclose(f["softplus"], np.log1p(np.exp(x)))
    # derivatives at the table's special points
    assert np.array_equal(ACTIVATIONS["step"].df(x, f["step"]), [0, 0, 0])   # 0, and 0 at x = 0
    assert np.array_equal(ACTIVATIONS["relu"].df(x, f["relu"]), [0, 1, 1])
    assert np.array_equal(ACTIVATIONS["prelu"].df(x, f["prelu"]), [0.25, 1, 1])


#: f(0) and f'(0) exactly as the lecture's table gives them (x ≥ 0 takes the right branch;
#: the step's f'(0), undefined, is 0).
AT_ZERO = {"identity": (0.0, 1.0), "step": (1.0, 0.0), "sigmoid": (0.5, 0.25), "tanh": (0.0, 1.0),
           "arctan": (0.0, 1.0), "relu": (0.0, 1.0), "prelu": (0.0, 1.0), "elu": (0.0, 1.0),
           "softplus": (np.log(2.0), 0.5)}


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_every_activation_at_exactly_u_0_is_the_tables_value_on_every_path(name):
    """Both call forms (new arrays, and ``out=`` as a training step calls them), and a network's
    backward pass through a unit whose u is exactly 0."""
    from nnviz.core.network import Network
    assert set(AT_ZERO) == set(ACTIVATIONS)
    act, (f0, df0) = ACTIVATIONS[name], AT_ZERO[name]
    u = np.zeros(3)
    z = act.f(u)
    assert np.all(z == f0) and np.all(act.f(u, out=np.full(3, 7.0)) == f0)
    assert np.all(act.df(u, z) == df0) and np.all(act.df(u, z, out=np.full(3, 7.0)) == df0)
    net = Network([1, 1, 1], [name], task="regression", reduction="sum", seed=0)
    for l in (2, 3):
        net.W[l][...], net.b[l][...] = 1.0, 0.0        # w = 1, b = 0: u^(2) = x = 0; y = z^(2)
    net.forward(np.zeros((2, 1)))
    assert np.all(net.u[2] == 0.0) and np.all(net.z[2] == f0)
    net.backward(np.ones((2, 1)))                     # δ^(3) = y − d = f0 − 1
    assert np.all(net.delta[2] == df0 * (f0 - 1.0))   # δ^(2) = f'(0) · w · δ^(3)


def test_elu_at_0_takes_the_right_branch_whatever_its_alpha():
    """With α = 1 both of ELU's branches give f'(0) = 1; with α = 0.5 only x ≥ 0's does."""
    elu, u = get_activation("elu", 0.5), np.zeros(2)
    assert np.all(elu.df(u, elu.f(u)) == 1.0) and np.all(elu.df(u, elu.f(u), out=np.empty(2)) == 1.0)


def test_elu_alpha_is_a_setting():
    elu = get_activation("elu", elu_alpha=2.0)
    assert isinstance(elu, ELU) and elu.alpha == 2.0
    assert np.isclose(elu.f(np.array([-1.0]))[0], 2 * (np.exp(-1) - 1))
    assert np.isclose(elu.df(np.array([-1.0]), elu.f(np.array([-1.0])))[0], 2 * np.exp(-1))


def test_prelu_alpha_per_unit_and_its_derivative():
    prelu = ACTIVATIONS["prelu"]
    u = np.array([[-2.0, 1.0], [-1.0, -4.0]])
    alpha = np.array([0.1, 0.5])
    assert np.allclose(prelu.f(u, alpha=alpha), [[-0.2, 1.0], [-0.1, -2.0]])
    assert np.allclose(prelu.df(u, None, alpha=alpha), [[0.1, 1.0], [0.1, 0.5]])
    assert np.allclose(prelu.dalpha(u), [[-2.0, 0.0], [-1.0, -4.0]])


@pytest.mark.parametrize("name", ["sigmoid", "softplus", "tanh", "elu", "arctan"])
def test_no_overflow_for_large_inputs(name):
    act = ACTIVATIONS[name]
    u = np.array([-1000.0, 1000.0])
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # underflow to 0 is exact enough
        z = act.f(u)
        d = act.df(u, z)
    assert np.all(np.isfinite(z)) and np.all(np.isfinite(d))


def test_sigmoid_and_softplus_tails_are_exact():
    s, sp = ACTIVATIONS["sigmoid"], ACTIVATIONS["softplus"]
    assert s.f(np.array([-1000.0]))[0] == 0.0 and s.f(np.array([1000.0]))[0] == 1.0
    assert np.isclose(s.f(np.array([-40.0]))[0], np.exp(-40.0), rtol=1e-12)   # full relative precision
    assert sp.f(np.array([1000.0]))[0] == 1000.0
    assert np.isclose(sp.f(np.array([-40.0]))[0], np.exp(-40.0), rtol=1e-12)


def test_softmax_is_stable_and_sums_to_one():
    u = np.array([[1000.0, 1000.0, -1000.0], [1.0, 2.0, 3.0]])
    z = softmax(u)
    assert np.allclose(z.sum(axis=1), 1) and np.allclose(z[0], [0.5, 0.5, 0])
    assert np.allclose(z[1], np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum())


def test_unknown_name_lists_the_known_ones():
    with pytest.raises(ValueError, match="relu"):
        get_activation("gelu")


def test_softplus_and_cross_entropy_from_u_are_the_stable_formula_bit_for_bit():
    from nnviz.core.losses import per_sample_loss
    u = np.array([[-800.0], [-40.0], [-3.0], [-0.0], [0.0], [0.5], [40.0], [800.0]])
    d = np.array([[0.0], [1.0], [1.0], [1.0], [0.0], [0.0], [1.0], [0.0]])
    z = ACTIVATIONS["sigmoid"].f(u)
    softplus = np.maximum(u, 0.0) + np.log1p(np.exp(-np.abs(u)))    # ln(1 + e^u), no overflow
    assert np.array_equal(ACTIVATIONS["softplus"].f(u), softplus)
    assert np.array_equal(per_sample_loss("sigmoid", "bce", u, z, d), (softplus - d * u)[:, 0])
    assert np.all(np.isfinite(per_sample_loss("sigmoid", "bce", u, z, d)))


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_into_is_f_with_alpha_bound(name):
    act = ACTIVATIONS[name]
    u = np.linspace(-3, 3, 12).reshape(3, 4)
    alpha = np.full(4, 0.1) if act.learned_alpha else None
    out = np.empty_like(u)
    act.into(alpha)(u, out)
    assert np.array_equal(out, act.f(u, alpha=alpha))
    if act.z_only:
        assert np.array_equal(act.df(None, out), act.df(u, out))


U_WIDE = np.concatenate([[-800.0, -708.0, -100.0, -20.0, -1e-9, 0.0, 1e-300, 1e-9, 20.0, 100.0, 800.0, 1e308],
                         np.random.default_rng(3).normal(0, 4, 500)])


def assert_close(name, z, ref, u, rtol):
    """z is ref to ``rtol``; tanh's 2/(1 + e^(−2u)) − 1 to 1e-15 absolutely (relatively
    only away from 0, where 1 − … cancels)."""
    if name == "tanh":
        assert np.allclose(z, ref, rtol=0, atol=1e-15)
        assert np.allclose(z[np.abs(u) > 0.5], ref[np.abs(u) > 0.5], rtol=2e-15, atol=0)
    else:
        assert np.allclose(z, ref, rtol=rtol, atol=0)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_value_is_f_to_ulps_in_place_and_without_warnings(name):
    """The forward-only value (the loss slice's) is f to a few ulps (tanh: 1e-15), also at u = ±800;
    u is its scratch. ELU, PReLU and softplus compute f's very passes, without f's temporaries."""
    act = ACTIVATIONS[name]
    alpha = np.full(U_WIDE.shape, 0.3) if act.learned_alpha else None
    ref = act.f(U_WIDE, alpha=alpha)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = np.empty_like(U_WIDE)
        z = act.value(U_WIDE.copy(), out, alpha=alpha)
    assert z is out and np.all(np.isfinite(z) | np.isinf(ref))
    if name in ("elu", "prelu", "softplus"):
        assert np.array_equal(z, ref)
    if name == "elu":                                           # α ≠ 1 multiplies, α = 1 need not
        elu = get_activation("elu", 0.5)
        assert np.array_equal(elu.value(U_WIDE.copy(), np.empty_like(U_WIDE)), elu.f(U_WIDE))
    assert_close(name, z, ref, U_WIDE, rtol=4e-16)
    if name == "sigmoid":
        assert z[0] == 0.0 and z[10] == 1.0                     # σ(−800) rounds to 0, σ(800) = 1
        assert np.array_equal(z[-500:], 1 / (1 + np.exp(-U_WIDE[-500:])))


@pytest.mark.parametrize("name", [n for n, a in ACTIVATIONS.items() if a.exp_scale is not None])
def test_of_exp_is_f_from_e_to_the_s_u(name):
    act = ACTIVATIONS[name]
    assert name in ("sigmoid", "tanh", "softplus")
    u = U_WIDE[np.abs(U_WIDE) < 700 / abs(act.exp_scale)]
    ref = act.f(u)
    z = act.of_exp(np.exp(act.exp_scale * u), np.empty_like(u))
    assert_close(name, z, ref, u, rtol=1e-15)
    with np.errstate(over="ignore"):
        ends = act.of_exp(np.exp(act.exp_scale * np.array([-800.0, 800.0])), np.empty(2))
    if name != "softplus":                                      # E = ∞ and E = 0 are the limits
        assert np.array_equal(ends, act.f(np.array([-800.0, 800.0])))
