"""Save and load a network's weights: ``.npz`` (NumPy), ``.json`` and ``.onnx`` (README, Files).

The ``.npz`` file opens with ``numpy.load(path, allow_pickle=False)`` and holds

- ``W2, b2, W3, b3, ...`` in float64: W^(l) of shape (n_l, n_(l−1)), b^(l) of shape (n_l,);
- ``alpha{l}``, shape (n_l,), for each PReLU layer l;
- ``meta``: a 0-d string array holding JSON, ``{"format": "nnviz-weights",
  "version": 1, "sizes": [...], "activations": [...], "output", "loss", "task",
  "reduction", "elu_alpha"}`` plus extras such as ``"preprocess"`` and ``"classes"``.

The ``.json`` file holds the same as one object: ``{"meta": {...}, "W2": [[...]], ...}``.
An ``.onnx`` file is a standard graph (onnx_export.py) with the meta in its metadata;
reading one also takes MLPs written by other tools (onnx_import.py).
Reading checks everything before anything is returned; any problem is a
:class:`WeightsError` whose one-line message names the file and what is wrong.
Saving is atomic: a temporary file in the same directory replaces the target.
"""
from __future__ import annotations

import contextlib
import json
import math
import os
import re
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np

from .activations import ACTIVATIONS, OUTPUT_ACTIVATIONS
from .datasets import Preprocess
from .errors import InputError, Term
from .files import (MAX_JSON_BYTES, READ_ERRORS, check_regular_file, loads_json, npy_header,
                    open_zip, read_npy)
from .losses import LOSSES, TASKS, check_pair
from .network import MAX_LAYERS, REDUCTIONS, Network, check_sizes

__all__ = ["FORMAT", "VERSION", "MAX_BYTES", "WeightsError", "save_weights", "read_weights",
           "load_weights", "assign_weights", "arrays_of"]

FORMAT, VERSION = "nnviz-weights", 1
MAX_BYTES = 200_000_000      # larger files (or npz contents) are refused; .json: files.MAX_JSON_BYTES
_MAX_ENTRIES = 3 * MAX_LAYERS + 1   # W, b and α per layer, and meta
_RESERVED = ("format", "version", "sizes", "activations", "output", "loss", "task", "reduction",
             "elu_alpha")
#: The extras nnviz itself writes (Trainer.weights_extra) and the JSON type each must have.
_EXTRAS = {"preprocess": dict, "classes": list, "input_names": list, "target_name": str, "target_names": list,
           "settings": dict}


class WeightsError(InputError):
    """A weights file that cannot be read or does not fit; the message says what and where."""


def arrays_of(net):
    """Float64 copies of the parameters: ``{"W2": (n_2, n_1), "b2": (n_2,), ..., "alpha3": (n_3,)}``."""
    arrays = {}
    for l in range(2, net.L + 1):
        arrays[f"W{l}"] = np.array(net.W[l], dtype=np.float64)
        arrays[f"b{l}"] = np.array(net.b[l], dtype=np.float64)
        if net.alpha[l] is not None:
            arrays[f"alpha{l}"] = np.array(net.alpha[l], dtype=np.float64)
    return arrays


