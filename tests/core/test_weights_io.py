"""Weights files: round trips, the documented layout, and every way a file can be bad."""
import io
import json
import os
import zipfile

import numpy as np
import pytest

from nnviz.core import weights_io
from nnviz.core.network import Network
from nnviz.core.weights_io import (FORMAT, VERSION, WeightsError, arrays_of, assign_weights,
                                   load_weights, read_weights, save_weights)

X = np.random.default_rng(1).normal(size=(7, 3))


def _net(kind="mixed", seed=0):
    """Small networks covering PReLU (hidden and output), ELU with its own α, softmax."""
    if kind == "mixed":
        net = Network([3, 5, 4, 3], ["prelu", "elu"], task="multiclass", elu_alpha=0.7, seed=seed)
    elif kind == "binary":
        net = Network([3, 4, 4, 1], ["tanh", "relu"], task="binary", reduction="sum", seed=seed)
    else:
        net = Network([3, 2, 2], ["softplus"], output="prelu", loss="squared", seed=seed)
    net.params[...] = np.random.default_rng(seed + 10).normal(size=net.n_params)  # α ≠ 0.25, b ≠ 0
    return net


def _meta(sizes=(3, 5, 4, 3), activations=("prelu", "elu"), **over):
    meta = {"format": FORMAT, "version": VERSION, "sizes": list(sizes),
            "activations": list(activations), "output": "softmax", "loss": "ce",
            "task": "multiclass", "reduction": "mean", "elu_alpha": 1.0}
    meta.update(over)
    return meta


def _write_npz(path, meta, arrays):
    """An npz as a hand-made (or hostile) file would be; ``meta`` None leaves it out."""
    entries = dict(arrays)
    if meta is not None:
        entries["meta"] = np.array(meta if isinstance(meta, str) else json.dumps(meta))
    np.savez(path, **entries)
    return path


def _good_arrays():
    return arrays_of(_net())


# ------------------------------------------------------------------ round trips
@pytest.mark.parametrize("suffix", [".npz", ".json"])
@pytest.mark.parametrize("kind", ["mixed", "binary", "prelu_out"])
def test_round_trip_gives_identical_predictions(tmp_path, suffix, kind):
    net = _net(kind)
    path = tmp_path / f"weights{suffix}"
    save_weights(path, net)
    loaded, meta = load_weights(path)
    assert loaded.config() == net.config()
    np.testing.assert_array_equal(loaded.params, net.params)
    np.testing.assert_array_equal(loaded.predict(X), net.predict(X))
    assert meta["format"] == FORMAT and meta["version"] == VERSION


def test_npz_opens_with_plain_numpy(tmp_path):
    net = _net()
    save_weights(tmp_path / "w.npz", net)
    assert sorted(os.listdir(tmp_path)) == ["w.npz"]          # no ".npz.npz", no temp file
    with np.load(tmp_path / "w.npz", allow_pickle=False) as f:
        assert sorted(f.files) == sorted(["meta", "W2", "b2", "alpha2", "W3", "b3", "W4", "b4"])
        assert f["meta"].shape == () and f["meta"].dtype.kind == "U"
        meta = json.loads(str(f["meta"]))
        assert f["W3"].shape == (4, 5) and f["W3"].dtype == np.float64
        np.testing.assert_array_equal(f["alpha2"], net.alpha[2])
    assert meta["sizes"] == [3, 5, 4, 3] and meta["activations"] == ["prelu", "elu"]
    assert (meta["output"], meta["loss"], meta["task"]) == ("softmax", "ce", "multiclass")
    assert (meta["reduction"], meta["elu_alpha"]) == ("mean", 0.7)


def test_json_holds_the_same_content(tmp_path):
    net = _net()
    save_weights(tmp_path / "w.json", net)
    doc = json.loads((tmp_path / "w.json").read_text(encoding="utf-8"))
    assert set(doc) == {"meta", "W2", "b2", "alpha2", "W3", "b3", "W4", "b4"}
    assert doc["meta"]["format"] == FORMAT and doc["meta"]["sizes"] == [3, 5, 4, 3]
    np.testing.assert_array_equal(np.array(doc["W2"]), net.W[2])


