"""The lecture's formulas with the numbers of one training step written in (lecture §7, README's tour).

Pure functions, no widgets: each turns part of a :class:`~nnviz.core.trace.Trace`
into Qt rich text (the HTML subset a QLabel or QTextBrowser renders: <sub>,
<sup>, <i>, tables, Greek letters as Unicode) in the lecture's notation:

- :func:`phase_title` / :func:`phase_html`: one phase of the step — the forward
  pass of layer l, the loss L_n, the output delta δ^(L), the δ recursion of a
  hidden layer, the gradient ∂L/∂W^(l), the update of W^(l);
- :func:`unit_line`: one unit j of layer l, every term of its sum written out;
- :func:`edge_line`: one weight w_ji^(l), its gradient and its update.

Indices j, i, k passed in are array indices from 0 (``W[l][j, i]``); the text
numbers units from 1, as the slides do. Vectors and matrices are drawn as
bracketed columns and grids; wide ones are cut to :data:`MAX_VEC` entries and
:data:`MAX_MAT` × :data:`MAX_MAT` with ⋮ and ⋯. Every English word goes
through ``QCoreApplication.translate("formulas", …)``; symbols stay as they are.
"""
from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP

from ..core.losses import LOSSES
from .i18n import translate, word

__all__ = ["num", "phase_title", "phase_titles", "phase_html", "unit_line", "edge_line",
           "MAX_VEC", "MAX_MAT"]

MAX_VEC, MAX_MAT = 8, 6          # longest vector / widest matrix drawn in full
MAX_TERMS = 48                   # longest sum written out term by term
MINUS = "\u2212"
F_NAMES = {"identity": "", "step": "step", "sigmoid": "σ", "tanh": "tanh", "arctan": "tan⁻¹",
           "relu": "ReLU", "prelu": "PReLU", "elu": "ELU", "softplus": "softplus",
           "softmax": "softmax"}
#: The matched outputs, named in the formulas' words.
OUTPUT_NAMES = {"identity": QT_TRANSLATE_NOOP("formulas", "identity"), "sigmoid": QT_TRANSLATE_NOOP("formulas", "logistic σ"),
                "softmax": QT_TRANSLATE_NOOP("formulas", "softmax")}
_BRACKET = "1px solid #333"
_GREY = "#666"


def loss_noun(loss):
    """The loss's name, e.g. "squared error", in the window's language."""
    return word(LOSSES[loss].noun) if loss in LOSSES else loss


# ------------------------------------------------------------------ numbers
def num(v):
    """``v`` compactly: ≤ 4 decimals without trailing zeros, true minus sign;
    magnitudes below 0.001 or from 10⁵ on as m·10<sup>e</sup>."""
    v = float(v)
    if not np.isfinite(v):
        return "NaN" if np.isnan(v) else ("∞" if v > 0 else MINUS + "∞")
    a = abs(v)
    if a == 0:
        return "0"
    if 1e-3 <= a < 1e5:
        s = f"{v:.4f}".rstrip("0").rstrip(".")
    else:
        m, e = f"{v:.2e}".split("e")
        s = f"{m.rstrip('0').rstrip('.')}·10<sup>{int(e)}</sup>"
    return s.replace("-", MINUS)


def _par(v):
    """``num(v)``, in parentheses when negative (a factor of a product)."""
    s = num(v)
    return f"({s})" if s.startswith(MINUS) else s


def _plain_len(html):
    """Characters ``html`` shows (tags dropped, each entity one character)."""
    return len(re.sub(r"&[a-z]+;", "x", re.sub(r"<[^>]+>", "", html)))


# ------------------------------------------------------------------ symbols
def sym(name, l=None, sub=None, T=False, italic=True):
    """A symbol with optional subscript and layer superscript: ``sym("w", 3, "21")``
    → <i>w</i><sub>21</sub><sup>(3)</sup>; ``T`` adds the transpose ᵀ."""
    s = f"<i>{name}</i>" if italic else name
    if sub is not None and sub != "":
        s += f"<sub>{sub}</sub>"
    sup = (f"({l})" if l is not None else "") + ("ᵀ" if T else "")
    return s + (f"<sup>{sup}</sup>" if sup else "")


def _lm(l, k):
    """The label of layer l + k as the slides write it: "l−1", "3", "l+1"."""
    if isinstance(l, int):
        return str(l + k)
    return l if k == 0 else f"{l}{MINUS if k < 0 else '+'}{abs(k)}"


def f_name(name):
    """The activation's display name, e.g. σ, tanh (identity: empty)."""
    return F_NAMES.get(name, name)