def save_weights(path, net, extra=None):
    """Write ``net``'s parameters and architecture to ``path`` (``.npz`` or ``.json``).

    Parameters
    ----------
    path : str or os.PathLike
        Target file; its suffix picks the format. An existing file is replaced
        atomically, or left untouched if anything fails.
    net : Network
    extra : dict, optional
        Plain-JSON extras merged into meta, e.g. ``{"preprocess": {...}, "classes": [...]}``.

    Raises
    ------
    WeightsError
        Unknown suffix, non-JSON or reserved extras, non-finite weights, or a write failure.
    """
    path = Path(path)
    kind = _kind(path)
    extra = dict(extra or {})
    clash = sorted(set(extra) & set(_RESERVED))
    if clash:
        raise WeightsError("{file}: extras may not override {names}", file=path.name, names=", ".join(clash))
    arrays = arrays_of(net)
    bad = [key for key, a in arrays.items() if not np.isfinite(a).all()]
    if bad:
        raise WeightsError("{file}: cannot save, {key} contains NaN or infinite values", file=path.name, key=bad[0])
    meta = {"format": FORMAT, "version": VERSION, **net.config(), **extra}
    try:
        text = json.dumps(meta, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise WeightsError("{file}: the extras are not plain JSON ({reason})", file=path.name, reason=exc) from None

    if kind == "onnx":
        from .onnx_export import export_onnx
        export_onnx(path, net, meta)
        return
    if kind == "json":
        doc = {"meta": meta, **{k: a.tolist() for k, a in arrays.items()}}
        body = json.dumps(doc, ensure_ascii=False, allow_nan=False).encode("utf-8")
        if len(body) > MAX_JSON_BYTES:
            raise WeightsError("{file}: the JSON text would have {size:,} bytes, more than the {limit:,} nnviz "
                               "reads; save as .npz", file=path.name, size=len(body), limit=MAX_JSON_BYTES)

    def write(fh):
        if kind == "npz":
            np.savez(fh, meta=np.array(text), **arrays)
        else:
            fh.write(body)

    atomic_write(path, write)


TMP_MARK = ".nnviz-tmp-"       # temporary files are ".<name>.nnviz-tmp-<random>"
_TMP_NAME = re.compile(r"\..+" + re.escape(TMP_MARK) + r"[a-z0-9_]{8}")
STALE_TMP_SECONDS = 60         # older temporary files were left by a killed save


def atomic_write(path, write):
    """Call ``write(binary file)`` on a temporary file next to ``path``, flush it to disk,
    then move it into place: a failed save leaves the old file intact (WeightsError says why).

    The temporary file is named ``.<name>.nnviz-tmp-<random>``; a save that was killed may
    leave one, and the next save in that folder removes those older than a minute."""
    path, tmp = Path(path), None
    try:
        _remove_stale_temporaries(path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}{TMP_MARK}")
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
        tmp = None
    except Exception as exc:
        raise WeightsError("{file}: cannot save ({type}: {reason})", file=path.name, type=type(exc).__name__,
                           reason=exc) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.remove(tmp)


def _remove_stale_temporaries(folder):
    """Delete nnviz's own temporary files in ``folder`` older than STALE_TMP_SECONDS."""
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            with contextlib.suppress(OSError):
                if (_TMP_NAME.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)
                        and now - entry.stat(follow_symlinks=False).st_mtime > STALE_TMP_SECONDS):
                    os.remove(entry.path)


def read_weights(path):
    """Read and fully validate a weights file.

    Returns
    -------
    meta : dict
        The file's meta (architecture plus extras).
    arrays : dict of str to ndarray
        ``"W{l}"`` (n_l, n_(l−1)), ``"b{l}"`` (n_l,), ``"alpha{l}"`` (n_l,), all float64.

    Raises
    ------
    WeightsError
        When the file is missing, too large, corrupt, or does not describe a valid network
        (for ``.onnx`` also when the onnx package is missing).
    """
    from .onnx_export import MissingPackage
    path = Path(path)
    kind = _kind(path)
    try:
        size = check_regular_file(path)
        limit = MAX_JSON_BYTES if kind == "json" else MAX_BYTES
        if size > limit:
            raise WeightsError("the file has {size:,} bytes, more than the limit of {limit:,}", size=size,
                               limit=limit)
        if kind == "onnx":
            from .onnx_import import read_onnx
            return read_onnx(path, size)
        return _read_npz(path) if kind == "npz" else _read_json(path)
    except (InputError, MissingPackage) as exc:  # ours, a check of the core (files, sizes, preprocess), no onnx
        raise WeightsError("{file}: {reason}", file=path.name, reason=exc) from None
    except READ_ERRORS as exc:
        raise WeightsError("{file}: not a readable weights file ({type}: {reason})", file=path.name,
                           type=type(exc).__name__, reason=exc) from None


