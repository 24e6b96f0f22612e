"""Property tests: whatever bytes a file holds, the loaders answer with their own clear
error type (or a valid result) — never another exception, never unpickling, never a
change to the state they would load into. The loaders catch only the exceptions a broken
file causes (nnviz.core.files.READ_ERRORS), so a bug still fails these tests."""
import io
import json
import os
import struct
import threading
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from nnviz.core.datasets import DataError, load_csv, load_inputs
from nnviz.core.network import Network
from nnviz.core.weights_io import WeightsError, assign_weights, read_weights, save_weights
from nnviz.training.session import SessionError, load_session, save_session
from nnviz.training.trainer import Settings, build

def _clear(error, kind):
    """Our own error type exactly, one line, in our words (not NumPy's advice on pickles)."""
    assert type(error) is kind and str(error) and "\n" not in str(error)
    assert "allow_pickle" not in str(error)


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
NET = Network([2, 3, 1], ["prelu"], task="binary", seed=0)


def _valid_bytes(tmp_path, suffix):
    path = tmp_path / f"valid{suffix}"
    if suffix == ".nnviz":
        save_session(path, build(Settings(hidden=(3,), mu=0.5)))
    else:
        save_weights(path, NET, extra={"classes": ["0", "1"]})
    return path.read_bytes()


def _check_weights(path):
    """read_weights either succeeds with a loadable result or raises WeightsError; a
    network the result is assigned to changes only on success."""
    target = Network([2, 3, 1], ["prelu"], task="binary", seed=5)
    before = target.params.copy()
    try:
        meta, arrays = read_weights(path)
    except WeightsError as e:
        _clear(e, WeightsError)
        return
    try:
        assign_weights(target, meta, arrays)
    except WeightsError:
        assert np.array_equal(target.params, before)


@pytest.mark.parametrize("suffix", [".npz", ".json"])
@FUZZ
@given(data=st.data())
def test_truncated_and_corrupted_weights(tmp_path, suffix, data):
    raw = bytearray(_valid_bytes(tmp_path, suffix))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw) - 1))]
    else:
        for _ in range(data.draw(st.integers(1, 8))):
            raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    path = tmp_path / f"f{suffix}"
    path.write_bytes(bytes(raw))
    _check_weights(path)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
                           lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=6), c, max_size=4),
                           max_leaves=20)


@FUZZ
@given(doc=st.dictionaries(st.sampled_from(["meta", "W2", "b2", "W3", "b3", "alpha2", "x"]), json_values,
                           max_size=6))
def test_wrong_typed_json_weights(tmp_path, doc):
    path = tmp_path / "w.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(WeightsError) as info:
        read_weights(path)
    _clear(info.value, WeightsError)


@FUZZ
@given(sizes=st.lists(st.integers(-5, 10**12), min_size=0, max_size=5))
def test_any_declared_sizes_are_checked_before_allocating(tmp_path, sizes):
    meta = dict(json.loads(json.dumps({"format": "nnviz-weights", "version": 1, "sizes": sizes,
                                       "activations": ["tanh"] * max(0, len(sizes) - 2), "output": "identity",
                                       "loss": "squared", "task": "regression", "reduction": "mean",
                                       "elu_alpha": 1.0})))
    path = tmp_path / "w.npz"
    np.savez(path, meta=np.array(json.dumps(meta)), W2=np.zeros((1, 1)), b2=np.zeros(1))
    with pytest.raises(WeightsError):
        meta2, arrays = read_weights(path)
        if meta2["sizes"] == [1, 1]:       # the one declaration these arrays do fit
            raise WeightsError("fits")


def test_pickle_bearing_npz_is_never_unpickled(tmp_path):
    class Boom:
        def __reduce__(self):
            return (pytest.fail, ("unpickled!",))
    path = tmp_path / "evil.npz"
    np.savez(path, meta=np.array([Boom()], dtype=object), W2=np.zeros((3, 2)))
    with pytest.raises(WeightsError):
        read_weights(path)


@FUZZ
@given(data=st.data())
def test_truncated_and_corrupted_sessions(tmp_path, data):
    raw = bytearray(_valid_bytes(tmp_path, ".nnviz"))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw) - 1))]
    else:
        for _ in range(data.draw(st.integers(1, 8))):
            raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    path = tmp_path / "s.nnviz"
    path.write_bytes(bytes(raw))
    try:
        trainer = load_session(path)
    except SessionError as e:
        _clear(e, SessionError)
    else:
        assert np.all(np.isfinite(trainer.net.params))