def _fz(name, arg):
    """f applied to ``arg`` as the slides write it: tanh(u), σ(u), or just u for identity."""
    f = f_name(name)
    return f"{f}({arg})" if f else arg


def index_text(*k):
    """Subscript of 0-based indices shown from 1: (1, 0) → "21" (comma if any ≥ 10)."""
    return ("," if max(k) >= 9 else "").join(str(a + 1) for a in k)


def _deriv(name, u, z, df):
    """f′(u) written out with numbers where the table gives a simple form."""
    if name == "tanh":
        return f"1 {MINUS} {_par(z)}² = {num(df)}"
    if name == "sigmoid":
        return f"{_par(z)}·(1 {MINUS} {_par(z)}) = {num(df)}"
    if name == "arctan":
        return f"1 / ({_par(u)}² + 1) = {num(df)}"
    return num(df)


# ------------------------------------------------------------------ layout
def _grid(A, max_rows, max_cols):
    """Strings of the entries of 2-D ``A``, cut to ≤ max_rows × max_cols with ⋮ ⋯ ⋱."""
    A = np.atleast_2d(np.asarray(A, dtype=float))
    n, m = A.shape

    def pick(size, most):
        return list(range(size)) if size <= most else [*range(most - 2), None, size - 1]
    rows, cols = pick(n, max_rows), pick(m, max_cols)
    return [["⋱" if r is None and c is None else "⋮" if r is None else "⋯" if c is None
             else num(A[r, c]) for c in cols] for r in rows]


def _matrix(A, max_rows=MAX_MAT, max_cols=MAX_MAT):
    """(html, width in characters) of ``A`` in square brackets, numbers right-aligned."""
    g = _grid(A, max_rows, max_cols)
    widths = [max(_plain_len(row[c]) for row in g) for c in range(len(g[0]))]
    html = []
    for k, row in enumerate(g):
        ends = ";".join(s for s, on in ((f"border-top:{_BRACKET}", k == 0),
                                        (f"border-bottom:{_BRACKET}", k == len(g) - 1)) if on)
        cells = "".join(f"<td align='{'center' if v in '⋮⋯⋱' else 'right'}' "
                        f"style='padding:1px 4px; white-space:nowrap'>{v}</td>" for v in row)
        html.append(f"<tr><td width='4' style='border-left:{_BRACKET};{ends}'></td>{cells}"
                    f"<td width='4' style='border-right:{_BRACKET};{ends}'></td></tr>")
    table = "<table cellspacing='0' cellpadding='0' style='border-collapse:collapse'>" \
            + "".join(html) + "</table>"
    return table, sum(w + 1.1 for w in widths) + 1.5


def M(label, A):
    """An equation item: matrix ``A`` (a 1-D array is drawn as a column) with ``label`` above."""
    A = np.asarray(A, dtype=float)
    return ("m", label, A.reshape(-1, 1) if A.ndim < 2 else A)


def O(text):
    """An equation item: an operator or a scalar between matrices ("=", "+", "− 0.03 ·")."""
    return ("o", "", f"<span style='white-space:nowrap'>&nbsp;{text}&nbsp;</span>")


def _render(items, max_cols):
    """[(label, html, width)] of ``items`` with matrices cut to ``max_cols`` columns.

    Vectors show up to MAX_VEC entries, unless a matrix of the same equation is
    cut to MAX_MAT rows: then all are, so that rows of equal length line up."""
    tall = any(x.shape[1] > 1 and x.shape[0] > MAX_MAT for kind, _, x in items if kind == "m")
    rows = MAX_MAT if tall else MAX_VEC
    out = []
    for kind, label, x in items:
        if kind == "o":
            out.append(("", x, _plain_len(x)))
        else:
            html, width = _matrix(x, rows, max_cols)
            out.append((label, html, max(width, 0.8 * _plain_len(label))))
    return out


