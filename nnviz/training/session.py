"""Sessions: the whole state of a training run in one ``.nnviz`` file.

A session file is a zip archive (never a pickle) holding

- ``session.json``: format name and version, the Settings, the data set's
  names and classes, the step count, the batcher's epoch, position and random
  generator state, the optimiser's step count and the loss history's bookkeeping;
- ``arrays.npz``: float64/int64 arrays only, read with ``allow_pickle=False``:
  the parameters, the initial parameters, the optimiser's state vectors, the
  batcher's current order, the data (so drawn or imported data come back too)
  and the loss history's rows (bounded, so a session's size does not grow with
  the step count).

Version 1 files (which kept a per-step list of minibatch losses) still open;
their curve starts anew from the point they were saved at.

Reopening continues training exactly where it stopped: the next step is bit for
bit the step an uninterrupted run would have taken. Everything is checked before
a Trainer is built; a bad file raises :class:`SessionError` and changes nothing.
Sizes are checked before anything of that size is read (:mod:`nnviz.core.files`):
at most a few zip entries, ``session.json`` at most ``MAX_JSON_BYTES``, the arrays
together at most ``4 * MAX_BYTES`` by their ``.npy`` headers, the network within
:func:`nnviz.core.network.check_sizes`.
"""
from __future__ import annotations

import io
import json
import os
import zipfile

import numpy as np

from ..core.datasets import Dataset
from ..core.errors import InputError, Term
from ..core.files import (MAX_JSON_BYTES, READ_ERRORS, check_npy, check_regular_file, loads_json, npy_header,
                          open_zip, read_member, read_npy)
from ..core.weights_io import MAX_BYTES, atomic_write
from .history import History
from .trainer import Settings, build

__all__ = ["SessionError", "save_session", "load_session", "FORMAT", "VERSION"]

FORMAT, VERSION = "nnviz-session", 2
READABLE = (1, 2)                  # versions load_session opens
_DATA = ("X_train", "d_train", "X_test", "d_test")
_MEMBERS = ("session.json", "arrays.npz")
_MAX_MEMBERS, _MAX_ARRAYS = 8, 64          # zip entries of the session, of its arrays.npz
_UNPACKED = 4 * MAX_BYTES                  # bytes of arrays.npz, and of the arrays in it
#: The entries of session.json and their JSON types ("history" is checked where it is restored).
_TYPES = {"settings": dict, "data": dict, "data.name": str, "data.task": str, "data.input_names": [str],
          "data.target_name": str, "data.target_names": [str], "data.classes": [str], "step_count": int,
          "optimizer_t": int, "optimizer_slots": [str], "batcher": dict, "batcher.epoch": int, "batcher.position": int,
          "batcher.rng": dict, "extra": dict}
_TYPE_NAMES = {dict: Term("a JSON object"), str: Term("a string"), int: Term("a whole number"),
               list: Term("a list of strings")}


class SessionError(InputError):
    """A session file that cannot be read or used; the message says why."""


def save_session(path, trainer, extra=None):
    """Write the trainer's whole state to ``path`` atomically. ``extra``: JSON-able GUI state.

    The current point is recorded in the trainer's history first, so the saved curve
    ends where the saved run stands."""
    t, data = trainer, trainer.data
    with np.errstate(all="ignore"):
        t.record()
    opt = t.optimizer.state()
    b = t.batcher
    rows, history = t.history.state()
    doc = {"format": FORMAT, "version": VERSION, "settings": t.settings.to_dict(),
           "data": {"name": data.name, "task": data.task, "input_names": list(data.input_names),
                    "target_name": data.target_name, "target_names": list(data.target_names),
                    "classes": list(data.classes)},
           "step_count": t.step_count, "optimizer_t": opt.pop("t"), "optimizer_slots": sorted(opt),
           "batcher": {"epoch": b.epoch, "position": b.position, "rng": b.rng.bit_generator.state},
           "history": history, "extra": extra or {}}
    arrays = {"params": t.net.params, "initial_params": t.initial_params, "good": t.last_good,
              "order": b.order, "history": rows, **{f"opt_{k}": v for k, v in opt.items()},
              **{k: getattr(data, k) for k in _DATA}}

    def write(fh):
        with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("session.json", json.dumps(doc))
            buf = io.BytesIO()
            np.savez(buf, **arrays)
            zf.writestr("arrays.npz", buf.getvalue())
    atomic_write(path, write)


