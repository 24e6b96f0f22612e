"""Data sets: seeded toy problems, the hand-made features φ(x), CSV import/export.

A :class:`Dataset` holds raw inputs X, shape (N, n_in), and teacher signals d,
shape (N, K): regression values, a 0/1 column ("binary") or one-hot rows
("multiclass"). The 2-D toy sets follow TensorFlow Playground and live roughly
in [-6, 6]². What ``noise`` (>= 0) means, by set:

- classification sets (xor, circles, gaussians, spiral, moons, blobs, spiral_k):
  Gaussian jitter of standard deviation ``5 * noise`` added to each input
  coordinate after the label is fixed (noise = 0.1 moves points by about 0.5);
  gaussians and blobs have a cluster spread of 1 on top.
- regression sets (sin, surface): Gaussian noise of standard deviation ``noise``
  added to the target (the clean target lies in [-1, 1]).

A :class:`Preprocess` (feature map, then standardisation) turns raw inputs into
network inputs; it is plain data, saved with the weights. Nothing read from a
file is ever evaluated or unpickled.
"""
from __future__ import annotations

import csv
import io
import math
import os
from dataclasses import dataclass

import numpy as np

from .csv_text import DECIMALS, ENCODING_NAMES, ENCODINGS, comma_decimals, decode, sniff_delimiter, to_point
from .errors import InputError, Term
from .landscape import Cancelled
from .files import check_regular_file

__all__ = ["DataError", "Dataset", "DATASETS", "make_dataset", "FEATURES", "Preprocess",
           "load_csv", "load_inputs", "save_csv", "MAX_SAMPLES", "MAX_NOISE", "MAX_CLASSES",
           "MAX_BYTES", "MAX_ROWS", "MAX_COLUMNS"]

TASK_NAMES = ("regression", "binary", "multiclass")
MAX_CLASSES = 100            # more distinct labels than this is almost surely the wrong column
MAX_SAMPLES = 1_000_000      # generated samples N
MAX_NOISE = 10.0             # noise of a generated set (the window offers 0 to 1)
#: CSV limits: bytes, data rows and columns of a file.
MAX_BYTES, MAX_ROWS, MAX_COLUMNS = 50_000_000, 1_000_000, 10_000


class DataError(InputError):
    """A data set or CSV file that cannot be used; the message says exactly what and where
    (file, line, column)."""


def _class_index(d):
    """Teacher signals (N, K) → class index per row (N,): the 0/1 column, or the argmax of one-hot rows."""
    return (d[:, 0] > 0.5).astype(int) if d.shape[1] == 1 else np.argmax(d, axis=1)


@dataclass(frozen=True, eq=False)
class Dataset:
    """A train/test split. Arrays are float64 and read-only.

    X_train (N_train, n_in), d_train (N_train, K), X_test (N_test, n_in), d_test (N_test, K);
    K = 1 for "binary" (0/1 for classes[0]/classes[1]), K = len(classes) for "multiclass"
    (one-hot), K ≥ 1 for regression. ``classes`` are the class labels as strings, () for regression.
    ``target_names`` names the K outputs of a regression (default: ``target_name``, or
    ``target_name`` 1 … K for several); classification has the one target ``target_name``.
    """
    name: str
    task: str
    X_train: np.ndarray
    d_train: np.ndarray
    X_test: np.ndarray
    d_test: np.ndarray
    input_names: tuple
    target_name: str
    classes: tuple = ()
    target_names: tuple = ()

    def __post_init__(self):
        if self.task not in TASK_NAMES:
            raise DataError("unknown task {task!r}; use one of {names}", task=self.task, names=", ".join(TASK_NAMES))
        for field in ("X_train", "d_train", "X_test", "d_test"):
            a = np.array(getattr(self, field), dtype=np.float64)
            if a.ndim != 2:
                raise DataError("{name}: {field} must be 2-D (rows, columns), got shape {shape}", name=self.name,
                                field=field, shape=a.shape)
            a.setflags(write=False)
            object.__setattr__(self, field, a)
        object.__setattr__(self, "input_names", tuple(self.input_names))
        object.__setattr__(self, "classes", tuple(str(c) for c in self.classes))
        k = {"binary": 1, "multiclass": len(self.classes)}.get(self.task, self.d_train.shape[1])
        for X, d in ((self.X_train, self.d_train), (self.X_test, self.d_test)):
            if len(X) != len(d) or X.shape[1] != len(self.input_names) or d.shape[1] != k:
                raise DataError("{name}: X {x} and d {d} do not fit {inputs} inputs and {targets} target column(s)",
                                name=self.name, x=X.shape, d=d.shape, inputs=len(self.input_names), targets=k)
        names = tuple(str(n) for n in self.target_names) or (
            (self.target_name,) if k == 1 or self.task != "regression"
            else tuple(f"{self.target_name}{i + 1}" for i in range(k)))
        if len(names) != (k if self.task == "regression" else 1):
            raise DataError("{name}: {count} target names for "
                            "{targets} target column(s)", name=self.name, count=len(names), targets=k)
        object.__setattr__(self, "target_names", names)

    n_inputs = property(lambda self: self.X_train.shape[1], doc="Number of raw inputs n_in.")
    n_outputs = property(lambda self: self.d_train.shape[1], doc="Number of target columns K.")
    labels_train = property(lambda self: self._labels(self.d_train),
                            doc="Class index per training row, (N_train,) int; classification only.")
    labels_test = property(lambda self: self._labels(self.d_test),
                           doc="Class index per test row, (N_test,) int; classification only.")

    def _labels(self, d):
        if self.task == "regression":
            raise DataError("{name}: a regression data set has no class labels", name=self.name)
        return _class_index(d)