def equation(items, max_chars=60):
    """Items (from :func:`M` and :func:`O`) as one row of bracketed matrices, labels
    above. Too wide for ``max_chars`` characters, matrices show fewer columns
    (down to 3: first, ⋯, last); still too wide, the row wraps, each new row
    starting with an operator (operators stay with the matrices after them)."""
    for max_cols in range(MAX_MAT, 2, -1):
        cells = _render(items, max_cols)
        if sum(c[2] for c in cells) <= max_chars:
            break
    chunks = []
    for item, cell in zip(items, cells):     # a chunk: operators, then the matrices they act on
        if not chunks or item[0] == "o" and chunks[-1][-1][0] != "o":
            chunks.append([(item[0], cell)])
        else:
            chunks[-1].append((item[0], cell))
    lines, width = [], 0.0
    for chunk in chunks:
        w = sum(cell[2] for _, cell in chunk)
        if lines and width + w <= max_chars:
            lines[-1].extend(chunk)
            width += w
        else:
            lines.append(list(chunk))
            width = w
    out = []
    for k, line in enumerate(lines):
        indent = "<td width='22'></td>" if k else ""
        labels = "".join(f"<td align='center' style='color:{_GREY}; padding:0 2px; white-space:nowrap'>"
                         f"{lab}</td>" for _, (lab, _, _) in line)
        cells = "".join(f"<td valign='middle' align='center'>{html}</td>" for _, (_, html, _) in line)
        out.append(f"<table cellspacing='2' cellpadding='0' style='margin-top:4px'>"
                   f"<tr>{indent}{labels}</tr><tr>{indent}{cells}</tr></table>")
    return "".join(out)


def _p(html, size=None, color=None, top=6):
    style = f"margin-top:{top}px; margin-bottom:0"
    if size:
        style += f"; font-size:{size}"
    if color:
        style += f"; color:{color}"
    return f"<p style='{style}'>{html}</p>"


def _formula(html):
    """A symbolic formula, set a little larger than the text."""
    return _p(html, size="large", top=8)


def _note(html):
    return _p(html, color=_GREY, top=6)


def _terms(strings, joiner=" + "):
    """Join sum terms, at most :data:`MAX_TERMS` of them, then "…"."""
    if len(strings) > MAX_TERMS:
        strings = [*strings[:MAX_TERMS - 1], "…", strings[-1]]
    return joiner.join(strings).replace(f"+ {MINUS}", f"{MINUS} ")


# ------------------------------------------------------------------ trace access
def _phase(trace, kind, layer):
    k = trace.find(kind, layer)
    return trace.phases[k].values if k >= 0 else None


def _L(trace):
    return len(trace.meta["sizes"])


def _act(trace, l):
    """The activation name of layer l ≥ 2 (the output layer's is meta["output"])."""
    acts = trace.meta.get("activations") or []
    return acts[l - 2] if 0 <= l - 2 < len(acts) else trace.meta.get("output", "")


def _batch(meta):
    """(B, reduction words, the reduction's symbol) of the step's minibatch."""
    B = len(meta.get("batch") or ()) or int(meta.get("batch_size") or 0)
    if meta.get("reduction") == "sum":
        return B, translate("formulas", "sum over the B = {0} samples of the minibatch").format(B), \
            "Σ<sub><i>n</i>∈<i>B</i></sub>"
    return B, translate("formulas", "mean over the B = {0} samples of the minibatch").format(B), \
        "(1/<i>B</i>) Σ<sub><i>n</i>∈<i>B</i></sub>"


def _penalty(meta):
    """The weight penalty's gradient term, e.g. " + λ₂W", or ""."""
    parts = []
    if meta.get("l1"):
        parts.append(f"λ₁ sign(<i>W</i>) (λ₁ = {num(meta['l1'])})")
    if meta.get("l2"):
        parts.append(f"λ₂ <i>W</i> (λ₂ = {num(meta['l2'])})")
    return " + ".join(parts)


# ------------------------------------------------------------------ phases
def phase_title(trace, index):
    """The slide's step this phase belongs to, e.g. "Step 3 — δ recursion, layer 2"."""
    p = trace.phases[index]
    l = p.layer
    if p.kind == "forward":
        return translate("formulas", "Step 1 — forward pass, layer {0}").format(l)
    if p.kind == "loss":
        return translate("formulas", "Loss of sample n")
    if p.kind == "output_delta":
        return translate("formulas", "Step 2 — output δ")
    if p.kind == "backward":
        return translate("formulas", "Step 3 — δ recursion, layer {0}").format(l)
    if p.kind == "gradient":
        return translate("formulas", "Step 4 — gradient, layer {0}").format(l)
    return translate("formulas", "Update, layer {0}").format(l)


def phase_titles(trace):
    """Every phase's title, in order."""
    return [phase_title(trace, k) for k in range(len(trace.phases))]


def phase_html(trace, index, max_chars=60):
    """Rich text of phase ``index``: title, what happens, the formula, the numbers.

    ``max_chars`` is about how many characters fit on one line; wider equations
    wrap onto further rows.
    """
    p = trace.phases[index]
    body = _PHASES[p.kind](trace, p, max_chars)
    return f"<h3 style='margin-bottom:2px'>{phase_title(trace, index)}</h3>" + body


