"""The step-through's formulas carry the trace's own numbers, in the lecture's notation."""
import re

import numpy as np
import pytest

from nnviz.core.datasets import DATASETS
from nnviz.gui import formulas
from nnviz.gui.formulas import _grid, _par, edge_line, num, phase_html, phase_title, unit_line
from nnviz.training.trainer import Settings, build


def make_trace(steps=3, sample=0, **settings):
    """The trace of a real training step after ``steps`` steps (default XOR 2-3-1, momentum)."""
    settings = {"dataset": "xor", "hidden": (3,), "mu": 0.9, **settings}
    trainer = build(Settings(**settings))
    for _ in range(steps):
        trainer.step()
    return trainer.trace_step(sample)


@pytest.fixture(scope="module")
def trace():
    return make_trace()


@pytest.fixture(scope="module")
def deep():
    """2-3-4-1: layer 2's δ sums over four units of layer 3."""
    return make_trace(hidden=(3, 4))


def values(trace, kind, layer=None):
    return trace.phases[trace.find(kind, layer)].values


def plain(html):
    return re.sub(r"<[^>]+>", "", html)


def test_numbers_are_compact_with_true_minus_signs():
    assert num(0) == "0" and num(2.0) == "2" and num(-0.5) == "−0.5"
    assert num(0.123456) == "0.1235" and num(-12.3) == "−12.3"
    assert num(3.2e-5) == "3.2·10<sup>−5</sup>" and num(-1.5e6) == "−1.5·10<sup>6</sup>"
    assert num(float("nan")) == "NaN" and num(float("-inf")) == "−∞"
    assert _par(-0.25) == "(−0.25)" and _par(0.25) == "0.25"


def test_every_phase_has_the_slides_title(trace):
    titles = [phase_title(trace, k) for k in range(len(trace.phases))]
    assert titles == ["Step 1 — forward pass, layer 1", "Step 1 — forward pass, layer 2",
                      "Step 1 — forward pass, layer 3", "Loss of sample n", "Step 2 — output δ",
                      "Step 3 — δ recursion, layer 2", "Step 4 — gradient, layer 3",
                      "Step 4 — gradient, layer 2", "Update, layer 2", "Update, layer 3"]
    assert formulas.phase_titles(trace) == titles


def test_forward_writes_u_equals_W_z_plus_b_with_every_number(trace):
    html = phase_html(trace, trace.find("forward", 2))
    assert "<i>u</i><sup>(2)</sup> = <i>W</i><sup>(2)</sup> <i>z</i><sup>(1)</sup> + <i>b</i><sup>(2)</sup>" in html
    assert "<i>f</i> = tanh" in html
    v = values(trace, "forward", 2)
    for name in ("u", "W", "z_prev", "b", "z"):
        for x in np.ravel(v[name]):
            assert num(x) in html, name
    first = phase_html(trace, 0)
    assert "<i>z</i><sup>(1)</sup> = <i>x</i><sub><i>n</i></sub>" in first
    assert all(num(x) in first for x in values(trace, "forward", 1)["z"])
    assert "σ" in phase_html(trace, trace.find("forward", 3))          # the output's sigmoid


def test_loss_forms_follow_the_loss_in_force(trace):
    html = phase_html(trace, trace.find("loss"))
    v = values(trace, "loss")
    assert "log" in html and f"<b>{num(v['L'])}</b>" in html
    assert num(trace.meta["batch_loss"]) in html and "mean over the B = 10 samples" in plain(html)
    reg = make_trace(dataset="sin", hidden=(4,))
    html = phase_html(reg, reg.find("loss"))
    assert "½‖<i>y</i> − <i>d</i>‖²" in html and num(values(reg, "loss")["L"]) in html
    ce = make_trace(dataset="blobs", hidden=(4,), classes=3)
    v = values(ce, "loss")
    html = phase_html(ce, ce.find("loss"))
    k = int(np.argmax(v["d"]))
    assert "Σ<sub><i>k</i></sub>" in html and f"1·log {num(v['y'][k])}" in html and num(v["L"]) in html


def test_matched_output_delta_is_z_minus_d(trace):
    html = phase_html(trace, trace.find("output_delta"))
    v = values(trace, "output_delta")
    assert "<i>z</i><sup>(3)</sup> − <i>d</i>" in html and "matched" in html
    for name in ("delta", "z", "d"):
        assert all(num(x) in html for x in v[name])
    assert np.allclose(v["delta"], v["z"] - v["d"])