# ------------------------------------------------------------------ toy sets
# Each generator: (rng, n, k) → X (n, n_in), y (n,) class index or clean target.
def _balanced(n, k):
    """Class index per sample, (n,): n samples spread over k classes as evenly as possible."""
    return np.repeat(np.arange(k), [n // k + (i < n % k) for i in range(k)])


def _xor(rng, n, k):
    y = _balanced(n, 2)
    s1 = rng.choice([-1.0, 1.0], size=n)              # class 1: x1·x2 > 0
    return rng.uniform(0.3, 5.5, (n, 2)) * np.column_stack([s1, np.where(y == 1, s1, -s1)]), y


def _circles(rng, n, k):
    y = _balanced(n, 2)                               # 1: disc r < 2.5; 0: ring 3.5 < r < 5
    r = np.where(y == 1, 2.5 * np.sqrt(rng.uniform(0, 1, n)), rng.uniform(3.5, 5.0, n))
    t = rng.uniform(0, 2 * np.pi, n)
    return r[:, None] * np.column_stack([np.cos(t), np.sin(t)]), y


def _blobs(rng, n, k):
    y = _balanced(n, k)                               # centres on a circle of radius 3.5
    angle = 2 * np.pi * y / k + (5 * np.pi / 4 if k == 2 else np.pi / 2)   # k = 2: class 1 upper right
    return 3.5 * np.column_stack([np.cos(angle), np.sin(angle)]) + rng.normal(size=(n, 2)), y


def _spiral(rng, n, k):
    y = _balanced(n, k)                               # k arms, radius 0 → 5 over 1.75 turns
    t = rng.uniform(0, 1, n)
    angle = 1.75 * 2 * np.pi * t + 2 * np.pi * y / k
    return 5 * t[:, None] * np.column_stack([np.sin(angle), np.cos(angle)]), y


def _moons(rng, n, k):
    y = _balanced(n, 2)                               # scikit-learn's moons, scaled ×3, centred
    t = rng.uniform(0, np.pi, n)
    x1, x2 = np.where(y == 0, np.cos(t), 1 - np.cos(t)), np.where(y == 0, np.sin(t), 0.5 - np.sin(t))
    return 3 * np.column_stack([x1 - 0.5, x2 - 0.25]), y


def _sin(rng, n, k):
    x = rng.uniform(-np.pi, np.pi, (n, 1))
    return x, np.sin(x[:, 0])


def _surface(rng, n, k):
    X = rng.uniform(-np.pi, np.pi, (n, 2))
    return X, np.sin(X[:, 0]) * np.cos(X[:, 1])


def _slides(rng, n, k):
    """The slides' worked example: 4 inputs, 2 outputs (y₁, y₂), a regression."""
    X = rng.normal(size=(n, 4))
    return X, np.column_stack([np.tanh(X[:, 0] - X[:, 1]) + 0.5 * X[:, 2], 0.5 * X[:, 3] * X[:, 0]])


DATASETS = {
    Term("xor"): ("binary", Term("points in the four quadrants; class 1 where x1·x2 > 0")),
    Term("circles"): ("binary", Term("inner disc (class 1) inside an outer ring (class 0)")),
    Term("gaussians"): ("binary", Term("two Gaussian clusters; class 1 upper right")),
    Term("spiral"): ("binary", Term("two interleaved spirals")),
    Term("moons"): ("binary", Term("two interleaved half moons")),
    Term("blobs"): ("multiclass", Term("K Gaussian clusters on a circle")),
    Term("spiral_k"): ("multiclass", Term("K interleaved spiral arms")),
    Term("sin"): ("regression", Term("y = sin(x) + noise, x in [-π, π]")),
    Term("surface"): ("regression", Term("y = sin(x1)·cos(x2) + noise, x in [-π, π]²")),
    Term("slides"): ("regression", Term("the slides' worked example: x = (x1..x4), two outputs y1, y2")),
}
_GENERATORS = {"xor": _xor, "circles": _circles, "gaussians": lambda rng, n, k: _blobs(rng, n, 2),
               "spiral": _spiral, "moons": _moons, "blobs": _blobs, "spiral_k": _spiral,
               "sin": _sin, "surface": _surface, "slides": _slides}


def _split(X, d, test_ratio, seed):
    """Shuffle rows with ``seed`` (None: keep the order), then cut off the test part.

    X (N, n_in), d (N, K) → X_train, d_train, X_test, d_test; at least one row stays in training.
    """
    n = len(X)
    order = np.arange(n) if seed is None else np.random.default_rng(seed).permutation(n)
    n_test = min(int(round(n * test_ratio)), n - 1)
    return X[order[:n - n_test]], d[order[:n - n_test]], X[order[n - n_test:]], d[order[n - n_test:]]


def _is_int(v):
    return isinstance(v, (int, np.integer)) and not isinstance(v, bool)


def make_dataset(name, samples=200, noise=0.1, test_ratio=0.5, seed=0, classes=3):
    """Generate a toy data set of :data:`DATASETS`, shuffled and split reproducibly.

    Parameters
    ----------
    name : str
        A key of :data:`DATASETS`.
    samples : int
        Total number of samples 2 <= N <= MAX_SAMPLES before the split.
    noise : float
        0 <= noise <= MAX_NOISE; its meaning per set is in the module docstring.
    test_ratio : float
        Share of the samples held out for testing, in [0, 1).
    seed : int
        Seeds the points, the noise and the split.
    classes : int
        Number of classes 2 <= K <= MAX_CLASSES of "blobs" and "spiral_k" (ignored by the others).

    Returns
    -------
    Dataset
        X (N, 2), (N, 1) for "sin", (N, 4) for "slides"; d (N, 1), (N, 2) for "slides",
        or one-hot (N, K).
    """
    if name not in DATASETS:
        raise DataError("unknown data set {name!r}; known: {names}", name=name, names=", ".join(DATASETS))
    if not (_is_int(samples) and 2 <= samples <= MAX_SAMPLES):
        raise DataError("samples must be an integer from 2 to {limit:,}, got {value!r}", limit=MAX_SAMPLES, value=samples)
    if not (isinstance(noise, (int, float)) and 0 <= noise <= MAX_NOISE):
        raise DataError("noise must be a number from 0 to {limit:g}, got {value!r}", limit=MAX_NOISE, value=noise)
    if not (isinstance(test_ratio, (int, float)) and 0 <= test_ratio < 1):
        raise DataError("test_ratio must be a number in [0, 1), got {value!r}", value=test_ratio)
    if not (_is_int(classes) and 2 <= classes <= MAX_CLASSES):
        raise DataError("classes must be an integer from 2 to {limit}, got {value!r}", limit=MAX_CLASSES, value=classes)
    task = DATASETS[name][0]
    k = int(classes) if task == "multiclass" else 2
    rng = np.random.default_rng(seed)
    X, y = _GENERATORS[name](rng, int(samples), k)
    if task == "regression":
        y = y.reshape(len(y), -1)
        d, labels = y + noise * rng.normal(size=y.shape), ()
    else:
        X = X + 5 * noise * rng.normal(size=X.shape)
        d = y[:, None].astype(float) if task == "binary" else np.eye(k)[y]
        labels = tuple(str(i) for i in range(k))
    parts = _split(X, d, test_ratio, rng.integers(2**63))
    return Dataset(name, task, *parts, tuple(f"x{i + 1}" for i in range(X.shape[1])), "y", labels)


# ------------------------------------------------------------------ features φ(x)
FEATURES = {
    "x1": (lambda X: X[:, 0], "x₁"),
    "x2": (lambda X: X[:, 1], "x₂"),
    "x1^2": (lambda X: X[:, 0] ** 2, "x₁²"),
    "x2^2": (lambda X: X[:, 1] ** 2, "x₂²"),
    "x1x2": (lambda X: X[:, 0] * X[:, 1], "x₁x₂"),
    "sin_x1": (lambda X: np.sin(X[:, 0]), "sin(x₁)"),
    "sin_x2": (lambda X: np.sin(X[:, 1]), "sin(x₂)"),
}


@dataclass(frozen=True)
class Preprocess:
    """What turns raw inputs into network inputs: optional feature map (2-D inputs only)
    then optional standardisation. Saved with the weights so predictions apply it.

    ``features``: keys of :data:`FEATURES`, () for the raw inputs as they are.
    ``mean``, ``std``: one float per network input, () for no standardisation.
    """
    features: tuple = ()
    mean: tuple = ()
    std: tuple = ()

    def __post_init__(self):
        for field in ("features", "mean", "std"):
            object.__setattr__(self, field, tuple(getattr(self, field)))
        unknown = [f for f in self.features if f not in FEATURES]
        if unknown:
            raise DataError("unknown feature(s) {unknown}; known: {names}",
                            unknown=", ".join(map(repr, unknown)), names=", ".join(FEATURES))
        if not (len(self.mean) == len(self.std) and not (self.features and self.mean
                                                        and len(self.mean) != len(self.features))):
            raise DataError("{features} features, {means} means and {stds} standard deviations: the counts must agree",
                            features=len(self.features), means=len(self.mean), stds=len(self.std))
        if not all(s > 0 for s in self.std):
            raise DataError("standard deviations must all be > 0")

    def n_outputs(self, n_raw):
        """Number of network inputs for ``n_raw`` raw inputs."""
        if self.features and n_raw != 2:
            raise DataError("features {names} need 2 raw inputs (x1, x2), got {count}", names=", ".join(self.features),
                            count=n_raw)
        return len(self.features) if self.features else n_raw

    def _map(self, X):
        """Feature map only: (N, n_raw) → (N, n_net)."""
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2:
            raise DataError("inputs must be 2-D (N, n_raw), got shape {shape}", shape=X.shape)
        self.n_outputs(X.shape[1])
        return np.column_stack([FEATURES[f][0](X) for f in self.features]) if self.features else X

    def apply(self, X):
        """Raw inputs X (N, n_raw) → network inputs (N, n_net), always a new array."""
        Z = np.array(self._map(X), dtype=np.float64)
        if self.mean:
            if Z.shape[1] != len(self.mean):
                raise DataError("fitted on {fitted} columns, got {count}", fitted=len(self.mean),
                                count=Z.shape[1])
            Z = (Z - np.array(self.mean)) / np.array(self.std)
        return Z

    @classmethod
    def fit(cls, X, features=(), standardize=False):
        """Preprocess for training inputs X (N, n_raw): feature map ``features``, then if
        ``standardize`` the mean and std of the mapped inputs (a zero std becomes 1)."""
        p = cls(tuple(features))
        Z = p._map(X)                                   # checks X even when not standardising
        if not standardize:
            return p
        if not len(Z):
            raise DataError("cannot standardise without any training inputs")
        std = Z.std(axis=0)
        std[std == 0] = 1.0
        return cls(p.features, tuple(map(float, Z.mean(axis=0))), tuple(map(float, std)))

    def to_dict(self):
        """Plain JSON-able data: {"features": [str], "mean": [float], "std": [float]}."""
        return {"features": list(self.features), "mean": list(self.mean), "std": list(self.std)}

    @classmethod
    def from_dict(cls, d):
        """Inverse of :meth:`to_dict`; DataError on unknown keys, wrong types or lengths."""
        if not (isinstance(d, dict) and not set(d) - {"features", "mean", "std"}):
            raise DataError("preprocess must be a dict with keys features, mean, std; got {value!r}", value=d)
        f, m, s = d.get("features", []), d.get("mean", []), d.get("std", [])
        if not (isinstance(f, list) and all(isinstance(x, str) for x in f)):
            raise DataError("preprocess features must be a list of names, got {value!r}", value=f)
        for what, v in (("mean", m), ("std", s)):
            if not (isinstance(v, list) and all(isinstance(x, (int, float)) and not isinstance(x, bool)
                                               and math.isfinite(x) for x in v)):
                raise DataError("preprocess {key} must be a list of finite numbers, got {value!r}", key=what, value=v)
        return cls(tuple(f), tuple(map(float, m)), tuple(map(float, s)))


# ------------------------------------------------------------------ CSV
def _read_rows(path, max_bytes, min_columns=2, progress=None, encoding="auto"):
    """Non-blank rows of a CSV file as (line number, cells) and its delimiter; the first row
    is the header.

    At most :data:`MAX_COLUMNS` columns in the header and :data:`MAX_ROWS` data rows;
    ``progress(done, total)`` (lines read, lines in the file) is called every few
    thousand lines, and returning False raises :class:`~nnviz.core.errors.Cancelled`.
    """
    try:
        size = check_regular_file(path)           # a directory or FIFO is named, never opened
    except InputError as e:
        raise DataError("{file}: {reason}", file=path, reason=e) from None
    if size > max_bytes:
        raise DataError("{file}: file is {size:,} bytes, more than the limit of {limit:,}", file=path,
                        size=size, limit=max_bytes)
    if encoding not in ENCODINGS:
        raise DataError("{file}: unknown encoding {encoding!r}; use one of {names}", file=path,
                        encoding=encoding, names=", ".join(ENCODINGS))
    with open(path, "rb") as fh:
        raw = fh.read()
    try:
        text, encoding = decode(raw, encoding)
    except UnicodeDecodeError as e:
        line = e.object[:e.start].decode(e.encoding, errors="replace").count("\n") + 1
        if encoding == "auto":
            raise DataError("{file}, line {line}: byte 0x{byte:02x} is neither UTF-8 nor CP932 (Shift_JIS) "
                            "text, and there is no UTF-16 BOM; save the file as CSV UTF-8 or choose its "
                            "encoding", file=path, line=line, byte=e.object[e.start]) from None
        raise DataError("{file}, line {line}: byte 0x{byte:02x} is not {encoding} text; choose another "
                        "encoding (automatic tries UTF-8, CP932 and UTF-16)", file=path, line=line,
                        byte=e.object[e.start], encoding=ENCODING_NAMES[encoding]) from None
    line, first = next(((i, s) for i, s in enumerate(io.StringIO(text), 1) if s.strip()), (0, ""))
    if not first:
        raise DataError("{file}: file is empty", file=path)
    delimiter = sniff_delimiter(first)
    if not delimiter and min_columns >= 2:
        raise DataError("{file}, line {line}: the header has one column only; a data "
                        "set needs at least 2 columns (inputs and a target) separated by ',' ';' or tab — wrong delimiter?",
                        file=path, line=line)
    delimiter = delimiter or ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    total, rows = text.count("\n") + 1, []
    try:
        for row in reader:
            if not "".join(row).strip():
                continue
            if not rows and len(row) > MAX_COLUMNS:
                raise DataError("{file}, line {line}: {count:,} columns, more than the "
                                "limit of {limit:,}", file=path, line=reader.line_num, count=len(row), limit=MAX_COLUMNS)
            if len(rows) > MAX_ROWS:
                raise DataError("{file}: more than {limit:,} data rows (line {line})", file=path,
                                limit=MAX_ROWS, line=reader.line_num)
            rows.append((reader.line_num, row))
            if progress is not None and len(rows) % 2000 == 0 and progress(reader.line_num, total) is False:
                raise Cancelled("reading {file} cancelled at line {line}", file=path, line=reader.line_num)
    except csv.Error as e:
        raise DataError("{file}, line {line}: {reason}", file=path, line=reader.line_num, reason=e) from None
    return rows, delimiter


def _numbers(cells, lines, where, column, comma=False):
    """Column of strings (N,) → finite float64 (N,), with ``comma`` the decimal mark;
    DataError naming the first bad line and its cell as written."""
    try:
        values = np.array(to_point(cells) if comma else cells, dtype=np.float64)   # the syntax of float()
    except ValueError:
        i = next(i for i, c in enumerate(cells) if not _is_number(c, comma))
        raise DataError("{file}, line {line}, column {column!r}: {value!r} is not a number", file=where,
                        line=lines[i], column=column, value=cells[i].strip()) from None
    bad = np.flatnonzero(~np.isfinite(values))
    if bad.size:
        raise DataError("{file}, line {line}, column {column!r}: {value!r} (NaN or infinity) is not allowed",
                        file=where, line=lines[bad[0]], column=column, value=cells[bad[0]].strip())
    return values


def _read_table(path, max_bytes, min_columns=2, progress=None, encoding="auto", decimal="auto"):
    """Header names, the data rows' line numbers, {name: column of strings}, and whether
    numbers have a decimal comma; every header name present, unique, and every row as long
    as the header. Linear in the cells."""
    if decimal not in DECIMALS:
        raise DataError("{file}: unknown decimal mark {decimal!r}; use one of {names}", file=path,
                        decimal=decimal, names=", ".join(DECIMALS))
    rows, delimiter = _read_rows(path, max_bytes, min_columns, progress, encoding)
    if not rows:
        raise DataError("{file}: no header row (the file holds only delimiters and spaces)", file=path)
    (hline, header), *rows = rows
    header, first = [name.strip() for name in header], {}
    for j, name in enumerate(header):
        if not name:
            raise DataError("{file}, line {line}: column {index} has no name", file=path, line=hline, index=j + 1)
        if first.setdefault(name, j) != j:
            raise DataError("{file}, line {line}: column name {name!r} appears twice "
                            "(columns {first} and {index})", file=path, line=hline, name=name,
                            first=first[name] + 1, index=j + 1)
    if not rows:
        raise DataError("{file}: the file has a header (line {header_line}) but no data rows", file=path,
                        header_line=hline)
    line, row = next(((i, r) for i, r in rows if len(r) != len(header)), (0, header))
    if line:
        raise DataError("{file}, line {line}: {count} values, but the header has {columns} columns ({names})",
                        file=path, line=line, count=len(row), columns=len(header), names=", ".join(header))
    lines = [line for line, _ in rows]
    columns = dict(zip(header, zip(*(row for _, row in rows))))
    return header, lines, columns, comma_decimals(columns.values(), delimiter, decimal)


def load_inputs(path, names=None, n_inputs=None, max_bytes=MAX_BYTES, encoding="auto", decimal="auto"):
    """Read the inputs of a CSV file for prediction: X (N, n_inputs) and the column names.

    With ``names`` (the inputs a network was trained on) those columns are used, in
    that order; otherwise the first ``n_inputs`` columns. Other columns are ignored.
    ``encoding`` and ``decimal`` as for :func:`load_csv`.
    """
    path = os.fspath(path)
    header, lines, columns, comma = _read_table(path, max_bytes, 1, None, encoding, decimal)
    if names and all(n in columns for n in names):
        use = list(names)
    else:
        if n_inputs is not None and len(header) < n_inputs:
            fields = dict(file=path, columns=len(header), names=", ".join(header), inputs=n_inputs)
            if names:
                raise DataError("{file}: {columns} columns ({names}), but the network needs {inputs} inputs ({wanted})",
                                wanted=", ".join(names), **fields)
            raise DataError("{file}: {columns} columns ({names}), but the network needs {inputs} inputs", **fields)
        use = header[:n_inputs] if n_inputs else header
    return np.column_stack([_numbers(columns[n], lines, path, n, comma) for n in use]), tuple(use)


def load_csv(path, target=None, task=None, test_ratio=0.0, seed=0, max_bytes=MAX_BYTES, inputs=None,
             progress=None, encoding="auto", decimal="auto"):
    """Read a data set from a CSV file with a header row.

    Parameters
    ----------
    path : str or path-like
        Text with a header row, delimiter ',' ';' or tab (the most frequent in the
        header outside quotes), any line ends; blank lines are skipped.
    target : str or list of str, optional
        Name of the target column, default the last one. Several names make a
        multi-output regression (one output per column, in this order); classification
        takes one target column.
    inputs : list of str, optional
        Names of the input columns, in this order; default all columns but the target.
        Input columns must be numeric; columns not used are not read as numbers.
    task : {"regression", "binary", "multiclass"}, optional
        None infers it: a non-numeric target, or an integer-valued one with <= 10
        distinct values, is classification (2 classes binary, more multiclass),
        anything else regression.
    test_ratio : float
        Share held out for testing, in [0, 1). 0 keeps the file's row order;
        otherwise the rows are shuffled with ``seed`` first.
    seed : int
    max_bytes : int
        Larger files are refused, and so are files of more than :data:`MAX_ROWS` data
        rows or :data:`MAX_COLUMNS` columns.
    progress : callable(done, total) -> bool, optional
        Called now and then while the file is read (lines read, lines in the file);
        returning False raises :class:`~nnviz.core.errors.Cancelled`.
    encoding : {"auto", "utf-8", "cp932", "utf-16"}
        "auto": a BOM (UTF-8, UTF-16), else UTF-8, else CP932 (Shift_JIS), each strict.
    decimal : {"auto", "point", "comma"}
        The decimal mark of the numbers; "auto" reads 1,5 as 1.5 in a ';' or tab file
        where no number is written 1.5.

    Returns
    -------
    Dataset
        X (N, n_in); d (N, 1) values or 0/1 for classes[0]/classes[1], or one-hot (N, K).
        Classes are sorted numerically if all numeric, else as strings.
    """
    path = os.fspath(path)
    if not (isinstance(test_ratio, (int, float)) and 0 <= test_ratio < 1):
        raise DataError("test_ratio must be a number in [0, 1), got {value!r}", value=test_ratio)
    if task is not None and task not in TASK_NAMES:
        raise DataError("{file}: unknown task {task!r}; use one of {names}", file=path, task=task, names=", ".join(TASK_NAMES))
    targets = (target,) if isinstance(target, str) else tuple(target or ())
    if len(targets) >= 2 and task not in (None, "regression"):
        raise DataError("{file}: {count} target columns ({names}) make a "
                        "multi-output regression; task {task!r} takes one target column", file=path, count=len(targets),
                        names=", ".join(targets), task=task)
    header, lines, columns, comma = _read_table(path, max_bytes, 2, progress, encoding, decimal)
    targets = targets or (header[-1],)
    for target in targets:
        if target not in columns:
            raise DataError("{file}: no column named {name!r}; columns: {names}", file=path, name=target,
                            names=", ".join(header))
    if len(set(targets)) != len(targets):
        raise DataError("{file}: target column {column!r} is listed twice", file=path,
                        column=next((n for n in targets if targets.count(n) > 1), None))
    if inputs is None:
        inputs = tuple(n for n in header if n not in targets)
    else:
        inputs = tuple(inputs)
        unknown = [n for n in inputs if n not in columns]
        if unknown:
            raise DataError("{file}: no column named {unknown}; columns: {names}", file=path,
                            unknown=", ".join(map(repr, unknown)), names=", ".join(header))
        if not inputs:
            raise DataError("{file}: no input columns chosen; columns: {names}", file=path, names=", ".join(header))
        both = next((n for n in targets if n in inputs), None)
        if both is not None:
            raise DataError("{file}: column {column!r} cannot be both the target and an input",
                            file=path, column=both)
        seen = set()
        twice = next((n for n in inputs if n in seen or seen.add(n)), None)
        if twice is not None:
            raise DataError("{file}: input column {column!r} is listed twice", file=path, column=twice)
    X = np.column_stack([_numbers(columns[n], lines, path, n, comma) for n in inputs])
    for target in targets:
        cells = [c.strip() for c in columns[target]]
        empty = next((i for i, c in enumerate(cells) if not c), None)
        if empty is not None:
            raise DataError("{file}, line {line}, column {column!r}: the target is empty; every row needs a "
                            "value", file=path, line=lines[empty or 0], column=target)
    if len(targets) > 1:
        d = np.column_stack([_numbers(columns[n], lines, path, n, comma) for n in targets])
        parts = _split(X, d, test_ratio, seed if test_ratio else None)
        return Dataset(os.path.basename(path), "regression", *parts, inputs, ", ".join(targets),
                       target_names=targets)
    numeric = _is_number(cells, comma)
    if numeric or task == "regression":
        y = _numbers(cells, lines, path, target, comma)
        values, index = np.unique(y, return_inverse=True)       # sorted numerically
        if task == "regression" or (task is None and not (np.all(values == np.round(values))
                                                          and len(values) <= 10)):
            parts = _split(X, y[:, None], test_ratio, seed if test_ratio else None)
            return Dataset(os.path.basename(path), "regression", *parts, inputs, target)
        names = tuple(str(int(c)) if c == int(c) else repr(float(c)) for c in values)
    else:
        names = tuple(sorted(set(cells)))                          # sorted as strings
        lookup = {c: i for i, c in enumerate(names)}
        index = np.array([lookup[c] for c in cells])
    if len(names) < 2:
        raise DataError("{file}, column {column!r}: only one class ({name!r}); classification needs "
                        "at least 2", file=path, column=target, name=names[0])
    if len(names) > MAX_CLASSES:
        raise DataError("{file}, column {column!r}: {count} different values, more than {limit} "
                        "classes — is it the right target column, or should the task be regression?", file=path,
                        column=target, count=len(names), limit=MAX_CLASSES)
    if task == "binary" and len(names) != 2:
        raise DataError("{file}, column {column!r}: task 'binary' needs exactly 2 "
                        "classes, found {count} ({names})", file=path, column=target, count=len(names),
                        names=", ".join(names[:10]) + (", …" if len(names) > 10 else ""))
    task = task or ("binary" if len(names) == 2 else "multiclass")
    d = index[:, None].astype(float) if task == "binary" else np.eye(len(names))[index]
    parts = _split(X, d, test_ratio, seed if test_ratio else None)
    return Dataset(os.path.basename(path), task, *parts, inputs, target, names)


def _is_number(s, comma=False):
    """Whether the string ``s``, or every string of the list ``s``, parses as a float
    (with ``comma`` the decimal mark)."""
    if comma:
        s = s.replace(",", ".") if isinstance(s, str) else to_point(s)
    try:
        np.array(s, dtype=np.float64)
        return True
    except ValueError:
        return False


def save_csv(path, X, d, input_names, target_name, classes=(), bom=False):
    """Write inputs X (N, n_in) and teacher signals d (N, K) as a CSV file with a header.

    With ``classes`` the target column holds each row's class string (d a 0/1 column
    or one-hot rows); without, d holds values, one column per name of ``target_name``
    (a str for one column, a tuple of K names for K columns). Numbers are written
    with ``repr``, so :func:`load_csv` reads back exactly the same floats. The text is
    UTF-8, with a BOM when ``bom`` (what Excel needs to read names that are not ASCII).
    The file is replaced atomically; a failed write leaves the old one and raises WeightsError.
    """
    X, d = np.asarray(X, dtype=np.float64), np.asarray(d, dtype=np.float64)
    if not (X.ndim == 2 and d.ndim == 2 and len(X) == len(d) and X.shape[1] == len(input_names)):
        raise DataError("cannot save X {x} and d {d} with {count} input names", x=X.shape, d=d.shape, count=len(input_names))
    names = (target_name,) if isinstance(target_name, str) else tuple(target_name)
    if not classes and d.shape[1] != len(names):
        raise DataError("d has {count} columns but {names} target name(s); pass "
                        "classes to save one-hot targets", count=d.shape[1], names=len(names))
    target = [[str(classes[i])] for i in _class_index(d)] if classes else [list(map(repr, r)) for r in d.tolist()]
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow([*input_names, *names])
    writer.writerows([*map(repr, x), *t] for x, t in zip(X.tolist(), target))
    from .weights_io import atomic_write     # weights_io imports this module
    atomic_write(path, lambda fh: fh.write(text.getvalue().encode("utf-8-sig" if bom else "utf-8")))