@FUZZ
@given(doc=json_values)
def test_wrong_typed_session_json(tmp_path, doc):
    buf = io.BytesIO()
    np.savez(buf, params=np.zeros(3))
    path = tmp_path / "s.nnviz"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("session.json", json.dumps(doc))
        zf.writestr("arrays.npz", buf.getvalue())
    with pytest.raises(SessionError) as info:
        load_session(path)
    _clear(info.value, SessionError)


_FIELDS = ["settings", "data", "data.name", "data.task", "data.input_names", "data.target_name", "data.classes",
           "step_count", "optimizer_t", "optimizer_slots", "batcher", "batcher.epoch", "batcher.position",
           "batcher.rng", "extra", "format", "version"]


@FUZZ
@given(field=st.sampled_from(_FIELDS), value=json_values)
def test_any_session_field_of_the_wrong_type_is_named(tmp_path, field, value):
    members = _session_members(tmp_path)
    doc = json.loads(members["session.json"])
    *parents, last = field.split(".")
    target = doc
    for part in parents:
        target = target[part]
    before = target[last]
    target[last] = value
    members["session.json"] = json.dumps(doc).encode()
    try:
        load_session(_zip(tmp_path / "f.nnviz", members))
    except SessionError as e:
        _clear(e, SessionError)
        if type(value) is not type(before) and field not in ("format", "version"):
            assert f"{field} in session.json must be" in str(e), str(e)


cells = st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(repr), st.text(max_size=4),
                  st.sampled_from(["", "a", "1", "0", "-", "nan", "inf", "1e999", '"', "1,2"]))


@FUZZ
@given(rows=st.lists(st.lists(cells, min_size=0, max_size=4), min_size=0, max_size=6),
       delimiter=st.sampled_from([",", ";", "\t", " "]), bom=st.booleans())
def test_any_csv_is_a_dataset_or_a_data_error(tmp_path, rows, delimiter, bom):
    text = "\n".join(delimiter.join(r) for r in rows)
    path = tmp_path / "d.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    for load in (load_csv, load_inputs):
        try:
            result = load(path)
        except DataError as e:
            assert str(path) in str(e)
        else:
            X = result.X_train if load is load_csv else result[0]
            assert np.all(np.isfinite(X))


# ------------------------------------------------------------------ hostile files
# Each is small on disk and built here; each must be refused with the loader's own error,
# in one line, before anything near the claimed size is allocated (peak_memory: conftest.py).
def _zip(path, members, compression=zipfile.ZIP_DEFLATED):
    """A zip of {name: bytes}, or {name: (chunk, repeats)} streamed (a bomb without the memory)."""
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            if isinstance(data, tuple):
                with zf.open(name, "w", force_zip64=True) as fh:
                    for _ in range(data[1]):
                        fh.write(data[0])
            else:
                zf.writestr(name, data)
    return path


def _npy(shape, dtype="<f8", data=b""):
    """.npy bytes whose header claims ``shape`` and ``dtype``, followed by ``data`` only."""
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(buf, {"descr": dtype, "fortran_order": False, "shape": shape})
    return buf.getvalue() + data


def _session_members(tmp_path):
    path = tmp_path / "ok.nnviz"
    save_session(path, build(Settings(hidden=(3,))))
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _patch_central(path, name, offset, fmt, value):
    """Overwrite a field of ``name``'s central directory header (a lie only the header tells)."""
    raw = bytearray(path.read_bytes())
    at = raw.find(b"PK\x01\x02")
    while raw[at + 46:at + 46 + len(name)] != name.encode():
        at = raw.find(b"PK\x01\x02", at + 4)
    struct.pack_into(fmt, raw, at + offset, value)
    path.write_bytes(bytes(raw))
    return path


def _refused(load, path, error, match, peak_memory, limit=20_000_000):
    with peak_memory() as peak, pytest.raises(error, match=match) as info:
        load(path)
    message = str(info.value)
    assert type(info.value) is error and "\n" not in message and "allow_pickle" not in message
    assert peak() < limit, f"{peak():,} bytes allocated before refusing"
    return message


def test_session_json_bomb_is_refused_after_a_bounded_read(tmp_path, peak_memory):
    members = _session_members(tmp_path)
    members["session.json"] = (b" " * 1_000_000, 100)          # 100 MB of JSON, ~100 kB on disk
    path = _zip(tmp_path / "bomb.nnviz", members)
    assert path.stat().st_size < 1_000_000
    _refused(load_session, path, SessionError, "session.json unpacks to 100,000,000 bytes, more than the limit",
             peak_memory)