def _forward(trace, p, w):
    l, v, meta = p.layer, p.values, trace.meta
    n = meta.get("sample", 0)
    if l == 1:
        x = sym("x", sub="<i>n</i>")
        return (_note(translate("formulas", "The input layer passes sample n = {0} on unchanged.").format(n))
                + _formula(f"{sym('z', 1)} = {x}")
                + equation([M(sym("z", 1), v["z"]), O("="), M(sym("x", sub=str(n)), v["z"])], w))
    L, name = _L(trace), _act(trace, l)
    f = f_name(name)
    what = translate("formulas", "Each unit j of layer {0} weighs the outputs of layer {1} by w_ji, adds its bias b_j, "
                                 "then applies f.").format(l, l - 1).replace("w_ji", sym("w", sub="<i>ji</i>")) \
        .replace("b_j", sym("b", sub="<i>j</i>"))
    fname = f or translate("formulas", "identity")
    out = _formula(f"{sym('u', l)} = {sym('W', l)} {sym('z', l - 1)} + {sym('b', l)}, &nbsp;&nbsp; "
                   f"{sym('z', l)} = <i>f</i>({sym('u', l)}), &nbsp; <i>f</i> = {fname}")
    eq1 = equation([M(sym("u", l), v["u"]), O("="), M(sym("W", l), v["W"]), M(sym("z", l - 1), v["z_prev"]),
                    O("+"), M(sym("b", l), v["b"])], w)
    eq2 = equation([M(sym("z", l), v["z"]), O("="), *([O(f)] if f else []), M(sym("u", l), v["u"])], w)
    tail = _note(translate("formulas", "y = z^(L) is the network's output.").replace("y", sym("y"))
                 .replace("z^(L)", sym("z", l))) if l == L else ""
    return _note(what) + out + eq1 + eq2 + tail


def _loss(trace, p, w):
    v, meta = p.values, trace.meta
    y, d, Ln = np.asarray(v["y"]), np.asarray(v["d"]), v["L"]
    loss, n = meta.get("loss", "squared"), meta.get("sample", 0)
    Lsym = sym("L", sub="<i>n</i>")
    K = len(y)
    if loss == "squared":
        rule = f"{Lsym} = ½‖{sym('y')} {MINUS} {sym('d')}‖² = ½ Σ<sub><i>k</i></sub> ({sym('y', sub='<i>k</i>')} " \
               f"{MINUS} {sym('d', sub='<i>k</i>')})²"
        terms = [f"({num(a)} {MINUS} {_par(b)})²" for a, b in zip(y, d)]
        numbers = f"½[{_terms(terms)}]"
    elif loss == "bce":
        dk, yk = (sym("d", sub="<i>k</i>"), sym("y", sub="<i>k</i>")) if K > 1 else (sym("d"), sym("y"))
        inner = f"{dk} log {yk} + (1 {MINUS} {dk}) log(1 {MINUS} {yk})"
        rule = f"{Lsym} = {MINUS}{'Σ<sub><i>k</i></sub> ' if K > 1 else ''}{{{inner}}}"
        terms = [f"{{{num(b)}·log {num(a)} + {num(1 - b)}·log {num(1 - a)}}}" for a, b in zip(y, d)]
        numbers = f"{MINUS}{terms[0]}" if K == 1 else f"{MINUS}[{_terms(terms)}]"
    else:
        rule = f"{Lsym} = {MINUS}Σ<sub><i>k</i></sub> {sym('d', sub='<i>k</i>')} log {sym('y', sub='<i>k</i>')}"
        terms = [f"{num(b)}·log {num(a)}" for a, b in zip(y, d) if b != 0] or ["0"]
        numbers = f"{MINUS}({_terms(terms)})"
    name = loss_noun(loss)
    out = _note(translate("formulas", "How far the output y is from the teacher signal d of sample n = {0} ({1}).")
                .format(n, name).replace(" y ", f" {sym('y')} ").replace(" d ", f" {sym('d')} "))
    out += _formula(rule)
    out += equation([M(sym("y") + " = " + sym("z", _L(trace)), y), O("&nbsp;"),
                     M(sym("d", sub=str(n)), d)], w)
    out += _p(f"{Lsym} = {numbers} = <b>{num(Ln)}</b>", top=8)
    if "batch_loss" in meta:
        B, how, _ = _batch(meta)
        out += _note(translate("formulas", "Loss of the whole minibatch in this step: L = {0} ({1}), before the update.")
                     .format(num(meta["batch_loss"]), how).replace("L =", sym("L") + " ="))
    return out