@pytest.mark.parametrize("suffix", [".npz", ".json"])
def test_extras_survive(tmp_path, suffix):
    extra = {"preprocess": {"mean": [0.5, -1.0, 2.0], "std": [1.0, 2.0, 0.5]},
             "classes": ["cat", "dog", "いぬ"], "note": "lecture 4"}
    save_weights(tmp_path / f"w{suffix}", _net(), extra=extra)
    meta, _ = read_weights(tmp_path / f"w{suffix}")
    assert {k: meta[k] for k in extra} == extra


def test_integer_arrays_are_accepted_as_float64(tmp_path):
    arrays = {k: np.ones(a.shape, dtype=np.int32) for k, a in _good_arrays().items()}
    _, got = read_weights(_write_npz(tmp_path / "w.npz", _meta(), arrays))
    assert all(a.dtype == np.float64 for a in got.values())


# ------------------------------------------------------------------ saving
def test_save_refuses_unknown_suffix_and_bad_extras(tmp_path):
    with pytest.raises(WeightsError, match="use .npz, .json or .onnx"):
        save_weights(tmp_path / "w.txt", _net())
    with pytest.raises(WeightsError, match="not plain JSON"):
        save_weights(tmp_path / "w.npz", _net(), extra={"f": object()})
    with pytest.raises(WeightsError, match="sizes"):
        save_weights(tmp_path / "w.npz", _net(), extra={"sizes": [1, 1]})
    with pytest.raises(WeightsError, match="NaN"):
        net = _net()
        net.W[3][0, 0] = np.nan
        save_weights(tmp_path / "w.json", net)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("suffix", [".npz", ".json"])
def test_failed_replace_keeps_old_file_and_leaves_no_temp(tmp_path, monkeypatch, suffix):
    path = tmp_path / f"w{suffix}"
    save_weights(path, _net(seed=1))
    before = path.read_bytes()

    def broken(*args):
        raise OSError("disk full")
    monkeypatch.setattr(weights_io.os, "replace", broken)
    with pytest.raises(WeightsError, match="disk full"):
        save_weights(path, _net(seed=2))
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == [path.name]


def test_failed_write_leaves_no_temp(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")
    monkeypatch.setattr(weights_io.np, "savez", broken)
    with pytest.raises(WeightsError, match="boom"):
        save_weights(tmp_path / "w.npz", _net())
    assert os.listdir(tmp_path) == []


def test_save_onto_directory_or_missing_directory_fails_cleanly(tmp_path):
    (tmp_path / "d.npz").mkdir()
    with pytest.raises(WeightsError, match="cannot save"):
        save_weights(tmp_path / "d.npz", _net())
    assert os.listdir(tmp_path) == ["d.npz"] and os.listdir(tmp_path / "d.npz") == []
    with pytest.raises(WeightsError, match="cannot save"):
        save_weights(tmp_path / "missing" / "w.npz", _net())


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="needs POSIX permissions that apply (not root)")
def test_save_into_read_only_directory(tmp_path):
    path = tmp_path / "w.npz"
    save_weights(path, _net(seed=1))
    before = path.read_bytes()
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(WeightsError):
            save_weights(path, _net(seed=2))
    finally:
        tmp_path.chmod(0o700)
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["w.npz"]


def test_a_killed_save_leaves_a_temporary_file_the_next_save_removes(tmp_path):
    """A save killed mid-write leaves ".<name>.nnviz-tmp-<random>"; the next save in that
    folder removes it once it is older than a minute, and touches nothing else."""
    import subprocess
    import sys
    import time
    code = ("import os, sys; from nnviz.core.weights_io import atomic_write; "
            "atomic_write(sys.argv[1], lambda fh: (fh.write(b'half'), fh.flush(), os._exit(9)))")
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "w.npz")], check=False)
    (left,) = os.listdir(tmp_path)
    assert left.startswith(".w.npz.nnviz-tmp-")
    kept = [".x.npz.nnviz-tmp-notours", "notes.nnviz-tmp-abcdefgh", ".x.npz.tmp"]
    for name in kept:
        (tmp_path / name).write_text("the user's")
    young = tmp_path / ".y.npz.nnviz-tmp-abcd1234"
    young.write_text("a save under way")
    old = time.time() - 120
    for name in [left, *kept]:
        os.utime(tmp_path / name, (old, old))
    save_weights(tmp_path / "other.npz", _net())
    assert sorted(os.listdir(tmp_path)) == sorted(["other.npz", young.name, *kept])


