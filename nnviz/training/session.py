"""Sessions: the whole state of a training run in one ``.nnviz`` file.

A session file is a zip archive (never a pickle) holding

- ``session.json``: format name and version, the Settings, the data set's
  names and classes, the step count, the batcher's epoch, position and random
  generator state, the optimiser's step count and the loss history;
- ``arrays.npz``: float64/int64 arrays only, read with ``allow_pickle=False``:
  the parameters, the initial parameters, the optimiser's state vectors, the
  batcher's current order and the data (so drawn or imported data come back too).

Reopening continues training exactly where it stopped: the next step is bit for
bit the step an uninterrupted run would have taken. Everything is checked before
a Trainer is built; a bad file raises :class:`SessionError` and changes nothing.
"""
from __future__ import annotations

import io
import json
import os
import zipfile

import numpy as np

from ..core.datasets import Dataset
from ..core.errors import InputError
from ..core.weights_io import MAX_BYTES, atomic_write
from .trainer import Settings, build

__all__ = ["SessionError", "save_session", "load_session", "FORMAT", "VERSION"]

FORMAT, VERSION = "nnviz-session", 1
_DATA = ("X_train", "d_train", "X_test", "d_test")


class SessionError(InputError):
    """A session file that cannot be read or used; the message says why."""


def save_session(path, trainer, extra=None):
    """Write the trainer's whole state to ``path`` atomically. ``extra``: JSON-able GUI state."""
    t, data = trainer, trainer.data
    opt = t.optimizer.state()
    b = t.batcher
    doc = {"format": FORMAT, "version": VERSION, "settings": t.settings.to_dict(),
           "data": {"name": data.name, "task": data.task, "input_names": list(data.input_names),
                    "target_name": data.target_name, "classes": list(data.classes)},
           "step_count": t.step_count, "optimizer_t": opt.pop("t"), "optimizer_slots": sorted(opt),
           "batcher": {"epoch": b.epoch, "position": b.position, "rng": b.rng.bit_generator.state},
           "history": {k: list(v) for k, v in t.history.items()}, "extra": extra or {}}
    arrays = {"params": t.net.params, "initial_params": t.initial_params, "good": t._good,
              "order": b.order, **{f"opt_{k}": v for k, v in opt.items()},
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
        if os.path.getsize(path) > MAX_BYTES:
            raise SessionError("{file}: larger than {limit} MB", file=name, limit=MAX_BYTES // 1_000_000)
        with zipfile.ZipFile(path) as zf:
            if sum(i.file_size for i in zf.infolist()) > 4 * MAX_BYTES:
                raise SessionError("{file}: unpacks to more than {limit} MB", file=name,
                                   limit=4 * MAX_BYTES // 1_000_000)
            doc = json.loads(zf.read("session.json").decode("utf-8"))
            with np.load(io.BytesIO(zf.read("arrays.npz")), allow_pickle=False) as f:
                arrays = {k: f[k] for k in f.files}
        return _restore(doc, arrays, name)
    except SessionError:
        raise
    except Exception as e:     # a file from outside: whatever broke in it, say so in one line
        raise SessionError("{file}: not a readable nnviz session ({type}: {reason})", file=name,
                           type=type(e).__name__, reason=e) from None


def _restore(doc, arrays, name):
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise SessionError("{file}: not an nnviz session file", file=name)
    if doc.get("version") != VERSION:
        raise SessionError("{file}: session version {version!r} is not supported (expected {expected})",
                           file=name, version=doc.get("version"), expected=VERSION)
    for k, a in arrays.items():
        if a.dtype.kind not in "fiu":
            raise SessionError("{file}: {key} has dtype {dtype}, expected numbers", file=name, key=k, dtype=a.dtype)
    settings = Settings.from_dict(doc["settings"])
    d = doc["data"]
    data = Dataset(d["name"], d["task"], *(arrays[k] for k in _DATA), tuple(d["input_names"]),
                   d["target_name"], tuple(d["classes"]))
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
    trainer._good[...] = arrays["good"]
    trainer.step_count = int(doc["step_count"])
    trainer.history = {k: list(v) for k, v in doc["history"].items()}
    trainer.extra = doc.get("extra", {})
    return trainer