def _output_delta(trace, p, w):
    v, meta = p.values, trace.meta
    L = p.layer
    dL = sym("δ", L)
    head = _note(translate("formulas", "δ_j = ∂L_n/∂u_j: how much the loss changes when u_j changes.")
                 .replace("δ_j", sym("δ", sub="<i>j</i>")).replace("u_j", sym("u", sub="<i>j</i>"))
                 .replace("L_n", sym("L", sub="<i>n</i>")))
    if v.get("matched", True):
        out = head + _formula(f"{dL} = ∂{sym('L', sub='<i>n</i>')}/∂{sym('u', L)} = {sym('z', L)} {MINUS} {sym('d')}")
        out += equation([M(dL, v["delta"]), O("="), M(sym("z", L), v["z"]), O(MINUS), M(sym("d"), v["d"])], w)
        out_name = translate("formulas", OUTPUT_NAMES.get(meta.get("output"), meta.get("output", "")))
        pair = f"{out_name} + {loss_noun(meta.get('loss', ''))}"
        out += _note(translate("formulas", "({0}) is a matched output/loss pair, so the chain rule reduces to z − d.")
                     .format(pair).replace("z − d", f"{sym('z')} {MINUS} {sym('d')}"))
        return out
    dLdz = f"∂{sym('L', sub='<i>n</i>')}/∂{sym('z', L)}"
    if "df" in v:
        out = head + _formula(f"{dL} = <i>f</i>′({sym('u', L)}) ⊙ {dLdz}")
        out += equation([M(dL, v["delta"]), O("="), M(f"<i>f</i>′({sym('u', L)})", v["df"]), O("⊙"),
                         M(dLdz, v["dLdz"])], w)
    else:
        g, z = np.asarray(v["dLdz"]), np.asarray(v["z"])
        jacobian_word = translate("formulas", "softmax Jacobian")
        out = head + _formula(f"{dL} = {sym('z', L)} ⊙ ({dLdz} {MINUS} ({sym('z', L, T=True)} {dLdz}) 1)"
                              f" &nbsp; ({jacobian_word})")
        out += equation([M(dL, v["delta"]), O("="), M(sym("z", L), z), O("⊙ ("), M(dLdz, g),
                         O(f"{MINUS} {_par(float(z @ g))} )")], w)
    out += _note(translate("formulas", "This output/loss pair is not matched: the general chain rule is in force, "
                                       "not δ = z − d.").replace("δ = z − d", f"{sym('δ')} = {sym('z')} {MINUS} {sym('d')}"))
    return out


def _backward(trace, p, w):
    l, v = p.layer, p.values
    nxt = l + 1
    name = _act(trace, l)
    s = np.asarray(v["W_next"]).T @ np.asarray(v["delta_next"])
    out = _note(translate("formulas", "Each unit collects the δ of layer {0} through the weights it feeds, "
                                      "then multiplies by the slope f′ of its own activation: only local information.")
                .format(nxt))
    identity_word = translate("formulas", "identity")
    out += _formula(f"{sym('δ', l)} = <i>f</i>′({sym('u', l)}) ⊙ {sym('W', nxt, T=True)} {sym('δ', nxt)}"
                    f", &nbsp; <i>f</i> = {f_name(name) or identity_word}")
    out += _p(f"{sym('δ', sub='<i>j</i>', l=l)} = <i>f</i>′({sym('u', sub='<i>j</i>', l=l)}) "
              f"Σ<sub><i>k</i></sub> {sym('w', sub='<i>kj</i>', l=nxt)} {sym('δ', sub='<i>k</i>', l=nxt)}",
              color=_GREY, top=2)
    wd = f"{sym('W', nxt, T=True)}{sym('δ', nxt)}"
    out += equation([M(wd, s), O("="), M(sym("W", nxt, T=True), np.asarray(v["W_next"]).T),
                     M(sym("δ", nxt), v["delta_next"])], w)
    out += equation([M(sym("δ", l), v["delta"]), O("="), M(f"<i>f</i>′({sym('u', l)})", v["df"]),
                     O("⊙"), M(wd, s)], w)
    return out