def test_a_zip_header_understating_a_member_is_not_trusted(tmp_path, peak_memory):
    members = _session_members(tmp_path)
    members["session.json"] = (b" " * 1_000_000, 100)
    path = _patch_central(_zip(tmp_path / "liar.nnviz", members), "session.json", 24, "<L", 10)
    _refused(load_session, path, SessionError, "liar.nnviz: ", peak_memory)
    members["session.json"] = (b" " * 1_000_000, 40)           # 40 MB stated honestly: read up to the limit
    path = _zip(tmp_path / "big.nnviz", members)
    _patch_central(path, "session.json", 24, "<L", 1000)
    _refused(load_session, path, SessionError, "big.nnviz: ", peak_memory, limit=40_000_000)


def test_nested_npz_headers_are_checked_against_a_byte_budget(tmp_path, peak_memory):
    members = _session_members(tmp_path)
    buf = io.BytesIO()
    _zip(buf, {"params.npy": _npy((10**9,), data=b"\0" * 64)})   # claims 8 GB
    members["arrays.npz"] = buf.getvalue()
    path = _zip(tmp_path / "nested.nnviz", members)
    _refused(load_session, path, SessionError, r"params has shape \(1000000000,\) \(8,000,000,000 bytes\), "
             "more than the remaining limit", peak_memory)
    buf = io.BytesIO()
    _zip(buf, {f"a{i}.npy": _npy((40_000_000,)) for i in range(3)})   # 320 MB each: the third is too many
    members["arrays.npz"] = buf.getvalue()
    _refused(load_session, _zip(tmp_path / "sum.nnviz", members), SessionError, "a2 has shape", peak_memory)


def test_object_arrays_in_a_session_are_refused_in_our_words(tmp_path, peak_memory):
    members = _session_members(tmp_path)
    buf = io.BytesIO()
    np.savez(buf, params=np.array([{"evil": 1}], dtype=object))
    members["arrays.npz"] = buf.getvalue()
    _refused(load_session, _zip(tmp_path / "obj.nnviz", members), SessionError,
             "params has dtype object, expected real numbers", peak_memory)


@pytest.mark.parametrize("lie", [False, True])
def test_central_directory_bombs_are_refused_before_parsing(tmp_path, lie, peak_memory):
    path = _zip(tmp_path / "many.nnviz", {f"{i}": b"" for i in range(300)}, zipfile.ZIP_STORED)
    if lie:                                   # the end record claims 2 entries: its directory size gives it away
        raw = bytearray(path.read_bytes())
        at = raw.rfind(b"PK\x05\x06")
        raw[at + 8:at + 12] = b"\x02\x00\x02\x00"
        path.write_bytes(bytes(raw))
    _refused(load_session, path, SessionError, f"lists {2 if lie else 300} entries in 14,590 bytes; nnviz expects "
             "at most 8 entries in 8,192 bytes", peak_memory)


def test_zip64_end_record_counts_too(tmp_path, monkeypatch, peak_memory):
    monkeypatch.setattr(zipfile, "ZIP_FILECOUNT_LIMIT", 1)     # makes zipfile write a zip64 end record
    path = _zip(tmp_path / "z64.nnviz", {f"{i}": b"" for i in range(20)}, zipfile.ZIP_STORED)
    raw = bytearray(path.read_bytes())
    at = raw.rfind(b"PK\x05\x06")
    raw[at + 8:at + 12] = b"\x02\x00\x02\x00"                  # the plain record says 2
    path.write_bytes(bytes(raw))
    _refused(load_session, path, SessionError, "directory lists 20 entries", peak_memory)


@pytest.mark.parametrize("suffix", [".npz", ".nnviz"])
@pytest.mark.parametrize("how, match", [
    (zipfile.ZIP_LZMA, "compressed with LZMA; nnviz reads only stored or deflated entries"),
    (zipfile.ZIP_BZIP2, "compressed with bzip2"),
    ("encrypted", "is encrypted; nnviz reads only unencrypted files"),
])
def test_encrypted_and_exotic_compression_are_refused(tmp_path, suffix, how, match, peak_memory):
    if suffix == ".nnviz":
        members = _session_members(tmp_path)
    else:
        save_weights(tmp_path / "ok.npz", NET)
        with zipfile.ZipFile(tmp_path / "ok.npz") as zf:
            members = {n: zf.read(n) for n in zf.namelist()}
    path = _zip(tmp_path / f"x{suffix}", members, zipfile.ZIP_DEFLATED if how == "encrypted" else how)
    if how == "encrypted":
        _patch_central(path, next(iter(members)), 8, "<H", 0x1)
    load, error = (load_session, SessionError) if suffix == ".nnviz" else (read_weights, WeightsError)
    _refused(load, path, error, match, peak_memory)