def test_unmatched_output_delta_uses_the_chain_rule():
    t = make_trace(loss="squared")                                   # sigmoid output, squared error
    v = values(t, "output_delta")
    html = phase_html(t, t.find("output_delta"))
    assert "<i>f</i>′(<i>u</i><sup>(3)</sup>) ⊙ ∂" in html and "not matched" in html
    assert all(num(x) in html for x in np.concatenate([v["df"], v["dLdz"], v["delta"]]))
    line = unit_line(t, 3, 0, "output_delta")
    assert f"{_par(v['df'][0])}·{_par(v['dLdz'][0])} = <b>{num(v['delta'][0])}</b>" in line


def test_unmatched_softmax_output_delta_writes_the_jacobian_product():
    t = make_trace(dataset="blobs", hidden=(4,), classes=3, loss="squared")
    v = values(t, "output_delta")
    z, g = v["z"], v["dLdz"]
    s = float(z @ g)
    assert np.allclose(v["delta"], z * (g - s))
    html = phase_html(t, t.find("output_delta"))
    assert num(s) in html and "softmax Jacobian" in html
    line = unit_line(t, 3, 1, "backward")
    assert f"{_par(z[1])}·({num(g[1])} − {_par(s)}) = <b>{num(v['delta'][1])}</b>" in line


def test_delta_recursion_shows_W_transpose_delta_and_f_prime(deep):
    k = deep.find("backward", 2)
    html = phase_html(deep, k)
    assert ("<i>δ</i><sup>(2)</sup> = <i>f</i>′(<i>u</i><sup>(2)</sup>) ⊙ "
            "<i>W</i><sup>(3)ᵀ</sup> <i>δ</i><sup>(3)</sup>") in html
    v = values(deep, "backward", 2)
    s = v["W_next"].T @ v["delta_next"]
    assert np.allclose(v["df"] * s, v["delta"])
    for x in np.concatenate([s, v["df"], v["delta"], v["delta_next"]]):
        assert num(x) in html


def test_unit_line_of_a_hidden_unit_lists_every_term_and_the_sum(deep):
    v = values(deep, "backward", 2)
    W, dn = v["W_next"], v["delta_next"]
    assert W.shape == (4, 3)
    for j in range(3):
        line = unit_line(deep, 2, j, "backward")
        assert "Σ<sub><i>k</i></sub>" in line
        terms = [f"{_par(W[k, j])}·{_par(dn[k])}" for k in range(4)]
        for t in terms:
            assert t in line
        assert f"{_par(v['df'][j])}·{_par(W[:, j] @ dn)} = <b>{num(v['delta'][j])}</b>" in line
        assert v["df"][j] * (W[:, j] @ dn) == pytest.approx(v["delta"][j])


def test_unit_line_follows_the_phase_kind(trace):
    fw = values(trace, "forward", 2)
    line = unit_line(trace, 2, 1, "forward")
    terms = " + ".join(f"{_par(w)}·{_par(z)}" for w, z in zip(fw["W"][1], fw["z_prev"])).replace("+ −", "− ")
    assert terms in line and f"<b>{num(fw['u'][1])}</b>" in line and f"<b>{num(fw['z'][1])}</b>" in line
    assert fw["W"][1] @ fw["z_prev"] + fw["b"][1] == pytest.approx(fw["u"][1])
    assert "δ" not in plain(line)
    out = values(trace, "output_delta")
    line = unit_line(trace, 3, 0, "output_delta")
    assert f"{num(out['z'][0])} − {_par(out['d'][0])} = <b>{num(out['delta'][0])}</b>" in line
    g = values(trace, "gradient", 2)
    assert num(g["db"][1]) in unit_line(trace, 2, 1, "gradient")
    up = values(trace, "update", 2)
    assert f"<b>{num(up['b_after'][1])}</b>" in unit_line(trace, 2, 1, "update")
    assert "x" in plain(unit_line(trace, 1, 0, "forward"))
    assert "no δ" in plain(unit_line(trace, 1, 0, "backward"))
    everything = unit_line(trace, 2, 0)
    assert "<i>u</i>" in everything and "<i>δ</i>" in everything and "←" in everything