def _gradient(trace, p, w):
    l, v, meta = p.layer, p.values, trace.meta
    Ln = sym("L", sub="<i>n</i>")
    out = _note(translate("formulas", "Every weight's gradient is the δ of the unit it feeds times the output of the "
                                      "unit it comes from."))
    out += _formula(f"∂{Ln}/∂{sym('W', l)} = {sym('δ', l)} {sym('z', _lm(l, -1), T=True)}, &nbsp;&nbsp; "
                    f"∂{Ln}/∂{sym('b', l)} = {sym('δ', l)}")
    out += equation([M(f"∂{Ln}/∂{sym('W', l)}", v["dW_n"]), O("="), M(sym("δ", l), v["delta"]),
                     M(sym("z", l - 1, T=True), np.atleast_2d(v["z_prev"]))], w)
    B, how, red = _batch(meta)
    pen = _penalty(meta)
    used_by_update = translate("formulas", "Used by the update")
    out += _p(f"<b>{used_by_update}:</b> ∂<i>L</i>/∂{sym('W', l)} = {red} ∂{Ln}/∂{sym('W', l)}"
              + (f" + {pen}" if pen else "") + f" &nbsp;<span style='color:{_GREY}'>({how})</span>", top=10)
    out += equation([M(f"∂<i>L</i>/∂{sym('W', l)}", v["dW"]), O("&nbsp;"),
                     M(f"∂<i>L</i>/∂{sym('b', l)}", v["db"])], w)
    if meta.get("batch") is not None and not meta.get("sample_in_batch", True):
        out += _note(translate("formulas", "Sample n = {0} is not in this minibatch: its own gradient is shown to follow "
                                           "the recursion; the update uses the minibatch's.").format(meta.get("sample", 0)))
    return out


def _update(trace, p, w):
    l, v, meta = p.layer, p.values, trace.meta
    eps, mu, opt = meta.get("eps", 0.0), meta.get("mu", 0.0), meta.get("optimizer", "plain")
    W, g = sym("W", l), f"∂<i>L</i>/∂{sym('W', l)}"
    after_word, before_word = translate("formulas", "after"), translate("formulas", "before")
    if "v_before" in v:
        out = _formula(f"{W} ← {W} {MINUS} ε {g} + μ {sym('v', sub=None)}<sup><i>t</i></sup>, &nbsp; "
                       f"{sym('v')}<sup><i>t</i></sup> = {sym('W')}<sup><i>t</i></sup> {MINUS} "
                       f"{sym('W')}<sup><i>t</i>−1</sup>")
        out += _p(f"ε = {num(eps)}, &nbsp; μ = {num(mu)}", top=2)
        out += equation([M(f"{W} {after_word}", v["W_after"]), O("="), M(f"{W} {before_word}", v["W_before"]),
                         O(f"{MINUS} {num(eps)} ·"), M(g, v["dW"]), O(f"+ {num(mu)} ·"),
                         M(f"{sym('v')}<sup><i>t</i></sup>", v["v_before"])], w)
        out += _note(translate("formulas", "The momentum term μ v keeps part of the last change: the inertia of the "
                                           "heavy ball.").replace("μ v", f"μ {sym('v')}"))
    elif opt == "plain":
        out = _formula(f"{W} ← {W} {MINUS} ε {g} &nbsp; ({sym('W')} ← {sym('W')} {MINUS} ε∇<i>L</i>)")
        out += _p(f"ε = {num(eps)}", top=2)
        out += equation([M(f"{W} {after_word}", v["W_after"]), O("="), M(f"{W} {before_word}", v["W_before"]),
                         O(f"{MINUS} {num(eps)} ·"), M(g, v["dW"])], w)
    else:
        out = _formula(f"Δ{W} = {W}<sub>{after_word}</sub> {MINUS} {W}<sub>{before_word}</sub>")
        out += equation([M(f"Δ{W}", np.asarray(v["W_after"]) - np.asarray(v["W_before"])), O("="),
                         M(f"{W} {after_word}", v["W_after"]), O(MINUS), M(f"{W} {before_word}", v["W_before"])], w)
        out += _note(translate("formulas", "The {0} rule scales each weight's step by its own history, so the change "
                                           "is not simply −ε ∂L/∂W (ε = {1}).").format(opt, num(eps)))
    out += _note(translate("formulas", "The biases b are updated by the same rule.").replace(" b ", f" {sym('b', l)} "))
    return out


_PHASES = {"forward": _forward, "loss": _loss, "output_delta": _output_delta, "backward": _backward,
           "gradient": _gradient, "update": _update}


# ------------------------------------------------------------------ units and edges
def _sum_line(pairs):
    """" w₁·z₁ + w₂·z₂ + …" with numbers, from (a, b) pairs."""
    return _terms([f"{_par(a)}·{_par(b)}" for a, b in pairs])


