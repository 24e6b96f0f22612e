"""A typed 2-D formula f(x, y), parsed safely, with its exact gradient and Hessian.

The text is never given to ``eval``, ``exec`` or ``compile``. It is parsed with
``ast.parse(text, mode="eval")`` and the tree is walked against a whitelist:

* numbers (finite), the names ``x``, ``y``, ``pi``, ``e``;
* unary ``+ -``, binary ``+ - * / **`` (``^`` is read as ``**``), parentheses;
* calls, by bare name, of :data:`FUNCTIONS` (one argument) and ``min``/``max``
  (two arguments).

Everything else raises :class:`FormulaError` naming the construct and its
column. Limits: at most :data:`MAX_LENGTH` characters, brackets nested at most
:data:`MAX_NESTING` deep, constant exponents at most :data:`MAX_EXPONENT` in size.

The accepted tree becomes a small expression graph (shared sub-expressions are
stored once). Its derivatives are built symbolically on that graph, rule by
rule, so the gradient and the Hessian are exact, not finite differences. Each
node is compiled into a closure calling one NumPy function; evaluation runs the
needed closures in order on arrays x, y of any broadcastable shapes.
"""
from __future__ import annotations

import ast
import math
import re

import numpy as np

from .errors import InputError, Term

__all__ = ["FormulaError", "Formula", "parse_formula", "FUNCTIONS", "MAX_LENGTH",
           "MAX_NESTING", "MAX_EXPONENT"]

MAX_LENGTH, MAX_NESTING, MAX_EXPONENT, MAX_NODES = 500, 50, 100, 20000

#: One-argument functions: name → (NumPy function, f'(a) built from the graph g,
#: the argument a and the node s = f(a) itself). Each derivative sits beside its function.
FUNCTIONS = {
    "sin": (np.sin, lambda g, a, s: g.call("cos", a)),
    "cos": (np.cos, lambda g, a, s: g.neg(g.call("sin", a))),
    "tan": (np.tan, lambda g, a, s: g.div(g.const(1), g.pow(g.call("cos", a), g.const(2)))),
    "exp": (np.exp, lambda g, a, s: s),
    "log": (np.log, lambda g, a, s: g.div(g.const(1), a)),
    "sqrt": (np.sqrt, lambda g, a, s: g.div(g.const(0.5), s)),
    "abs": (np.abs, lambda g, a, s: g.call("sign", a)),
    "sign": (np.sign, lambda g, a, s: g.const(0)),
    "tanh": (np.tanh, lambda g, a, s: g.sub(g.const(1), g.pow(s, g.const(2)))),
    "sinh": (np.sinh, lambda g, a, s: g.call("cosh", a)),
    "cosh": (np.cosh, lambda g, a, s: g.call("sinh", a)),
    "arctan": (np.arctan, lambda g, a, s: g.pow(g.add(g.const(1), g.pow(a, g.const(2))), g.const(-1))),
    "arcsin": (np.arcsin, lambda g, a, s: g.pow(g.sub(g.const(1), g.pow(a, g.const(2))), g.const(-0.5))),
    "arccos": (np.arccos, lambda g, a, s: g.neg(FUNCTIONS["arcsin"][1](g, a, s))),
}
ALIASES = {"atan": "arctan", "asin": "arcsin", "acos": "arccos", "ln": "log"}
CONSTANTS = {"pi": math.pi, "e": math.e}
_BINARY = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide, "**": np.power}
_AST_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**"}
_REJECTED = {ast.Subscript: Term("subscript [...]"), ast.Lambda: Term("lambda"),
             ast.ListComp: Term("comprehension"), ast.SetComp: Term("comprehension"),
             ast.DictComp: Term("comprehension"), ast.GeneratorExp: Term("comprehension"),
             ast.Compare: Term("comparison"), ast.BoolOp: Term("boolean operator (and/or)"),
             ast.IfExp: Term("conditional expression (... if ... else ...)"),
             ast.NamedExpr: Term("assignment ':='"), ast.Starred: Term("starred argument"),
             ast.JoinedStr: Term("f-string"), ast.List: Term("list"), ast.Tuple: Term("tuple (a comma)"),
             ast.Set: Term("set"), ast.Dict: Term("dict"), ast.Slice: Term("slice")}
