"""The step-through trace: the slides' phase order, the core's numbers, JSON round trip."""
import numpy as np
import pytest

from nnviz.core.trace import Trace
from nnviz.training.trainer import Settings, build


def kinds(trace):
    return [(p.kind, p.layer) for p in trace.phases]


def test_phase_order_is_the_slides_order():
    t = build(Settings(dataset="xor", hidden=(4, 3)))
    trace = t.trace_step(0)
    assert kinds(trace) == [("forward", 1), ("forward", 2), ("forward", 3), ("forward", 4), ("loss", 4),
                            ("output_delta", 4), ("backward", 3), ("backward", 2),
                            ("gradient", 4), ("gradient", 3), ("gradient", 2),
                            ("update", 2), ("update", 3), ("update", 4)]


def test_numbers_equal_the_cores_forward_and_backward():
    t = build(Settings(dataset="blobs", hidden=(5,), activations=("elu",), reduction="sum", seed=2))
    t.run(steps=3)
    net = t.net.copy()
    n = 7
    trace = t.trace_step(n)
    x, d = t.X_train[n:n + 1], t.D_train[n:n + 1]
    net.forward(x)
    net.backward(d)
    p = trace.phases
    assert np.allclose(p[trace.find("forward", 2)].values["u"], net.u[2][0])
    assert np.allclose(p[trace.find("forward", 3)].values["z"], net.z[3][0])
    assert np.isclose(p[trace.find("loss")].values["L"], net.per_sample_loss(d)[0])
    assert np.allclose(p[trace.find("output_delta")].values["delta"], net.z[3][0] - d[0])   # z − d
    back = p[trace.find("backward", 2)].values
    # δ^(2) = f'(u^(2)) ⊙ W^(3)ᵀ δ^(3)
    assert np.allclose(back["delta"], back["df"] * (back["W_next"].T @ back["delta_next"]))
    assert np.allclose(back["delta"], net.delta[2][0])
    grad = p[trace.find("gradient", 2)].values
    assert np.allclose(grad["dW_n"], np.outer(grad["delta"], grad["z_prev"]))            # δ z ᵀ
    assert np.allclose(grad["dW_n"], net.dW[2])


def test_update_is_the_lectures_rule_with_momentum():
    t = build(Settings(dataset="xor", hidden=(3,), mu=0.9, eps=0.1, batch=0))
    t.run(steps=2)
    trace = t.trace_step(1)
    for l in (2, 3):
        u = trace.phases[trace.find("update", l)].values
        # w^(t+1) = w^t − ε∇L + μ v^t
        assert np.allclose(u["W_after"], u["W_before"] - 0.1 * u["dW"] + 0.9 * u["v_before"])
        assert np.allclose(u["b_after"], u["b_before"] - 0.1 * u["db"] + 0.9 * u["vb_before"])


def test_plain_update_and_batch_totals():
    t = build(Settings(dataset="xor", hidden=(3,), eps=0.2, batch=0))
    trace = t.trace_step(4)
    u = trace.phases[trace.find("update", 3)].values
    assert np.allclose(u["W_after"], u["W_before"] - 0.2 * u["dW"])
    assert "v_before" not in u
    assert trace.meta["sample_in_batch"] and len(trace.meta["batch"]) == len(t.X_train)
    g = trace.phases[trace.find("gradient", 3)].values
    assert not np.allclose(g["dW"], g["dW_n"])        # the batch total differs from the sample's


def test_chain_rule_output_delta_is_recorded():
    t = build(Settings(dataset="xor", hidden=(3,), output="sigmoid", loss="squared"))
    trace = t.trace_step(0)
    out = trace.phases[trace.find("output_delta")].values
    assert not out["matched"]
    assert np.allclose(out["delta"], out["df"] * out["dLdz"])   # δ^(L) = f'(u) ⊙ ∂L/∂z


def test_json_round_trip():
    t = build(Settings(dataset="xor", hidden=(2,), mu=0.5))
    trace = t.trace_step(3)
    again = Trace.from_json(trace.to_json())
    assert kinds(again) == kinds(trace) and again.meta == trace.meta
    for a, b in zip(trace.phases, again.phases):
        for k, v in a.values.items():
            assert np.allclose(b.values[k], v) if isinstance(v, np.ndarray) else b.values[k] == v


@pytest.mark.parametrize("text", ["", "[]", '{"format": "other"}', '{"format": "nnviz-trace", "version": 1}'])
def test_bad_json_is_refused(text):
    with pytest.raises(ValueError):
        Trace.from_json(text)


def test_by_default_the_trace_follows_the_minibatchs_first_sample():
    t = build(Settings(dataset="xor", hidden=(3,), batch=1))        # SGD: the sample n* it picks
    trace = t.trace_step()
    assert trace.meta["sample_in_batch"] and trace.meta["batch"] == [trace.meta["sample"]]
    g = trace.phases[trace.find("gradient", 3)].values
    assert np.allclose(g["dW"], g["dW_n"])                         # B = 1: the sample is the batch


def test_trainer_gradient_check():
    t = build(Settings(dataset="moons", hidden=(4,), activations=("elu",), l2=0.01))
    t.run(steps=10)
    err, n = t.gradient_check()
    assert err < 1e-5 and n == t.net.n_params


def test_text_is_in_the_lectures_notation():
    t = build(Settings(dataset="xor", hidden=(3,), mu=0.5))
    text = t.trace_step(2).to_text()
    for needle in ("Step 1 — forward pass", "u⁽²⁾ = W⁽²⁾ z⁽¹⁾ + b⁽²⁾", "δ⁽³⁾ = z − d", "Step 3",
                   "δ⁽²⁾ = f'(u⁽²⁾) ⊙ W⁽³⁾ᵀ δ⁽³⁾", "∂L_n/∂W⁽²⁾ = δ⁽²⁾ z⁽¹⁾ᵀ", "+ μ v"):
        assert needle in text


def test_the_notation_has_one_home():
    """u⁽ˡ⁾ and w_ji⁽ˡ⁾ are written by nnviz.core.notation for every view, the trace and the worksheet."""
    from nnviz.core.notation import layer, sub, sup
    assert layer("u", 2) == "u⁽²⁾" and layer("w", 3, "21") == "w₂₁⁽³⁾" and layer("w", 12, "1,10") == "w₁,₁₀⁽¹²⁾"
    assert sup(-3) == "⁻³" and sub(10) == "₁₀"
    import pathlib
    import nnviz
    root = pathlib.Path(nnviz.__file__).parent
    tables = [str(p.relative_to(root)) for p in root.rglob("*.py") if "maketrans(" in p.read_text(encoding="utf-8")]
    assert tables == ["core/notation.py"]
