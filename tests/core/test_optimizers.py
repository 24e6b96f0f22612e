"""Update rules to the letter of the lecture, and the batching of an epoch."""
import numpy as np
import pytest

from nnviz.core.batching import Batcher
from nnviz.core.optimizers import OPTIMIZERS, learning_rate, make_optimizer

A = np.array([1.0, 10.0])            # L(w) = ½ Σ a_i w_i²: an ill-conditioned ravine, ∇L = a ⊙ w


def grad(w):
    return A * w


def test_gradient_descent_on_a_quadratic_is_closed_form():
    eps, w0 = 0.05, np.array([2.0, -1.0])
    w = w0.copy()
    opt = make_optimizer("plain")
    for _ in range(25):
        opt.step(w, grad(w), eps)
    assert np.allclose(w, (1 - eps * A) ** 25 * w0, rtol=1e-12)     # w_t = (1 − εa)^t w_0


def test_momentum_is_the_lectures_recursion_step_by_step():
    eps, mu = 0.05, 0.8
    w = np.array([2.0, -1.0])
    opt = make_optimizer("momentum", mu=mu)
    w_prev, w_now = w.copy(), w.copy()                      # v⁰ = w⁰ − w⁻¹ = 0
    for t in range(40):
        # w^(t+1) = w^t − ε∇L(w^t) + μ (w^t − w^(t−1))
        w_next = w_now - eps * grad(w_now) + mu * (w_now - w_prev)
        opt.step(w, grad(w), eps)
        assert np.allclose(w, w_next, rtol=1e-12, atol=1e-15), t
        w_prev, w_now = w_now, w_next


def test_momentum_on_a_quadratic_matches_the_closed_form():
    # Per coordinate w_(t+1) = (1 + μ − εa) w_t − μ w_(t−1), w_(−1) = w_0: a linear recurrence
    # solved by w_t = c1 r1^t + c2 r2^t with r1, r2 the roots of r² − (1 + μ − εa) r + μ = 0.
    eps, mu, T = 0.05, 0.5, 30
    w0 = np.array([2.0, -1.0])
    w = w0.copy()
    opt = make_optimizer("momentum", mu=mu)
    for _ in range(T):
        opt.step(w, grad(w), eps)
    for i, a in enumerate(A):
        r1, r2 = np.roots([1.0, -(1 + mu - eps * a), mu]).astype(complex)
        w1 = w0[i] - eps * a * w0[i]                        # the first step has v⁰ = 0
        c2 = (w1 - r1 * w0[i]) / (r2 - r1)
        c1 = w0[i] - c2
        assert np.isclose((c1 * r1 ** T + c2 * r2 ** T).real, w[i], rtol=1e-9)


def test_momentum_with_mu_zero_is_plain():
    a, b = np.array([1.0, 1.0]), np.array([1.0, 1.0])
    m, p = make_optimizer("momentum", mu=0.0), make_optimizer("plain")
    for _ in range(5):
        m.step(a, grad(a), 0.1)
        p.step(b, grad(b), 0.1)
    assert np.array_equal(a, b)


def test_adam_first_step_moves_by_eps_times_sign():
    w = np.array([3.0, -2.0])
    make_optimizer("adam").step(w, grad(w), 0.1)
    assert np.allclose(w, [2.9, -1.9], atol=1e-7)


def test_nesterov_matches_pytorch_formula():
    eps, mu = 0.05, 0.9
    w, ref, buf = np.array([2.0, -1.0]), np.array([2.0, -1.0]), np.zeros(2)
    opt = make_optimizer("nesterov", mu=mu)
    for _ in range(10):
        g = grad(ref)
        buf = mu * buf + g
        ref = ref - eps * (g + mu * buf)
        opt.step(w, grad(w), eps)
    assert np.allclose(w, ref)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_optimizer_descends_the_ravine(name):
    w = np.array([2.0, -1.0])
    opt = make_optimizer(name, mu=0.5)
    eps = 0.5 if name == "adagrad" else 0.05      # AdaGrad's steps shrink as ∑∇L² grows
    for _ in range(300):
        opt.step(w, grad(w), eps)
    assert 0.5 * np.sum(A * w * w) < 1e-2 * 0.5 * np.sum(A * np.array([4.0, 1.0]))


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_state_round_trip_continues_bit_identically(name):
    w1 = np.array([2.0, -1.0])
    opt = make_optimizer(name, mu=0.7)
    for _ in range(3):
        opt.step(w1, grad(w1), 0.05)
    w2 = w1.copy()
    clone = make_optimizer(name, mu=0.7)
    clone.load_state(opt.state(), 2)
    opt.step(w1, grad(w1), 0.05)
    clone.step(w2, grad(w2), 0.05)
    assert np.array_equal(w1, w2)