def load_weights(path):
    """A new :class:`Network` with the file's architecture and parameters; returns (net, meta)."""
    meta, arrays = read_weights(path)
    try:
        net = Network.from_config(meta)
    except ValueError as exc:
        raise WeightsError("{file}: {reason}", file=Path(path).name, reason=exc) from None
    assign_weights(net, meta, arrays)
    return net, meta


def assign_weights(net, meta, arrays):
    """Copy ``arrays`` (as from :func:`read_weights`) into ``net``; ``net`` is untouched on failure.

    Raises
    ------
    WeightsError
        When the file's architecture (sizes, activations, output, loss, and ELU's α
        if an ELU is used) differs from ``net.config()``; the message says how.
    """
    mine = net.config()
    names = {"sizes": Term("layers"), "activations": Term("hidden activations"),
             "output": Term("output activation"), "loss": Term("loss"), "elu_alpha": Term("ELU alpha")}
    uses_elu = "elu" in [*meta.get("activations", []), meta.get("output")] + net.activation_names
    diffs = [WeightsError("the file has {what} {theirs}, the current network {mine}", what=label,
                          theirs=_show(meta.get(key)), mine=_show(mine[key]))
             for key, label in names.items()
             if meta.get(key) != mine[key] and (key != "elu_alpha" or uses_elu)]
    if diffs:
        error = diffs[0]
        for diff in diffs[1:]:                   # "a; b; c", each part translatable
            error = WeightsError("{first}; {then}", first=error, then=diff)
        raise error
    expected = {k: a.shape for k, a in arrays_of(net).items()}
    if set(arrays) != set(expected):
        raise WeightsError("the arrays {keys} do not match the network's {expected}", keys=sorted(arrays),
                           expected=sorted(expected))
    for key, shape in expected.items():
        if np.shape(arrays[key]) != shape:
            raise WeightsError("{key} has shape {shape}, expected {expected}", key=key, shape=np.shape(arrays[key]),
                               expected=shape)
    for l in range(2, net.L + 1):
        net.W[l][...] = arrays[f"W{l}"]
        net.b[l][...] = arrays[f"b{l}"]
        if net.alpha[l] is not None:
            net.alpha[l][...] = arrays[f"alpha{l}"]


# ------------------------------------------------------------------ validation
def _kind(path):
    """The format the suffix names: "npz", "json" or "onnx"."""
    suffix = path.suffix.lower()
    if not suffix:
        raise WeightsError("{file}: a weights file needs the suffix .npz, .json or .onnx", file=path.name)
    if suffix not in (".npz", ".json", ".onnx"):
        raise WeightsError("{file}: unknown weights format {suffix!r}; use .npz, .json or .onnx", file=path.name,
                           suffix=suffix)
    return suffix[1:]