_SYMBOLS = {ast.Not: "not", ast.Invert: "~", ast.Mod: "%", ast.FloorDiv: "//", ast.MatMult: "@",
            ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^", ast.LShift: "<<", ast.RShift: ">>"}
_UNICODE = {"−": "-", "×": "*", "·": "*", "÷": "/", "^": "**"}


AT_COLUMN = Term("{reason} at column {column}")     # a FormulaError's text, where it points


class FormulaError(InputError):
    """The text is not an allowed formula. ``column`` (1-based) points at the culprit."""

    def __init__(self, template, /, column=None, **fields):
        self.column = column
        if column is None:
            super().__init__(template, **fields)
        else:
            super().__init__(AT_COLUMN, reason=InputError(template, **fields), column=column)


class _Graph:
    """Expression nodes as tuples (op, *args), interned: one id per distinct node.

    Children always have smaller ids than their parents, so ids are a topological order.
    The builders fold constants and drop 0 and 1 terms to keep derivatives short.
    """

    def __init__(self):
        self.nodes, self._ids, self._d = [], {}, {}

    def _node(self, *key):
        i = self._ids.get(key)
        if i is None:
            i = self._ids[key] = len(self.nodes)
            self.nodes.append(key)
        return i

    def value(self, i):
        """The number node i stands for, or None when it depends on x or y."""
        n = self.nodes[i]
        return n[1] if n[0] == "c" else None

    def const(self, v):
        return self._node("c", float(v))

    def var(self, name):
        return self._node(name)

    def _fold(self, fn, *args):
        vals = [self.value(a) for a in args]
        if any(v is None for v in vals):
            return None
        with np.errstate(all="ignore"):
            v = float(fn(*vals))
        return self.const(v) if math.isfinite(v) else None

    def binary(self, op, a, b):
        va, vb = self.value(a), self.value(b)
        folded = self._fold(_BINARY[op], a, b)
        if folded is not None:
            return folded
        if op == "+" and va == 0 or op == "*" and va == 1:
            return b
        if op in "+-" and vb == 0 or op in ("*", "/", "**") and vb == 1:
            return a
        if op == "*" and (va == 0 or vb == 0) or op == "/" and va == 0:
            return self.const(0)
        if op == "-" and va == 0:
            return self.neg(b)
        if op == "**" and vb == 0:
            return self.const(1)
        return self._node(op, a, b)

    def add(self, a, b): return self.binary("+", a, b)       # noqa: E704
    def sub(self, a, b): return self.binary("-", a, b)       # noqa: E704
    def mul(self, a, b): return self.binary("*", a, b)       # noqa: E704
    def div(self, a, b): return self.binary("/", a, b)       # noqa: E704
    def pow(self, a, b): return self.binary("**", a, b)      # noqa: E704

    def neg(self, a):
        n = self.nodes[a]
        if n[0] == "neg":
            return n[1]
        return self.const(-n[1]) if n[0] == "c" else self._node("neg", a)

    def call(self, name, a):
        folded = self._fold(FUNCTIONS[name][0], a)
        return folded if folded is not None else self._node(name, a)

    def select(self, a, b, p, q):
        """p where a ≤ b, else q (min and max; differentiated branch by branch)."""
        return p if p == q else self._node("sel", a, b, p, q)

    def diff(self, i, v):
        """The id of ∂(node i)/∂v for v in {"x", "y"} (memoised)."""
        key = (i, v)
        if key not in self._d:
            self._d[key] = self._diff(i, v)
        return self._d[key]

    def _diff(self, i, v):
        op, *args = self.nodes[i]
        if op == "c":
            return self.const(0)
        if op in ("x", "y"):
            return self.const(op == v)
        if op == "sel":
            a, b, p, q = args
            return self.select(a, b, self.diff(p, v), self.diff(q, v))
        da = self.diff(args[0], v)
        if op == "neg":
            return self.neg(da)
        if op in FUNCTIONS:
            return self.mul(FUNCTIONS[op][1](self, args[0], i), da)
        a, b = args
        db = self.diff(b, v)
        if op in "+-":
            return self.binary(op, da, db)
        if op == "*":
            return self.add(self.mul(da, b), self.mul(a, db))
        if op == "/":
            return self.div(self.sub(self.mul(da, b), self.mul(a, db)), self.mul(b, b))
        p = self.value(b)                                   # op == "**"
        if p is not None:                                   # d a^p = p a^(p−1) da
            return self.mul(self.mul(b, self.pow(a, self.const(p - 1))), da)
        # d a^b = a^b (db log a + b da / a)
        return self.mul(i, self.add(self.mul(db, self.call("log", a)), self.div(self.mul(b, da), a)))

    def closure(self, i):
        """Node i as a function of (vals, x, y), vals holding its children's values."""
        op, *args = self.nodes[i]
        if op == "c":
            value = args[0]
            return lambda vals, x, y: value
        if op == "x":
            return lambda vals, x, y: x
        if op == "y":
            return lambda vals, x, y: y
        if op == "sel":
            a, b, p, q = args
            return lambda vals, x, y: np.where(vals[a] <= vals[b], vals[p], vals[q])
        if op == "neg":
            a = args[0]
            return lambda vals, x, y: np.negative(vals[a])
        if op in FUNCTIONS:
            fn, a = FUNCTIONS[op][0], args[0]
            return lambda vals, x, y: fn(vals[a])
        fn, (a, b) = _BINARY[op], args
        return lambda vals, x, y: fn(vals[a], vals[b])

    def text(self, i, memo=None):
        """(string, precedence) of node i in Python syntax, with few brackets."""
        memo = {} if memo is None else memo
        if i in memo:
            return memo[i]
        op, *args = self.nodes[i]
        wrap = lambda j, p: (lambda s, q: f"({s})" if q < p else s)(*self.text(j, memo))  # noqa: E731
        if op == "c":
            out = (f"{args[0]:.12g}", 5 if args[0] >= 0 else 3)
        elif op in ("x", "y"):
            out = (op, 5)
        elif op == "sel":
            out = ("where({} <= {}, {}, {})".format(*(self.text(j, memo)[0] for j in args)), 5)
        elif op == "neg":
            out = ("-" + wrap(args[0], 4), 3)
        elif op in FUNCTIONS:
            out = (f"{op}({self.text(args[0], memo)[0]})", 5)
        else:
            prec = {"+": 1, "-": 1, "*": 2, "/": 2, "**": 4}[op]
            left, right = (prec + 1, prec) if op == "**" else (prec, prec + (op in "-/"))
            out = (f"{wrap(args[0], left)} {op} {wrap(args[1], right)}", prec)
        if len(out[0]) > 2000:                      # shared sub-expressions can blow up the text
            out = (out[0][:2000] + "…", out[1])
        memo[i] = out
        return out


class Formula:
    """f(x, y) with its exact gradient and Hessian; made by :func:`parse_formula`.

    Every method takes x, y as numbers or arrays of broadcastable shapes and
    returns float arrays of the broadcast shape S (NaN or ±inf where f is not
    defined, e.g. log of a negative number; no warnings).

    Attributes
    ----------
    text : str
        The formula as typed.
    grad_text : (str, str)
        ∂f/∂x and ∂f/∂y written out, for display.
    """

    def __init__(self, text, graph, root):
        g, self.text, self._g = graph, text, graph
        gx, gy = g.diff(root, "x"), g.diff(root, "y")
        self._outs = {"f": (root,), "grad": (gx, gy),
                      "hess": (g.diff(gx, "x"), g.diff(gx, "y"), g.diff(gy, "y"))}
        if len(g.nodes) > MAX_NODES:
            raise FormulaError("formula too complex to differentiate ({count} terms)", count=len(g.nodes))
        self._code = [g.closure(i) for i in range(len(g.nodes))]
        self._plans = {}
        self.grad_text = tuple(g.text(i)[0] for i in (gx, gy))

    def _eval(self, which, x, y):
        outs = self._outs[which]
        plan = self._plans.get(which)
        if plan is None:
            need, stack = set(), list(outs)
            while stack:
                i = stack.pop()
                if i not in need:
                    need.add(i)
                    stack.extend(a for a in self._g.nodes[i][1:] if self._g.nodes[i][0] != "c")
            plan = self._plans[which] = sorted(need)
        x, y = np.broadcast_arrays(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
        vals = {}
        with np.errstate(all="ignore"):
            for i in plan:
                vals[i] = self._code[i](vals, x, y)
        return tuple(np.array(np.broadcast_to(vals[i], x.shape), dtype=float) for i in outs)

    def f(self, x, y):
        """f(x, y), shape S."""
        return self._eval("f", x, y)[0]

    def grad(self, x, y):
        """(∂f/∂x, ∂f/∂y), each of shape S."""
        return self._eval("grad", x, y)

    def hess(self, x, y):
        """(f_xx, f_xy, f_yy), each of shape S."""
        return self._eval("hess", x, y)

    def __repr__(self):
        return f"Formula({self.text!r})"


def _normalise(text):
    """(ASCII text with ^ → **, map from its positions to the typed text's)."""
    out, where = [], []
    for k, ch in enumerate(text):
        rep = _UNICODE.get(ch, ch)
        if not rep.isascii() or (not rep.isprintable() and rep not in " \t"):
            raise FormulaError("character {char!r} is not allowed", k + 1, char=ch)
        out.append(rep)
        where.extend([k] * len(rep))
    return "".join(out), where + [len(text)]


def _syntax_reason(msg):
    """Python's usual words for a syntax error, made translatable; any other stay as they are."""
    if m := re.fullmatch(r"'(.)' was never closed", msg):
        return InputError("'{bracket}' was never closed", bracket=m[1])
    if m := re.fullmatch(r"unmatched '(.)'", msg):
        return InputError("unmatched '{bracket}'", bracket=m[1])
    if m := re.fullmatch(r"closing parenthesis '(.)' does not match opening parenthesis '(.)'", msg):
        return InputError("closing parenthesis '{closing}' does not match opening parenthesis '{opening}'",
                          closing=m[1], opening=m[2])
    known = (Term("invalid syntax"), Term("invalid syntax. Perhaps you forgot a comma?"),
             Term("invalid decimal literal"))
    return next((term for term in known if term == msg), msg)


def parse_formula(text):
    """Parse a formula in x and y, e.g. "sin(x)*cos(y) + 0.1*x^2".

    Returns
    -------
    Formula

    Raises
    ------
    FormulaError
        For anything outside the whitelist, with the construct and its column.
        Nothing of the text is ever executed.
    """
    if not isinstance(text, str):
        raise FormulaError("a formula must be text, got {type}", type=type(text).__name__)
    if len(text) > MAX_LENGTH:
        raise FormulaError("formula too long ({count} characters, at most {limit})", count=len(text), limit=MAX_LENGTH)
    if not text.strip():
        raise FormulaError("empty formula: type an expression in x and y, e.g. x**2 - y**2")
    src, where = _normalise(text)
    depth = 0
    for k, ch in enumerate(src):
        depth += (ch in "([{") - (ch in ")]}")
        if depth > MAX_NESTING:
            raise FormulaError("brackets nested more than {limit} deep", where[k] + 1, limit=MAX_NESTING)
    shift = len(src) - len(src.lstrip())      # leading blanks: ast.parse calls them an indent
    try:
        tree = ast.parse(src[shift:], mode="eval")
    except SyntaxError as err:
        col = where[min(len(src) - 1, shift + max(0, (err.offset or 1) - 1))] + 1
        if re.search(r"\b(import|from)\b", src):
            raise FormulaError("import is not allowed in a formula", col) from None
        reason = _syntax_reason(err.msg)
        if re.search(r"\d[A-Za-z_(]", src):
            raise FormulaError("not a formula ({reason}; write products with *, e.g. 2*x)", col, reason=reason) from None
        raise FormulaError("not a formula ({reason})", col, reason=reason) from None
    except (ValueError, RecursionError, MemoryError) as err:
        raise FormulaError("not a formula ({reason})", reason=err) from None
    graph = _Graph()
    root = _Builder(graph, lambda node: where[node.col_offset + shift] + 1).build(tree.body, 0)
    return Formula(text, graph, root)


class _Builder:
    """Walks the parsed tree against the whitelist and builds the graph."""

    def __init__(self, graph, column):
        self.g, self.column = graph, column

    def build(self, node, depth):
        if depth > 2 * MAX_NESTING:
            raise FormulaError("expression nested too deeply (more than {limit} levels)", self.column(node),
                               limit=2 * MAX_NESTING)
        g, kind = self.g, type(node)
        if kind is ast.Constant:
            v = node.value
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise FormulaError("{type} {value!r} is not allowed, only numbers", self.column(node),
                                   type=type(v).__name__, value=v)
            try:
                v = float(v)
            except OverflowError:
                v = math.inf
            if not math.isfinite(v):
                raise FormulaError("number too large", self.column(node))
            return g.const(v)
        if kind is ast.Name:
            if node.id in ("x", "y"):
                return g.var(node.id)
            if node.id in CONSTANTS:
                return g.const(CONSTANTS[node.id])
            if node.id in FUNCTIONS or node.id in ALIASES or node.id in ("min", "max"):
                raise FormulaError("{name} is a function: write {name}(...)", self.column(node), name=node.id)
            raise FormulaError("unknown name {name!r} (use x, y, pi, e)", self.column(node), name=node.id)
        if kind is ast.UnaryOp:
            if type(node.op) not in (ast.UAdd, ast.USub):
                raise FormulaError("operator '{op}' is not allowed", self.column(node), op=_SYMBOLS.get(type(node.op), "?"))
            a = self.build(node.operand, depth + 1)
            return g.neg(a) if isinstance(node.op, ast.USub) else a
        if kind is ast.BinOp:
            op = _AST_OPS.get(type(node.op))
            if op is None:
                raise FormulaError("operator '{op}' is not allowed (use + - * / ** ^)", self.column(node),
                                   op=_SYMBOLS.get(type(node.op), "?"))
            a, b = self.build(node.left, depth + 1), self.build(node.right, depth + 1)
            p = g.value(b)
            if op == "**" and p is not None and abs(p) > MAX_EXPONENT:
                raise FormulaError("exponent {power:g} too large (at most {limit} in size)", self.column(node.right),
                                   power=p, limit=MAX_EXPONENT)
            if op == "**" and p is not None and g.value(a) is not None and g.value(g.pow(a, b)) is None:
                raise FormulaError("constant power is not a finite number", self.column(node))
            return g.binary(op, a, b)
        if kind is ast.Call:
            return self.call(node, depth)
        if kind is ast.Attribute:
            raise FormulaError("attribute access '.{name}' is not allowed in a formula", self.column(node), name=node.attr)
        raise FormulaError("{what} is not allowed in a formula", self.column(node), what=_REJECTED.get(kind, type(node).__name__))

    def call(self, node, depth):
        if isinstance(node.func, ast.Attribute):
            self.build(node.func, depth + 1)                     # raises: attribute access
        if not isinstance(node.func, ast.Name):
            raise FormulaError("only functions can be called, by name, e.g. sin(x)", self.column(node))
        name = ALIASES.get(node.func.id, node.func.id)
        arity = 2 if name in ("min", "max") else 1 if name in FUNCTIONS else None
        if arity is None:
            raise FormulaError("unknown function {name!r} (allowed: {names}, min, max)", self.column(node), name=node.func.id,
                      names=", ".join(FUNCTIONS))
        if node.keywords:
            raise FormulaError("keyword arguments are not allowed in {name}(...)", self.column(node.keywords[0].value),
                               name=node.func.id)
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise FormulaError("starred argument is not allowed", self.column(arg))
        if len(node.args) != arity:
            if arity == 1:
                raise FormulaError("{name} takes 1 argument, got {count}", self.column(node), name=node.func.id,
                                   count=len(node.args))
            raise FormulaError("{name} takes {arity} arguments, got {count}", self.column(node), name=node.func.id,
                               arity=arity, count=len(node.args))
        args = [self.build(a, depth + 1) for a in node.args]
        if arity == 1:
            return self.g.call(name, args[0])
        a, b = args
        return self.g.select(a, b, a, b) if name == "min" else self.g.select(a, b, b, a)