# ------------------------------------------------------------------ bad files
def test_missing_file_and_wrong_suffix(tmp_path):
    with pytest.raises(WeightsError, match="no such file"):
        read_weights(tmp_path / "nothing.npz")
    (tmp_path / "w.txt").write_text("hello")
    with pytest.raises(WeightsError, match="^w.txt: unknown weights format '.txt'; use .npz, .json or .onnx$"):
        read_weights(tmp_path / "w.txt")


def test_too_large_file_is_refused(tmp_path, monkeypatch):
    save_weights(tmp_path / "w.npz", _net())
    monkeypatch.setattr(weights_io, "MAX_BYTES", 100)
    with pytest.raises(WeightsError, match="limit"):
        read_weights(tmp_path / "w.npz")


def test_not_a_zip_and_truncated_zip(tmp_path):
    (tmp_path / "junk.npz").write_bytes(b"this is not a zip file")
    with pytest.raises(WeightsError, match="junk.npz: not an .npz file"):
        read_weights(tmp_path / "junk.npz")
    save_weights(tmp_path / "w.npz", _net())
    data = (tmp_path / "w.npz").read_bytes()
    for cut in (len(data) // 2, len(data) - 10, 30):
        (tmp_path / "cut.npz").write_bytes(data[:cut])
        with pytest.raises(WeightsError, match="cut.npz: "):
            read_weights(tmp_path / "cut.npz")


def test_corrupt_data_inside_a_valid_zip(tmp_path):
    path = tmp_path / "w.npz"
    save_weights(path, _net())
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("W3.npy")
    start = info.header_offset + 30 + len(info.filename) + 200   # inside W3's stored data
    data[start:start + 8] = b"\x13" * 8
    path.write_bytes(bytes(data))
    with pytest.raises(WeightsError, match="w.npz: .*CRC"):
        read_weights(path)


UNPICKLED = []


def _mark_unpickled():
    UNPICKLED.append(True)
    return {}


class _Trap:
    """Records being unpickled: loading must never get that far."""

    def __reduce__(self):
        return (_mark_unpickled, ())


def test_pickled_object_array_is_refused_and_not_unpickled(tmp_path):
    arrays = _good_arrays()
    arrays["W2"] = np.array({"payload": _Trap()}, dtype=object)
    path = _write_npz(tmp_path / "evil.npz", _meta(), arrays)
    with pytest.raises(WeightsError, match="W2"):
        read_weights(path)
    with pytest.raises(WeightsError):
        load_weights(path)
    evil_meta = _write_npz(tmp_path / "evil2.npz", None, _good_arrays())
    with zipfile.ZipFile(evil_meta, "a") as zf:       # a pickled meta as well
        buf = io.BytesIO()
        np.save(buf, np.array([_Trap()], dtype=object), allow_pickle=True)
        zf.writestr("meta.npy", buf.getvalue())
    with pytest.raises(WeightsError, match="meta"):
        read_weights(evil_meta)
    assert UNPICKLED == []


def _bad(**changes):
    """Good arrays with entries replaced (None removes one)."""
    arrays = _good_arrays()
    for key, value in changes.items():
        if value is None:
            del arrays[key]
        else:
            arrays[key] = value
    return arrays


def _nan_w3():
    a = _good_arrays()["W3"]
    a[1, 2] = np.nan
    return a


@pytest.mark.parametrize("meta, arrays, match", [
    (None, _bad(), "no 'meta'"),
    ("{not json", _bad(), "meta is not valid JSON"),
    ("[1, 2]", _bad(), "meta must be a JSON object"),
    (_meta(format="other-app"), _bad(), "format"),
    (_meta(version=2), _bad(), "version 2"),
    (_meta(version="1"), _bad(), "version"),
    (_meta(sizes=[3]), _bad(), "sizes"),
    (_meta(sizes=[3, 0, 4, 3]), _bad(), "sizes"),
    (_meta(sizes=[3, 5.0, 4, 3]), _bad(), "sizes"),
    (_meta(activations=["prelu"]), _bad(), "activations"),
    (_meta(activations=["prelu", "swish"]), _bad(), "activations"),
    (_meta(output="softmaxx"), _bad(), "output"),
    (_meta(loss="hinge"), _bad(), "loss"),
    (_meta(task="ranking"), _bad(), "task"),
    (_meta(reduction="max"), _bad(), "reduction"),
    (_meta(output="identity", loss="ce"), _bad(), "cross-entropy"),
    (_meta(elu_alpha="one"), _bad(), "elu_alpha"),
    (_meta(classes="abc"), _bad(), "classes must be a JSON list, got abc"),
    (_meta(classes=[1, 2, 3]), _bad(), "classes must list names"),
    (_meta(input_names=5), _bad(), "input_names must be a JSON list, got 5"),
    (_meta(input_names=["a", None, "c"]), _bad(), "input_names must list names"),
    (_meta(target_name=["y"]), _bad(), r"target_name must be a JSON string, got \['y'\]"),
    (_meta(preprocess=[1]), _bad(), "preprocess must be a JSON object"),
    (_meta(preprocess={"mean": "x"}), _bad(), "preprocess mean must be a list of finite numbers"),
    (_meta(preprocess={"scale": 2}), _bad(), "preprocess must be a dict with keys"),
    (_meta(preprocess={"mean": [0.0], "std": [1.0]}), _bad(), "preprocess has 1 means, the network 3 inputs"),
    (_meta(settings="fast"), _bad(), "settings must be a JSON object"),
    ({k: v for k, v in _meta().items() if k != "loss"}, _bad(), "lacks loss"),
    (_meta(), _bad(W3=np.zeros((4, 2))), r"W3 has shape \(4, 2\), expected \(4, 5\) for layers \[3, 5, 4, 3\]"),
    (_meta(), _bad(b4=np.zeros((3, 1))), "b4 has shape"),
    (_meta(), _bad(W4=None), "W4 is missing"),
    (_meta(), _bad(alpha2=None), "alpha2 is missing"),
    (_meta(), _bad(alpha3=np.ones(4)), "unexpected entry 'alpha3'"),
    (_meta(), _bad(extra=np.ones(2)), "unexpected entry 'extra'"),
    (_meta(), _bad(W3=_nan_w3()), "W3 contains NaN"),
    (_meta(), _bad(b2=np.array(["a"] * 5)), "b2 has dtype"),
    (_meta(), _bad(b2=np.ones(5, dtype=complex)), "b2 has dtype"),
    (_meta(), _bad(b2=np.ones(5, dtype=bool)), "b2 has dtype"),
])
def test_bad_npz_is_refused_with_a_clear_message(tmp_path, meta, arrays, match):
    path = _write_npz(tmp_path / "weights.npz", meta, arrays)
    with pytest.raises(WeightsError, match=match) as info:
        read_weights(path)
    message = str(info.value)
    assert message.startswith("weights.npz: ") and "\n" not in message


@pytest.mark.parametrize("sizes, match", [
    ([2, 10**9, 1], r"sizes: at most 20 hidden layers of at most 1,000 units each, got \[2, 1000000000, 1\]"),
    ([2] + [1000] * 11 + [1], "10,014,001 weights and biases, more than the limit of 10,000,000"),
    ([1] * 101, "at most 20 hidden layers"),
    ([20_000, 4, 1], "the input and output layers have at most 10,000 units"),
    ([2, 5.0, 1], "sizes must be a list of whole numbers")])
def test_huge_sizes_are_refused_before_anything_is_allocated(tmp_path, sizes, match, monkeypatch):
    def no_allocation(*args, **kwargs):
        raise AssertionError("allocated an array for an absurd network")
    path = _write_npz(tmp_path / "w.npz", _meta(sizes=sizes, activations=["tanh"] * (len(sizes) - 2),
                                                 output="identity", loss="squared",
                                                 task="regression"), {})
    monkeypatch.setattr(weights_io.np, "empty", no_allocation)
    monkeypatch.setattr(weights_io.np, "zeros", no_allocation)
    with pytest.raises(WeightsError, match=match):
        read_weights(path)


def test_array_header_is_checked_before_its_data_is_read(tmp_path):
    # W2's header claims a huge array: refused from the header, no allocation attempted.
    path = _write_npz(tmp_path / "w.npz", _meta(), _good_arrays())
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    header = np.lib.format.header_data_from_array_1_0(np.zeros((5, 3)))
    header["shape"] = (100_000, 100_000)
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(buf, header)
    members["W2.npy"] = buf.getvalue() + b"\0" * 64
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    with pytest.raises(WeightsError, match="W2 has shape"):
        read_weights(path)


@pytest.mark.parametrize("text, match", [
    ("{not json", "is not valid JSON"),
    ("[1, 2, 3]", "top level"),
    ('{"W2": []}', "no 'meta'"),
    (b"\xff\xfe{}", "UnicodeDecodeError"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
])
def test_bad_json_text_is_refused(tmp_path, text, match):
    path = tmp_path / "weights.json"
    (path.write_bytes if isinstance(text, bytes) else path.write_text)(text)
    with pytest.raises(WeightsError, match=match):
        read_weights(path)


def _json_doc():
    doc = {k: a.tolist() for k, a in _good_arrays().items()}
    doc["meta"] = _meta()
    return doc


@pytest.mark.parametrize("key, value, match", [
    ("W2", [[1.0, 2.0, 3.0]] * 4 + [[1.0, 2.0]], "W2 is not a rectangular array"),
    ("W2", [["1", "2", "3"]] * 5, "W2 has dtype"),
    ("b2", [1.0, None, 1.0, 1.0, 1.0], "b2 has dtype"),
    ("b2", 1.0, "b2 has shape"),
    ("b2", [True] * 5, "b2 has dtype"),
    ("meta", "text", "meta must be a JSON object"),
    ("extra", [1.0], "unexpected entry 'extra'"),
])
def test_bad_json_content_is_refused(tmp_path, key, value, match):
    doc = _json_doc()
    doc[key] = value
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(WeightsError, match=match):
        read_weights(path)


def test_json_nan_is_refused(tmp_path):
    path = tmp_path / "weights.json"
    doc = _json_doc()
    doc["b3"][1] = float("inf")
    path.write_text(json.dumps(doc))          # Python's json writes Infinity
    with pytest.raises(WeightsError, match="b3 contains NaN or infinite"):
        read_weights(path)


# ------------------------------------------------------------------ assigning
def test_assign_weights_into_same_architecture(tmp_path):
    source, target = _net(seed=3), _net(seed=4)
    save_weights(tmp_path / "w.npz", source)
    assign_weights(target, *read_weights(tmp_path / "w.npz"))
    np.testing.assert_array_equal(target.predict(X), source.predict(X))


@pytest.mark.parametrize("other, match", [
    (Network([3, 8, 8, 3], ["prelu", "elu"], task="multiclass", elu_alpha=0.7),
     r"^the file has layers \[3, 5, 4, 3\], the current network \[3, 8, 8, 3\]$"),
    (Network([3, 5, 4, 3], ["tanh", "elu"], task="multiclass", elu_alpha=0.7),
     r"hidden activations \[prelu, elu\], the current network \[tanh, elu\]"),
    (Network([3, 5, 4, 3], ["prelu", "elu"], task="multiclass", elu_alpha=1.0), "ELU alpha 0.7"),
    (Network([3, 5, 4, 3], ["prelu", "elu"], task="regression", elu_alpha=0.7),
     "output activation softmax.*loss ce"),
])
def test_assign_weights_to_another_architecture_changes_nothing(tmp_path, other, match):
    save_weights(tmp_path / "w.npz", _net())
    before = other.params.copy()
    with pytest.raises(WeightsError, match=match):
        assign_weights(other, *read_weights(tmp_path / "w.npz"))
    np.testing.assert_array_equal(other.params, before)


def test_assign_weights_refuses_wrong_arrays_without_changing_the_net():
    net = _net()
    before = net.params.copy()
    arrays = _good_arrays()
    arrays["W4"] = np.zeros((3, 3))
    with pytest.raises(WeightsError, match="W4 has shape"):
        assign_weights(net, net.config(), arrays)
    del arrays["W4"]
    with pytest.raises(WeightsError, match="do not match"):
        assign_weights(net, net.config(), arrays)
    np.testing.assert_array_equal(net.params, before)


def test_arrays_of_returns_float64_copies():
    net = _net()
    arrays = arrays_of(net)
    arrays["W2"][...] = 0.0
    assert not np.all(net.W[2] == 0.0)
    assert all(a.dtype == np.float64 and a.flags.c_contiguous for a in arrays.values())