def _read_npz(path):
    """(meta, arrays) of an .npz file: every header is checked before any data is loaded."""
    if not zipfile.is_zipfile(path):
        raise WeightsError("not an .npz file (no zip archive, or a truncated one)")
    with open(path, "rb") as fh, open_zip(fh, _MAX_ENTRIES) as zf:
        infos = zf.infolist()
        unpacked = sum(i.file_size for i in infos)
        if unpacked > MAX_BYTES:
            raise WeightsError("unpacks to {size:,} bytes, more than the limit of {limit:,}", size=unpacked,
                               limit=MAX_BYTES)
        odd = [i.filename for i in infos if not i.filename.endswith(".npy")]
        if odd:
            raise WeightsError("unexpected entry {name!r} (not a NumPy array)", name=odd[0])
        keys = [i.filename[:-4] for i in infos]
        if "meta" not in keys:
            raise WeightsError("no 'meta' entry: not an nnviz weights file")
        shape, dtype = npy_header(zf, "meta.npy")
        if shape != () or dtype.kind != "U":
            raise WeightsError("meta must be a 0-d string array, got shape {shape}, dtype {dtype}", shape=shape,
                               dtype=dtype)
        if dtype.itemsize > 4 * MAX_JSON_BYTES:    # 4 bytes per character
            raise WeightsError("meta has {count:,} characters, more than the limit of {limit:,}",
                               count=dtype.itemsize // 4, limit=MAX_JSON_BYTES)
        meta = _parse_json(str(read_npy(zf, "meta.npy")), "meta")
        expected = check_meta(meta)
        check_keys(keys, expected)
        for key, shape in expected.items():   # look at every header before loading any data
            check_header(key, *npy_header(zf, key + ".npy"), shape, meta["sizes"])
        arrays = {key: _as_float(key, read_npy(zf, key + ".npy")) for key in expected}
    return meta, arrays


def _read_json(path):
    """(meta, arrays) of a .json file."""
    doc = _parse_json(path.read_bytes().decode("utf-8"), "file")
    if not isinstance(doc, dict):
        raise WeightsError("the top level must be a JSON object, got {type}", type=type(doc).__name__)
    if "meta" not in doc:
        raise WeightsError("no 'meta' entry: not an nnviz weights file")
    meta = doc["meta"]
    expected = check_meta(meta)
    check_keys([k for k in doc if k != "meta"] + ["meta"], expected)
    arrays = {}
    for key, shape in expected.items():
        outer = _outer_shape(doc[key], len(shape))
        if outer != shape:                   # before any array is built from the lists
            raise WeightsError("{key} has shape {shape}, expected {expected} for layers {sizes}", key=key,
                               shape=outer, expected=shape, sizes=meta["sizes"])
        try:
            a = np.asarray(doc[key])
        except ValueError:
            raise WeightsError("{key} is not a rectangular array of numbers", key=key) from None
        check_header(key, a.shape, a.dtype, shape, meta["sizes"])
        arrays[key] = _as_float(key, a)
    return meta, arrays


def _outer_shape(value, depth):
    """The lengths of nested lists along their first elements, at most ``depth`` + 1 deep:
    the array's shape if the lists are rectangular (np.asarray checks that)."""
    shape = []
    while isinstance(value, list) and len(shape) <= depth:
        shape.append(len(value))
        value = value[0] if value else None
    return tuple(shape)


def _parse_json(text, what):
    """JSON of the whole file (``what`` "file") or of its "meta" entry."""
    try:
        return loads_json(text)
    except json.JSONDecodeError as exc:
        if what == "meta":
            raise WeightsError("meta is not valid JSON ({reason})", reason=exc) from None
        raise WeightsError("the file is not valid JSON ({reason})", reason=exc) from None


def check_meta(meta):
    """Validate meta; return the expected arrays as {key: shape} in file order."""
    if not isinstance(meta, dict):
        raise WeightsError("meta must be a JSON object, got {type}", type=type(meta).__name__)
    missing = [k for k in _RESERVED if k not in meta]
    if missing:
        raise WeightsError("meta lacks {names}", names=", ".join(missing))
    if meta["format"] != FORMAT:
        raise WeightsError("meta format is {format!r}, expected {expected!r}", format=meta["format"],
                           expected=FORMAT)
    version = meta["version"]
    if not _is_int(version) or not 1 <= version <= VERSION:
        raise WeightsError("format version {version!r} is not supported (this nnviz reads version {mine}; "
                           "a newer nnviz may have written the file)", version=version, mine=VERSION)
    sizes = meta["sizes"]
    if not (isinstance(sizes, list) and all(_is_int(n) for n in sizes)):
        raise WeightsError("sizes must be a list of whole numbers, got {value}", value=str(sizes)[:80])
    try:
        check_sizes(sizes)                   # the network's own limits, before anything is allocated
    except InputError as exc:
        raise WeightsError("sizes: {reason}", reason=exc) from None
    acts = meta["activations"]
    if not (isinstance(acts, list) and len(acts) == len(sizes) - 2
            and all(isinstance(a, str) and a in ACTIVATIONS for a in acts)):
        raise WeightsError("activations must list {count} of {names}; got {value}", count=len(sizes) - 2,
                           names=", ".join(ACTIVATIONS), value=str(acts)[:80])
    for key, allowed in (("output", OUTPUT_ACTIVATIONS), ("loss", LOSSES), ("task", TASKS),
                         ("reduction", REDUCTIONS)):
        if not isinstance(meta[key], str) or meta[key] not in allowed:
            raise WeightsError("{key} {value!r} is not one of {names}", key=key, value=meta[key],
                               names=", ".join(allowed))
    try:
        check_pair(meta["output"], meta["loss"], sizes[-1])
    except ValueError as exc:
        raise WeightsError("{reason}", reason=exc) from None
    alpha = meta["elu_alpha"]
    if isinstance(alpha, bool) or not isinstance(alpha, (int, float)) or not math.isfinite(alpha):
        raise WeightsError("elu_alpha must be a finite number, got {value!r}", value=alpha)
    _check_extras(meta)
    expected, names = {}, [None, None] + acts + [meta["output"]]
    for l in range(2, len(sizes) + 1):
        expected[f"W{l}"], expected[f"b{l}"] = (sizes[l - 1], sizes[l - 2]), (sizes[l - 1],)
        if names[l] in ACTIVATIONS and ACTIVATIONS[names[l]].learned_alpha:
            expected[f"alpha{l}"] = (sizes[l - 1],)
    return expected


def _check_extras(meta):
    """The extras nnviz writes, each of its JSON type, so that `nnviz predict` can use them."""
    for key, kind in _EXTRAS.items():
        if key in meta and not isinstance(meta[key], kind):
            value = str(meta[key])[:80]
            if kind is dict:
                raise WeightsError("{key} must be a JSON object, got {value}", key=key, value=value)
            if kind is list:
                raise WeightsError("{key} must be a JSON list, got {value}", key=key, value=value)
            raise WeightsError("{key} must be a JSON string, got {value}", key=key, value=value)
    for key in ("classes", "input_names", "target_names"):
        bad = [x for x in meta.get(key, ()) if not isinstance(x, str)]
        if bad:
            raise WeightsError("{key} must list names (strings), got {value}", key=key, value=str(bad[0])[:80])
    if "preprocess" in meta:
        pre = Preprocess.from_dict(meta["preprocess"])     # DataError: read_weights names the file
        if pre.mean and len(pre.mean) != meta["sizes"][0]:
            raise WeightsError("preprocess has {count} means, the network {inputs} inputs", count=len(pre.mean),
                               inputs=meta["sizes"][0])


def check_keys(keys, expected):
    """Every expected array present, nothing else but meta, nothing twice."""
    missing = [k for k in expected if k not in keys]
    if missing:
        raise WeightsError("{key} is missing", key=missing[0])
    extra = [k for k in keys if k != "meta" and k not in expected]
    if extra:
        raise WeightsError("unexpected entry {name!r}", name=extra[0])
    if len(set(keys)) != len(keys):
        raise WeightsError("an entry appears twice")


def check_header(key, shape, dtype, expected, sizes):
    """Real numbers (float, or int to be converted) of exactly the expected shape."""
    if dtype.kind not in "fiu":
        raise WeightsError("{key} has dtype {dtype}, expected real numbers (float64)", key=key, dtype=dtype)
    if shape != expected:
        raise WeightsError("{key} has shape {shape}, expected {expected} for layers {sizes}", key=key,
                           shape=shape, expected=expected, sizes=sizes)


def _as_float(key, a):
    """``a`` as float64, refusing NaN and infinities."""
    a = np.asarray(a, dtype=np.float64)
    if not np.all(np.isfinite(a)):
        raise WeightsError("{key} contains NaN or infinite values", key=key)
    return a


def _show(value):
    """[2, 8, 1] and [tanh, relu] rather than ['tanh', 'relu']."""
    return f"[{', '.join(map(str, value))}]" if isinstance(value, list) else str(value)


def _is_int(x):
    return isinstance(x, int) and not isinstance(x, bool)