def load_session(path):
    """A Trainer in exactly the saved state. Raises SessionError for any bad file."""
    name = os.path.basename(str(path))
    try:
        if check_regular_file(path) > MAX_BYTES:
            raise SessionError("{file}: larger than {limit} MB", file=name, limit=MAX_BYTES // 1_000_000)
        doc, arrays = _read(path)
        return _restore(doc, arrays, name)
    except SessionError:
        raise
    except InputError as e:    # a check of the core: the file, a size limit, the settings, the data
        raise SessionError("{file}: {reason}", file=name, reason=e) from None
    except READ_ERRORS as e:   # a broken file from outside: say what broke, in one line
        raise SessionError("{file}: not a readable nnviz session ({type}: {reason})", file=name,
                           type=type(e).__name__, reason=e) from None


def _read(path):
    """(session.json's data, {key: array} of arrays.npz), each size checked before it is read."""
    with open(path, "rb") as fh, open_zip(fh, _MAX_MEMBERS) as zf:
        missing = [m for m in _MEMBERS if m not in zf.namelist()]
        if missing:
            raise InputError("no {member} inside: not an nnviz session file", member=missing[0])
        doc = loads_json(read_member(zf, "session.json", MAX_JSON_BYTES).decode("utf-8"))
        raw = read_member(zf, "arrays.npz", _UNPACKED)
    with open_zip(io.BytesIO(raw), _MAX_ARRAYS) as zf:
        names, budget = zf.namelist(), _UNPACKED
        odd = [n for n in names if not n.endswith(".npy")]
        if odd:
            raise InputError("arrays.npz: unexpected entry {name!r} (not a NumPy array)", name=odd[0])
        for n in names:                        # every header before any data
            budget -= check_npy(n[:-4], *npy_header(zf, n), budget)
        return doc, {n[:-4]: read_npy(zf, n) for n in names}


def _check_types(doc, name):
    """Every entry of session.json present (``extra`` and ``data.target_names``, which older
    sessions lack, may be left out) and of its JSON type."""
    for key, kind in _TYPES.items():
        value = doc
        for part in key.split("."):
            if not isinstance(value, dict) or part not in value:
                if key in ("extra", "data.target_names"):
                    break
                raise SessionError("{file}: session.json lacks {key}", file=name, key=key)
            value = value[part]
        else:
            if kind == [str]:
                ok = isinstance(value, list) and all(isinstance(x, str) for x in value)
            else:
                ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
            if not ok:
                raise SessionError("{file}: {key} in session.json must be {kind}, got {value}", file=name,
                                   key=key, kind=_TYPE_NAMES[list if kind == [str] else kind],
                                   value=str(value)[:80])


def _restore(doc, arrays, name):
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise SessionError("{file}: not an nnviz session file", file=name)
    if doc.get("version") not in READABLE:
        raise SessionError("{file}: session version {version!r} is not supported (expected {expected})",
                           file=name, version=doc.get("version"), expected=VERSION)
    _check_types(doc, name)
    for k, a in arrays.items():
        if a.dtype.kind not in "fiu":
            raise SessionError("{file}: {key} has dtype {dtype}, expected numbers", file=name, key=k, dtype=a.dtype)
    settings = Settings.from_dict(doc["settings"])
    d = doc["data"]
    data = Dataset(d["name"], d["task"], *(arrays[k] for k in _DATA), tuple(d["input_names"]),
                   d["target_name"], tuple(d["classes"]), tuple(d.get("target_names", ())))
    trainer = build(settings.replace(data_file=None) if settings.data_file else settings, data=data)
    net, P = trainer.net, trainer.net.n_params
    for k in ("params", "initial_params", "good"):
        if arrays[k].shape != (P,) or not np.all(np.isfinite(arrays[k])):
            raise SessionError("{file}: {key} has shape {shape}, expected ({count},) finite values", file=name,
                               key=k, shape=arrays[k].shape, count=P)
    b, saved = trainer.batcher, doc["batcher"]
    order = arrays["order"].astype(np.int64)
    if order.shape != (b.N,) or set(order.tolist()) != set(range(b.N)):
        raise SessionError("{file}: the batch order is not a permutation of the {count} training samples",
                           file=name, count=b.N)
    state = {"t": int(doc["optimizer_t"])}
    state.update({k: arrays[f"opt_{k}"] for k in doc["optimizer_slots"]})
    trainer.optimizer.load_state(state, P)
    b.rng.bit_generator.state = saved["rng"]
    b.epoch, b.position, b.order = int(saved["epoch"]), int(saved["position"]), order
    if not 0 <= b.position < b.batches_per_epoch:
        raise SessionError("{file}: batch position {position} out of range", file=name, position=b.position)
    if not b.full:
        b.cut(order)
    net.params[...] = arrays["params"]
    trainer.initial_params[...] = arrays["initial_params"]
    trainer.last_good[...] = arrays["good"]
    trainer.step_count = int(doc["step_count"])
    if doc["version"] >= 2:
        try:
            trainer.history = History.from_state(arrays["history"], doc["history"])
        except InputError as e:
            raise SessionError("{file}: {reason}", file=name, reason=e) from None
    else:
        trainer.record()
    trainer.extra = doc.get("extra", {})
    return trainer
