"""The formula parser: right values, exact derivatives, and nothing unsafe gets through."""
import builtins

import numpy as np
import pytest

from nnviz.core.formula import MAX_LENGTH, FormulaError, parse_formula

# (typed text, the same as a Python function of NumPy arrays)
CASES = [
    ("x**2 - y**2", lambda x, y: x ** 2 - y ** 2),
    ("sin(x)*cos(y) + 0.1*x^2", lambda x, y: np.sin(x) * np.cos(y) + 0.1 * x ** 2),
    ("(1.5 - x + x*y)^2", lambda x, y: (1.5 - x + x * y) ** 2),
    ("exp(-(x^2 + y^2)/2) * tanh(x*y)", lambda x, y: np.exp(-(x ** 2 + y ** 2) / 2) * np.tanh(x * y)),
    ("log(1 + x^2) + sqrt(2 + y) / (3 + x)", lambda x, y: np.log(1 + x ** 2) + np.sqrt(2 + y) / (3 + x)),
    ("x**y + 2**(x*y)", lambda x, y: x ** y + 2 ** (x * y)),
    ("atan(x) + arctan(y/2) + arcsin(x/3) - acos(y/3)",
     lambda x, y: np.arctan(x) + np.arctan(y / 2) + np.arcsin(x / 3) - np.arccos(y / 3)),
    ("sinh(x) * cosh(y) + tan(x/4) - abs(y - 0.2)^3",
     lambda x, y: np.sinh(x) * np.cosh(y) + np.tan(x / 4) - np.abs(y - 0.2) ** 3),
    ("pi*x - e*y + -(+x) - 1e-1*y", lambda x, y: np.pi * x - np.e * y - x - 0.1 * y),
    ("max(x, y)^2 + min(x*y, 1)", lambda x, y: np.maximum(x, y) ** 2 + np.minimum(x * y, 1)),
    (" x − y × 2 ", lambda x, y: x - y * 2),
]
# points where every case is smooth (x, y > 0, away from kinks of abs, min and max)
X = np.array([0.7, 1.3, 2.1, 0.45])
Y = np.array([0.35, 0.9, 1.6, 1.1])


def central(fn, x, y, h=1e-5):
    return (fn(x + h, y) - fn(x - h, y)) / (2 * h), (fn(x, y + h) - fn(x, y - h)) / (2 * h)


@pytest.mark.parametrize("text, ref", CASES, ids=[c[0] for c in CASES])
def test_values_gradient_and_hessian(text, ref):
    F = parse_formula(text)
    assert F.text == text
    assert np.allclose(F.f(X, Y), ref(X, Y), rtol=1e-14, atol=1e-14)
    gx, gy = F.grad(X, Y)
    cx, cy = central(ref, X, Y)
    assert np.allclose(gx, cx, rtol=1e-7, atol=1e-7) and np.allclose(gy, cy, rtol=1e-7, atol=1e-7)
    fxx, fxy, fyy = F.hess(X, Y)
    (cxx, cxy), (cyx, cyy) = central(lambda x, y: F.grad(x, y)[0], X, Y), \
        central(lambda x, y: F.grad(x, y)[1], X, Y)
    for got, want in ((fxx, cxx), (fxy, cxy), (fxy, cyx), (fyy, cyy)):
        assert np.allclose(got, want, rtol=1e-6, atol=1e-6)


def test_exact_derivatives_of_a_hand_worked_formula():
    F = parse_formula("x^3*y + sin(y)")                   # f_x = 3x²y, f_y = x³ + cos y
    gx, gy = F.grad(2.0, 0.5)
    assert gx == 3 * 4 * 0.5 and gy == 8 + np.cos(0.5)
    fxx, fxy, fyy = F.hess(2.0, 0.5)                      # 6xy, 3x², −sin y
    assert (fxx, fxy, fyy) == (6 * 2 * 0.5, 12.0, -np.sin(0.5))
    assert F.grad_text == ("3 * x ** 2 * y", "x ** 3 + cos(y)")


def test_broadcasting_and_undefined_points():
    F = parse_formula("log(x) + 0*y + 1")
    xs, ys = np.meshgrid(np.linspace(-1, 1, 5), np.linspace(0, 1, 3))
    assert F.f(xs, ys).shape == (3, 5)
    assert F.grad(1.0, np.zeros(4))[1].shape == (4,)
    assert F.hess(2.0, 3.0)[1].shape == ()
    assert np.isnan(F.f(-1.0, 0.0)) and np.isneginf(F.f(0.0, 0.0))   # no warning, no exception
    assert np.all(parse_formula("3").grad(xs, ys)[0] == 0)


REJECTED = {
    "x.__class__": "attribute access '.__class__'",
    "x[0]": "subscript",
    "foo(x)": "unknown function 'foo'",
    "sin(x=1)": "keyword arguments",
    "lambda: 1": "lambda",
    "[x for x in y]": "comprehension",
    "(x for x in y)": "comprehension",
    "'x'": "str 'x'",
    "b'x'": "bytes",
    "import os": "import",
    "from os import system": "import",
    "__import__('os').system('echo hacked')": "attribute access '.system'",
    "__import__('os')": "unknown function '__import__'",
    "os.system('echo hacked')": "attribute access '.system'",
    "x < y": "comparison",
    "x if y else 1": "conditional expression",
    "x and y": "boolean operator",
    "not x": "operator 'not'",
    "x % 2": "operator '%'",
    "(x := 2)": "assignment ':='",
    "sin(*x)": "starred",
    "f'{x}'": "f-string",
    "x, y": "tuple",
    "{x: y}": "dict",
    "10**10**10": "exponent 1e+10 too large",
    "x^1000": "exponent 1000 too large",
    "1e300^2": "not a finite number",
    "1e999": "number too large",
    "z + 1": "unknown name 'z'",
    "sin + x": "sin is a function",
    "min(x)": "min takes 2 arguments",
    "(x + 1)(2)": "only functions can be called",
    "2x": "write products with *",
    "x +* y": "not a formula",
    "": "empty formula",
    "x + ∞": "character '∞'",
    "x" * (MAX_LENGTH + 1): "too long",
    "(" * 60 + "x" + ")" * 60: "nested more than 50",
    "-" * 150 + "x": "nested too deeply",
}


@pytest.mark.parametrize("text", list(REJECTED), ids=[t[:30] for t in REJECTED])
def test_rejects_everything_outside_the_whitelist(text):
    with pytest.raises(FormulaError) as err:
        parse_formula(text)
    assert REJECTED[text] in str(err.value)
    assert isinstance(err.value, ValueError)


def test_the_column_points_at_the_culprit():
    with pytest.raises(FormulaError) as err:
        parse_formula("x + y.real")
    assert err.value.column == 5 and str(err.value).endswith("at column 5")
    with pytest.raises(FormulaError) as err:       # columns count the typed text, not the x^ → x** rewrite
        parse_formula("x^2 ^ 3 + q")
    assert err.value.column == 11


def test_nothing_of_a_rejected_formula_runs(tmp_path, capsys, monkeypatch):
    calls = []
    monkeypatch.setattr(builtins, "boom", lambda *a: calls.append(a), raising=False)
    target = tmp_path / "created"
    for text in ("boom(1)", "print('boom')", f"open({str(target)!r}, 'w')",
                 "__import__('os').system('echo hacked')", f"sin(open({str(target)!r}, 'w'))",
                 "exec('import os')", "eval('1')", "globals()", "().__class__.__bases__[0]"):
        with pytest.raises(FormulaError):
            parse_formula(text)
    assert calls == [] and not target.exists() and capsys.readouterr().out == ""