@pytest.mark.parametrize("suffix", [".npz", ".json", ".nnviz", ".csv"])
@pytest.mark.parametrize("kind, match", [("directory", "is a directory, not a file"),
                                         ("fifo", "is not a regular file"), ("device", "is not a regular file"),
                                         ("missing", "no such file")])
def test_directories_pipes_and_devices_are_named_and_never_opened(tmp_path, suffix, kind, match):
    path = tmp_path / f"x{suffix}"
    if kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        os.mkfifo(path)
    elif kind == "device":
        if not os.path.exists(os.devnull) or os.devnull != "/dev/null":
            pytest.skip("no /dev/null here")
        path.symlink_to(os.devnull)
    load, error = {".npz": (read_weights, WeightsError), ".json": (read_weights, WeightsError),
                   ".nnviz": (load_session, SessionError), ".csv": (load_csv, DataError)}[suffix]
    outcome = []

    def attempt():                            # in a thread: opening a FIFO would block for ever
        try:
            load(path)
        except Exception as e:
            outcome.append(e)
    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "the loader blocked opening the file"
    assert len(outcome) == 1 and type(outcome[0]) is error
    assert str(outcome[0]) == f"{path if suffix == '.csv' else path.name}: " + match.split(",")[0] + \
        (", not a file" if kind == "directory" else " (a pipe, device or socket)" if kind != "missing" else "")


def test_duplicate_keys_are_refused(tmp_path):
    save_weights(tmp_path / "w.json", NET)
    text = (tmp_path / "w.json").read_text()
    (tmp_path / "w.json").write_text(text[:-1] + ', "W2": [[0, 0]]}')
    with pytest.raises(WeightsError, match="w.json: the key 'W2' appears twice in one object"):
        read_weights(tmp_path / "w.json")
    meta = dict(NET.config(), format="nnviz-weights", version=1)
    np.savez(tmp_path / "w.npz", meta=np.array(json.dumps(meta)[:-1] + ', "loss": "ce"}'))
    with pytest.raises(WeightsError, match="w.npz: .*the key 'loss' appears twice"):
        read_weights(tmp_path / "w.npz")
    members = _session_members(tmp_path)
    members["session.json"] = members["session.json"][:-1] + b', "version": 1}'
    with pytest.raises(SessionError, match="d.nnviz: the key 'version' appears twice"):
        load_session(_zip(tmp_path / "d.nnviz", members))


def test_json_weights_expanding_beyond_meta_are_refused_early(tmp_path, peak_memory, monkeypatch):
    meta = dict(NET.config(), format="nnviz-weights", version=1)
    path = tmp_path / "w.json"
    path.write_text('{"meta": %s, "W2": [%s0]}' % (json.dumps(meta), "0," * 4_100_000))   # 8 MB of text
    _refused(read_weights, path, WeightsError, r"holds about 4,1[\d,]+ values, more than the limit of 4,000,000$", peak_memory,
             limit=40_000_000)
    save_weights(path, NET)
    doc = json.loads(path.read_text())
    doc["W2"] = [[0] * 100_001]
    path.write_text(json.dumps(doc))
    monkeypatch.setattr(np, "asarray", lambda *a, **k: pytest.fail("built an array before checking its shape"))
    with pytest.raises(WeightsError, match=r"W2 has shape \(1, 100001\), expected \(3, 2\)"):
        read_weights(path)


def test_huge_json_weights_file_is_refused_by_its_size(tmp_path, monkeypatch):
    from nnviz.core import weights_io
    save_weights(tmp_path / "w.json", NET)
    monkeypatch.setattr(weights_io, "MAX_JSON_BYTES", 100)
    with pytest.raises(WeightsError, match=r"w.json: the file has [\d,]+ bytes, more than the limit of 100$"):
        read_weights(tmp_path / "w.json")
    with pytest.raises(WeightsError, match="more than the 100 nnviz reads; save as .npz"):
        save_weights(tmp_path / "w2.json", NET)


def test_a_bug_is_not_disguised_as_a_bad_file(tmp_path, monkeypatch):
    from nnviz.training import session
    path = tmp_path / "ok.nnviz"
    save_session(path, build(Settings(hidden=(3,))))
    monkeypatch.setattr(session, "_restore", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        load_session(path)