def test_bad_optimizer_settings():
    with pytest.raises(ValueError, match="unknown optimizer"):
        make_optimizer("lbfgs")
    with pytest.raises(ValueError, match="μ must be in"):
        make_optimizer("momentum", mu=1.5)


def test_schedules():
    assert learning_rate(0.1, 25) == 0.1
    assert np.isclose(learning_rate(0.1, 25, "step", gamma=0.5, every=10), 0.025)
    assert np.isclose(learning_rate(0.1, 5, "exponential", gamma=0.25, every=10), 0.05)
    with pytest.raises(ValueError):
        learning_rate(0.1, 1, "cosine")


@pytest.mark.parametrize("B", [1, 3, 4, 10])
def test_minibatch_epoch_uses_every_sample_once(B):
    X = np.arange(10.0)[:, None]
    b = Batcher(X, X * 2, batch_size=B, rng=0)
    seen, sizes = [], []
    while b.epoch == 0:
        Xb, Db, idx = b.next()
        assert np.array_equal(Xb[:, 0], idx) and np.array_equal(Db, 2 * Xb)
        seen += list(idx)
        sizes.append(len(idx))
    assert sorted(seen) == list(range(10))
    assert sizes == [B] * (10 // B) + ([10 % B] if 10 % B else [])   # last, smaller one applied
    assert b.position == 0                                             # nothing carried over
    assert len(b.next()[2]) == min(B, 10)                              # epoch 2 starts afresh


def test_each_epoch_is_reshuffled_and_seeded():
    X = np.arange(20.0)[:, None]
    a, c = Batcher(X, X, 5, rng=1), Batcher(X, X, 5, rng=1)
    ea = [a.next()[2].copy() for _ in range(8)]
    ec = [c.next()[2].copy() for _ in range(8)]
    assert all(np.array_equal(p, q) for p, q in zip(ea, ec))
    assert not np.array_equal(np.concatenate(ea[:4]), np.concatenate(ea[4:]))


def test_full_batch_is_one_step_per_epoch_and_sgd_is_one_sample():
    X = np.arange(6.0)[:, None]
    full = Batcher(X, X, 0)
    Xb, _, _ = full.next()
    assert Xb.shape[0] == 6 and full.epoch == 1
    sgd = Batcher(X, X, 1)
    assert sgd.next()[0].shape == (1, 1) and sgd.batches_per_epoch == 6


def test_cut_resumes_an_epoch_in_a_given_order():
    X = np.arange(10.0)[:, None]
    b = Batcher(X, X * 2, batch_size=4, rng=0)
    order = np.array([9, 8, 7, 6, 5, 4, 3, 2, 1, 0])
    b.cut(order)
    b.position = 1                    # as a session restores it: the second minibatch is next
    Xb, Db, idx = b.next()
    assert list(idx) == [5, 4, 3, 2] and np.array_equal(Xb[:, 0], idx) and np.array_equal(Db, 2 * Xb)
    assert list(b.next()[2]) == [1, 0] and b.epoch == 1 and b.position == 0


def test_every_update_rule_and_initialisation_carries_its_formula():
    """The controls' tooltips read them from the registries (as the activations' table does)."""
    from nnviz.core.network import INIT_SCHEMES
    from nnviz.core.optimizers import OPTIMIZERS
    assert all(cls.rule.startswith(("w^(t+1)", "b ←", "G ←", "s ←", "m ←")) for cls in OPTIMIZERS.values())
    assert OPTIMIZERS["momentum"].rule == "w^(t+1) = w^t − ε∇L + μ(w^t − w^(t−1))"    # the lecture's §6
    assert all(rule.startswith("W^(l) ~ ") for rule in INIT_SCHEMES.values())