def test_edge_line_product_equals_the_samples_gradient_and_the_update_its_rule(trace):
    for l, j, i in ((2, 2, 1), (3, 0, 2)):
        line = edge_line(trace, l, j, i, "gradient")
        g, u = values(trace, "gradient", l), values(trace, "update", l)
        assert g["delta"][j] * g["z_prev"][i] == pytest.approx(g["dW_n"][j, i])
        assert f"{_par(g['delta'][j])}·{_par(g['z_prev'][i])} = <b>{num(g['dW_n'][j, i])}</b>" in line
        assert f"<b>{num(g['dW'][j, i])}</b>" in line
        eps, mu = trace.meta["eps"], trace.meta["mu"]
        before, grad, vel, after = u["W_before"][j, i], u["dW"][j, i], u["v_before"][j, i], u["W_after"][j, i]
        assert before - eps * grad + mu * vel == pytest.approx(after)
        assert (f"= {num(before)} − {num(eps)}·{_par(grad)} + {num(mu)}·{_par(vel)} = <b>{num(after)}</b>"
                in line)
        assert f"w</i><sub>{j + 1}{i + 1}</sub><sup>({l})</sup>" in line
    fw = edge_line(trace, 2, 0, 1, "forward")
    v = values(trace, "forward", 2)
    assert f"<b>{num(v['W'][0, 1] * v['z_prev'][1])}</b>" in fw


def test_gradient_phase_shows_the_samples_and_the_minibatchs_gradient(trace):
    html = phase_html(trace, trace.find("gradient", 2))
    g = values(trace, "gradient", 2)
    assert "∂<i>L</i><sub><i>n</i></sub>/∂<i>W</i><sup>(2)</sup> = <i>δ</i><sup>(2)</sup>" in html
    for x in np.concatenate([g["dW_n"].ravel(), g["dW"].ravel(), g["delta"]]):
        assert num(x) in html
    assert "mean over the B = 10 samples of the minibatch" in plain(html)
    assert "(1/<i>B</i>) Σ" in html
    summed = make_trace(reduction="sum")
    assert "sum over the B = 10" in plain(phase_html(summed, summed.find("gradient", 2)))


def test_update_rules_momentum_plain_and_others(trace):
    html = phase_html(trace, trace.find("update", 2))
    u = values(trace, "update", 2)
    assert "ε = 0.03" in html and "μ = 0.9" in html and "μ <i>v</i>" in html
    assert all(num(x) in html for x in np.concatenate([u["W_after"].ravel(), u["v_before"].ravel()]))
    plain_t = make_trace(mu=0.0)
    html = phase_html(plain_t, plain_t.find("update", 2))
    assert "ε∇<i>L</i>" in html and "μ" not in html
    u = values(plain_t, "update", 3)
    assert f"<b>{num(u['W_after'][0, 1])}</b>" in edge_line(plain_t, 3, 0, 1, "update")
    adam = make_trace(optimizer="adam")
    html = phase_html(adam, adam.find("update", 3))
    u = values(adam, "update", 3)
    assert "Δ<i>W</i><sup>(3)</sup>" in html and "adam" in html
    assert all(num(x) in html for x in (u["W_after"] - u["W_before"]).ravel())


def test_large_matrices_are_cut_with_ellipses():
    g = _grid(np.arange(64.0).reshape(8, 8), 6, 6)
    assert len(g) == 6 and len(g[0]) == 6
    assert g[4] == ["⋮"] * 4 + ["⋱", "⋮"] and g[0][4] == "⋯" and g[5][5] == num(63)
    t = make_trace(hidden=(8, 8))
    html = phase_html(t, t.find("forward", 3))
    assert "⋮" in html and "⋯" in html
    narrow, wide = phase_html(t, t.find("update", 3), 20), phase_html(t, t.find("update", 3), 400)
    assert narrow.count("<table cellspacing='2'") > wide.count("<table cellspacing='2'")


@pytest.mark.skipif("slides" not in DATASETS, reason="no slides data set")
def test_the_slides_four_input_example():
    t = make_trace(dataset="slides", hidden=(3,))
    assert t.meta["sizes"] == [4, 3, 2]
    v = values(t, "backward", 2)
    line = unit_line(t, 2, 0, "backward")
    for k in range(2):
        assert f"{_par(v['W_next'][k, 0])}·{_par(v['delta_next'][k])}" in line
    assert "½‖" in phase_html(t, t.find("loss"))


def test_every_word_is_translated(trace, monkeypatch):
    def loud(context, text):
        assert context == "formulas"
        return text.upper()
    monkeypatch.setattr(formulas, "translate", loud)
    monkeypatch.setattr(formulas, "word", str.upper)          # the core's words (the loss's name)
    assert phase_title(trace, 1) == "STEP 1 — FORWARD PASS, LAYER 2"
    assert "MEAN OVER THE B = 10" in plain(phase_html(trace, trace.find("gradient", 3)))
    assert "UNIT J = 1 OF LAYER 2" in plain(unit_line(trace, 2, 0, "forward"))