def _forward_unit(trace, l, j):
    if l == 1:
        x = _phase(trace, "forward", 1)["z"]
        return f"{sym('z', 1, index_text(j))} = {sym('x', sub=index_text(j))} = <b>{num(x[j])}</b>"
    v = _phase(trace, "forward", l)
    W, zp, b, u, z = v["W"], v["z_prev"], v["b"], v["u"], v["z"]
    jj = index_text(j)
    line = (f"{sym('u', l, jj)} = Σ<sub><i>i</i></sub> {sym('w', l, jj + '<i>i</i>')} "
            f"{sym('z', l - 1, '<i>i</i>')} + {sym('b', l, jj)} = "
            f"{_sum_line(zip(W[j], zp))} + {_par(b[j])} = <b>{num(u[j])}</b>")
    name = _act(trace, l)
    if name == "softmax":
        zl = f"{sym('z', l, jj)} = exp({sym('u', l, jj)}) / Σ<sub><i>k</i></sub> exp({sym('u', l, '<i>k</i>')}) " \
             f"= <b>{num(z[j])}</b>"
    else:
        zl = f"{sym('z', l, jj)} = {_fz(name, sym('u', l, jj))} = {_fz(name, num(u[j]))} = <b>{num(z[j])}</b>"
    return line + "<br>" + zl


def _delta_unit(trace, l, j):
    L = _L(trace)
    jj = index_text(j)
    if l == 1:
        return translate("formulas", "The input layer has no δ: ∂L/∂w of the weights leaving it uses its outputs z = x.") \
            .replace("z = x", f"{sym('z', 1)} = {sym('x')}")
    if l == L:
        v = _phase(trace, "output_delta", L)
        if v.get("matched", True):
            return (f"{sym('δ', L, jj)} = {sym('z', L, jj)} {MINUS} {sym('d', sub=jj)} = "
                    f"{num(v['z'][j])} {MINUS} {_par(v['d'][j])} = <b>{num(v['delta'][j])}</b>")
        if "df" in v:
            return (f"{sym('δ', L, jj)} = <i>f</i>′({sym('u', L, jj)}) ∂<i>L</i>/∂{sym('z', L, jj)} = "
                    f"{_par(v['df'][j])}·{_par(v['dLdz'][j])} = <b>{num(v['delta'][j])}</b>")
        z, g = np.asarray(v["z"]), np.asarray(v["dLdz"])
        return (f"{sym('δ', L, jj)} = {sym('z', L, jj)} (∂<i>L</i>/∂{sym('z', sub=jj)} {MINUS} Σ<sub><i>k</i></sub> "
                f"{sym('z', sub='<i>k</i>')} ∂<i>L</i>/∂{sym('z', sub='<i>k</i>')}) = {_par(z[j])}·({num(g[j])} "
                f"{MINUS} {_par(float(z @ g))}) = <b>{num(v['delta'][j])}</b>")
    v = _phase(trace, "backward", l)
    Wn, dn, df, delta = v["W_next"], v["delta_next"], v["df"], v["delta"]
    fw = _phase(trace, "forward", l)
    s = float(Wn[:, j] @ dn)
    nx = l + 1
    k = "<i>k</i>"
    identity_word = translate("formulas", "identity")
    return (f"{sym('δ', l, jj)} = <i>f</i>′({sym('u', l, jj)}) Σ<sub><i>k</i></sub> "
            f"{sym('w', nx, k + jj)} {sym('δ', nx, k)}<br>"
            f"&nbsp;&nbsp;= {_par(df[j])}·({_sum_line(zip(Wn[:, j], dn))})<br>"
            f"&nbsp;&nbsp;= {_par(df[j])}·{_par(s)} = <b>{num(delta[j])}</b><br>"
            f"<span style='color:{_GREY}'><i>f</i>′({sym('u', l, jj)}) = "
            f"{_deriv(_act(trace, l), fw['u'][j], fw['z'][j], df[j])}, &nbsp; "
            f"{sym('u', l, jj)} = {num(fw['u'][j])}, <i>f</i> = {f_name(_act(trace, l)) or identity_word}</span>")


def _bias_update(trace, l, j):
    v = _phase(trace, "update", l)
    return _rule(trace, sym("b", l, index_text(j)), v["b_before"][j], v["db"][j],
                 v["vb_before"][j] if "vb_before" in v else None, v["b_after"][j])


def _rule(trace, s, before, grad, vel, after):
    """The update of one parameter ``s`` with its numbers."""
    eps, opt = trace.meta.get("eps", 0.0), trace.meta.get("optimizer", "plain")
    g = f"∂<i>L</i>/∂{s}"
    if vel is not None:
        mu = trace.meta.get("mu", 0.0)
        return (f"{s} ← {s} {MINUS} ε {g} + μ <i>v</i> = {num(before)} {MINUS} {num(eps)}·{_par(grad)} + "
                f"{num(mu)}·{_par(vel)} = <b>{num(after)}</b>")
    if opt == "plain":
        return f"{s} ← {s} {MINUS} ε {g} = {num(before)} {MINUS} {num(eps)}·{_par(grad)} = <b>{num(after)}</b>"
    return (f"Δ{s} = {num(after)} {MINUS} {_par(before)} = <b>{num(after - before)}</b> "
            f"<span style='color:{_GREY}'>({opt}; ∂<i>L</i>/∂{s} = {num(grad)})</span>")


