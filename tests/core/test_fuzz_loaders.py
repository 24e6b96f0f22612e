"""Property tests: whatever bytes a file holds, the loaders answer with their own clear
error type (or a valid result) — never another exception, never unpickling, never a
change to the state they would load into."""
import io
import json
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from nnviz.core.datasets import DataError, load_csv, load_inputs
from nnviz.core.network import Network
from nnviz.core.weights_io import WeightsError, assign_weights, read_weights, save_weights
from nnviz.training.session import SessionError, load_session, save_session
from nnviz.training.trainer import Settings, build

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
        assert str(e)
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
    with pytest.raises(WeightsError):
        read_weights(path)


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
        assert str(e)
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
    with pytest.raises(SessionError):
        load_session(path)


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
