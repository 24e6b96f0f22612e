"""Sessions: save, reopen, and the next step is bit-identical to an uninterrupted run."""
import json
import zipfile

import numpy as np
import pytest

from nnviz.training.session import SessionError, load_session, save_session
from nnviz.training.trainer import Settings, build


@pytest.mark.parametrize("settings", [
    Settings(dataset="spiral", hidden=(6, 5), batch=7, optimizer="adam", eps=0.01),
    Settings(dataset="blobs", hidden=(4,), batch=1, mu=0.9, l2=0.001),
    Settings(dataset="sin", hidden=(8,), batch=0, optimizer="rmsprop", activations=("prelu",)),
])
def test_reopened_session_continues_bit_identically(settings, tmp_path):
    a = build(settings)
    a.run(steps=23)                        # mid-epoch for the minibatch runs
    save_session(tmp_path / "s.nnviz", a, extra={"sample": 3})
    b = load_session(tmp_path / "s.nnviz")
    assert b.extra == {"sample": 3} and b.step_count == 23
    assert np.array_equal(b.history.array(), a.history.array(), equal_nan=True)
    for _ in range(40):
        assert a.step() == b.step()
    assert np.array_equal(a.net.params, b.net.params)
    a.reset()
    b.reset()
    assert np.array_equal(a.net.params, b.net.params)


def test_session_is_a_zip_of_json_and_plain_arrays(tmp_path):
    t = build(Settings())
    save_session(tmp_path / "s.nnviz", t)
    with zipfile.ZipFile(tmp_path / "s.nnviz") as zf:
        assert sorted(zf.namelist()) == ["arrays.npz", "session.json"]
        assert json.loads(zf.read("session.json"))["format"] == "nnviz-session"


def _rewrite(path, out, doc_change=None, arrays_change=None):
    import io
    with zipfile.ZipFile(path) as zf:
        doc = json.loads(zf.read("session.json"))
        with np.load(io.BytesIO(zf.read("arrays.npz")), allow_pickle=False) as f:
            arrays = {k: f[k] for k in f.files}
    if doc_change:
        doc_change(doc)
    if arrays_change:
        arrays_change(arrays)
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("session.json", json.dumps(doc))
        zf.writestr("arrays.npz", buf.getvalue())


@pytest.mark.parametrize("doc_change,arrays_change,message", [
    (lambda d: d.update(format="other"), None, "not an nnviz session"),
    (lambda d: d.update(version=99), None, "version"),
    (None, lambda a: a.update(params=a["params"][:-1]), "params has shape"),
    (None, lambda a: a.update(order=np.zeros_like(a["order"])), "permutation"),
    (None, lambda a: a.update(params=np.full_like(a["params"], np.nan)), "finite"),
    (None, lambda a: a.update(params=np.array(["a"] * len(a["params"]))), "dtype"),
    (None, lambda a: a.update(opt_v=np.zeros(3)), "shape"),
    (lambda d: d["settings"].update(hidden=[1000] * 11), None,
     r"^bad.nnviz: layers \[2, 1000, .*, 1\] would need 10,\d{3},\d{3} weights and biases, more than the limit"),
    (lambda d: d["settings"].update(activations=["swish"]), None, "^bad.nnviz: unknown activation 'swish'"),
    (lambda d: d.pop("data"), None, r"^bad.nnviz: session.json lacks data$"),
    (lambda d: d["batcher"].pop("epoch"), None, r"^bad.nnviz: session.json lacks batcher.epoch$"),
    (lambda d: d["data"].update(classes=[1]), None, r"^bad.nnviz: data.classes in session.json must be a list of "
                                                     r"strings, got \[1\]$"),
    (lambda d: d.update(step_count=True), None, "step_count in session.json must be a whole number, got True"),
    (lambda d: d.update(extra=[]), None, "extra in session.json must be a JSON object"),
])
def test_bad_sessions_are_refused(tmp_path, doc_change, arrays_change, message):
    t = build(Settings(mu=0.5))
    t.run(steps=3)
    save_session(tmp_path / "s.nnviz", t)
    _rewrite(tmp_path / "s.nnviz", tmp_path / "bad.nnviz", doc_change, arrays_change)
    with pytest.raises(SessionError, match=message):
        load_session(tmp_path / "bad.nnviz")


def test_garbage_and_pickles_are_refused(tmp_path):
    (tmp_path / "g.nnviz").write_bytes(b"not a zip at all")
    with pytest.raises(SessionError, match="g.nnviz"):
        load_session(tmp_path / "g.nnviz")
    import io
    buf = io.BytesIO()
    np.savez(buf, params=np.array([{"evil": 1}], dtype=object))
    with zipfile.ZipFile(tmp_path / "p.nnviz", "w") as zf:
        zf.writestr("session.json", json.dumps({"format": "nnviz-session", "version": 1}))
        zf.writestr("arrays.npz", buf.getvalue())
    with pytest.raises(SessionError):
        load_session(tmp_path / "p.nnviz")
    with pytest.raises(SessionError, match="missing.nnviz"):
        load_session(tmp_path / "missing.nnviz")


def test_impossible_layers_are_refused_before_allocating(tmp_path, peak_memory):
    save_session(tmp_path / "s.nnviz", build(Settings(mu=0.5)))
    _rewrite(tmp_path / "s.nnviz", tmp_path / "huge.nnviz", lambda d: d["settings"].update(hidden=[15000, 15000]))
    with peak_memory() as peak, pytest.raises(SessionError, match=r"^huge.nnviz: at most 20 hidden layers of at most "
                                                                   r"1,000 units each, got \[2, 15000, 15000, 1\]$"):
        load_session(tmp_path / "huge.nnviz")
    assert peak() < 10_000_000                 # 15000² weights would take 1.8 GB per copy