def _head(text):
    return f"<b>{text}</b><br>"


def unit_line(trace, l, j, kind=None):
    """Rich text for unit ``j`` (from 0) of layer ``l``, for a phase of ``kind``.

    forward, loss → u_j = Σ_i w_ji z_i + b_j with every term, and z_j = f(u_j);
    output_delta, backward, gradient → δ_j (z_j − d_j at the output; f′(u_j) Σ_k w_kj δ_k
    with every term for hidden layers) and, in gradient phases, ∂L/∂b_j;
    update → the bias update; None → all of them.
    """
    L = _L(trace)
    head = _head(translate("formulas", "Unit j = {0} of layer {1}").format(j + 1, l))
    parts = []
    if kind in (None, "forward", "loss"):
        parts.append(_forward_unit(trace, l, j))
        if kind == "loss" and l == L:
            d = _phase(trace, "loss", L)["d"]
            parts.append(f"{sym('y', sub=index_text(j))} = {num(_phase(trace, 'loss', L)['y'][j])}, &nbsp; "
                         f"{sym('d', sub=index_text(j))} = {num(d[j])}")
    if kind in (None, "output_delta", "backward", "gradient"):
        if kind == "output_delta" and l < L:
            parts.append(_forward_unit(trace, l, j))
        else:
            parts.append(_delta_unit(trace, l, j))
        if kind in (None, "gradient") and l > 1:
            v = _phase(trace, "gradient", l)
            B, how, _ = _batch(trace.meta)
            parts.append(f"∂{sym('L', sub='<i>n</i>')}/∂{sym('b', l, index_text(j))} = {sym('δ', l, index_text(j))} = "
                         f"{num(v['db_n'][j])}; &nbsp; ∂<i>L</i>/∂{sym('b', l, index_text(j))} = <b>{num(v['db'][j])}</b> "
                         f"<span style='color:{_GREY}'>({how})</span>")
    if kind in (None, "update"):
        parts.append(_bias_update(trace, l, j) if l > 1 else translate("formulas", "Inputs are data, not parameters: "
                                                                                   "nothing to update."))
    return head + "<br>".join(parts)


def edge_line(trace, l, j, i, kind=None):
    """Rich text for weight w_ji^(l) = ``W[l][j, i]`` (j, i from 0): in forward phases
    its share w_ji z_i of u_j; always its gradient ∂L_n/∂w_ji = δ_j z_i with the
    numbers, the minibatch gradient the update used, and the update itself."""
    ji = index_text(j, i)
    w = sym("w", l, ji)
    head = _head(translate("formulas", "Weight from unit i = {0} of layer {1} to unit j = {2} of layer {3}")
                 .format(i + 1, l - 1, j + 1, l))
    fw = _phase(trace, "forward", l)
    parts = [f"{w} = {num(fw['W'][j, i])}"]
    if kind in ("forward", "loss"):
        its_term_in = translate("formulas", "its term in")
        parts[0] += (f"; &nbsp; {w} {sym('z', l - 1, index_text(i))} = {_par(fw['W'][j, i])}·{_par(fw['z_prev'][i])} = "
                     f"<b>{num(fw['W'][j, i] * fw['z_prev'][i])}</b> "
                     f"<span style='color:{_GREY}'>({its_term_in} {sym('u', l, index_text(j))})</span>")
    g = _phase(trace, "gradient", l)
    B, how, _ = _batch(trace.meta)
    Ln = sym("L", sub="<i>n</i>")
    parts.append(f"∂{Ln}/∂{w} = {sym('δ', l, index_text(j))} {sym('z', l - 1, index_text(i))} = "
                 f"{_par(g['delta'][j])}·{_par(g['z_prev'][i])} = <b>{num(g['dW_n'][j, i])}</b>")
    penalty_included = translate("formulas", "penalty included")
    parts.append(f"∂<i>L</i>/∂{w} = <b>{num(g['dW'][j, i])}</b> <span style='color:{_GREY}'>({how}"
                 + (f"; {penalty_included}" if _penalty(trace.meta) else "") + ")</span>")
    u = _phase(trace, "update", l)
    vel = u["v_before"][j, i] if "v_before" in u else None
    parts.append(_rule(trace, w, u["W_before"][j, i], u["dW"][j, i], vel, u["W_after"][j, i]))
    return head + "<br>".join(parts)
