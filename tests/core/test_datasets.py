"""Tests of nnviz.core.datasets: toy sets, features, Preprocess, CSV import/export."""
import codecs
import json

import numpy as np
import pytest

from nnviz.core import datasets
from nnviz.core.landscape import Cancelled
from nnviz.core.datasets import (DATASETS, FEATURES, DataError, Dataset, Preprocess, load_csv, load_inputs,
                                 make_dataset, save_csv)

TOY = sorted(DATASETS)


def _all(ds):
    """Train and test rows together: X (N, n_in), d (N, K)."""
    return np.vstack([ds.X_train, ds.X_test]), np.vstack([ds.d_train, ds.d_test])


# ------------------------------------------------------------------ toy sets
@pytest.mark.parametrize("name", TOY)
def test_generator_is_deterministic_per_seed(name):
    a, b, c = (make_dataset(name, samples=60, seed=s) for s in (7, 7, 8))
    for field in ("X_train", "d_train", "X_test", "d_test"):
        np.testing.assert_array_equal(getattr(a, field), getattr(b, field))
    assert not np.array_equal(a.X_train, c.X_train)


@pytest.mark.parametrize("name", TOY)
def test_generator_shapes_and_names(name):
    ds = make_dataset(name, samples=101, test_ratio=0.3, classes=4)
    task = DATASETS[name][0]
    n_in = {"sin": 1, "slides": 4}.get(name, 2)
    k = 4 if task == "multiclass" else 2 if name == "slides" else 1
    assert ds.task == task and ds.name == name
    assert ds.X_train.shape == (71, n_in) and ds.X_test.shape == (30, n_in)
    assert ds.d_train.shape == (71, k) and ds.d_test.shape == (30, k)
    assert ds.X_train.dtype == np.float64
    assert (ds.n_inputs, ds.n_outputs) == (n_in, k)
    assert ds.input_names == ("x1", "x2", "x3", "x4")[:n_in] and ds.target_name == "y"
    assert ds.classes == {"binary": ("0", "1"), "multiclass": ("0", "1", "2", "3")}.get(task, ())


@pytest.mark.parametrize("name", [n for n in TOY if DATASETS[n][0] != "regression"])
def test_classes_are_balanced_and_inputs_in_range(name):
    ds = make_dataset(name, samples=120, noise=0.0, classes=3)
    X, d = _all(ds)
    labels = np.concatenate([ds.labels_train, ds.labels_test])
    k = len(ds.classes)
    assert np.bincount(labels, minlength=k).tolist() == [120 // k] * k
    assert np.all(np.abs(X) <= 6.0)
    assert set(np.unique(d)) <= {0.0, 1.0}
    if k > 2:
        np.testing.assert_array_equal(d.sum(axis=1), 1.0)
        np.testing.assert_array_equal(labels, d.argmax(axis=1))
    else:
        np.testing.assert_array_equal(labels, d[:, 0])


def test_noise_moves_the_points():
    clean, noisy = make_dataset("moons", noise=0.0), make_dataset("moons", noise=0.2)
    assert not np.array_equal(clean.X_train, noisy.X_train)
    np.testing.assert_array_equal(clean.d_train, noisy.d_train)   # same seed, same labels


def test_xor_label_is_sign_of_product():
    X, d = _all(make_dataset("xor", samples=300, noise=0.0))
    np.testing.assert_array_equal(d[:, 0], (X[:, 0] * X[:, 1] > 0).astype(float))


def test_circles_inner_disc_is_class_1():
    X, d = _all(make_dataset("circles", samples=300, noise=0.0))
    r = np.hypot(X[:, 0], X[:, 1])
    assert np.all(r[d[:, 0] == 1] < 2.5) and np.all(r[d[:, 0] == 0] > 3.5)


def test_gaussians_cluster_means():
    X, d = _all(make_dataset("gaussians", samples=2000, noise=0.0))
    np.testing.assert_allclose(X[d[:, 0] == 1].mean(axis=0), [2.47, 2.47], atol=0.15)
    np.testing.assert_allclose(X[d[:, 0] == 0].mean(axis=0), [-2.47, -2.47], atol=0.15)


def test_spiral_arms_follow_radius_and_angle():
    X, d = _all(make_dataset("spiral", samples=400, noise=0.0))
    r = np.hypot(X[:, 0], X[:, 1])
    angle = 1.75 * 2 * np.pi * r / 5 + np.pi * d[:, 0]        # arm 1 is arm 0 turned by π
    assert r.max() <= 5.0 + 1e-12
    np.testing.assert_allclose(X, r[:, None] * np.column_stack([np.sin(angle), np.cos(angle)]), atol=1e-9)


def test_regression_targets_and_noise():
    X, d = _all(make_dataset("sin", samples=200, noise=0.0))
    assert np.all(np.abs(X) <= np.pi)
    np.testing.assert_allclose(d[:, 0], np.sin(X[:, 0]))
    X, d = _all(make_dataset("surface", samples=200, noise=0.0))
    np.testing.assert_allclose(d[:, 0], np.sin(X[:, 0]) * np.cos(X[:, 1]))
    X, d = _all(make_dataset("sin", samples=4000, noise=0.3))
    assert np.std(d[:, 0] - np.sin(X[:, 0])) == pytest.approx(0.3, rel=0.05)


def test_test_ratio_zero_gives_empty_test_arrays():
    ds = make_dataset("blobs", samples=10, test_ratio=0.0, classes=5)
    assert ds.X_train.shape == (10, 2) and ds.X_test.shape == (0, 2) and ds.d_test.shape == (0, 5)


def test_split_keeps_one_training_row():
    ds = make_dataset("xor", samples=2, test_ratio=0.99)
    assert len(ds.X_train) == 1 and len(ds.X_test) == 1


def test_arrays_are_read_only_and_regression_has_no_labels():
    ds = make_dataset("sin")
    with pytest.raises(ValueError):
        ds.X_train[0, 0] = 1.0
    with pytest.raises(DataError, match="no class labels"):
        ds.labels_train


@pytest.mark.parametrize("kwargs, message", [
    (dict(name="nope"), "unknown data set 'nope'; known: xor, circles"),
    (dict(name="xor", samples=1), "samples must be an integer from 2 to 1,000,000"),
    (dict(name="xor", samples=2.5), "samples must be an integer from 2 to 1,000,000"),
    (dict(name="xor", samples=10**9), "samples must be an integer from 2 to 1,000,000, got 1000000000"),
    (dict(name="xor", test_ratio=1.0), r"test_ratio must be a number in \[0, 1\)"),
    (dict(name="xor", test_ratio=-0.1), r"test_ratio must be a number in \[0, 1\)"),
    (dict(name="xor", noise=-0.1), "noise must be a number from 0 to 10"),
    (dict(name="xor", noise=1e308), "noise must be a number from 0 to 10"),
    (dict(name="xor", noise=float("nan")), "noise must be a number from 0 to 10"),
    (dict(name="blobs", classes=1), "classes must be an integer from 2 to 100"),
    (dict(name="blobs", classes=101), "classes must be an integer from 2 to 100"),
])
def test_make_dataset_bad_arguments(kwargs, message):
    with pytest.raises(DataError, match=message):
        make_dataset(**kwargs)


def test_dataset_checks_shapes():
    with pytest.raises(DataError, match="do not fit"):
        Dataset("x", "binary", np.zeros((3, 2)), np.zeros((2, 1)), np.zeros((0, 2)), np.zeros((0, 1)),
                ("a", "b"), "y", ("0", "1"))


# ------------------------------------------------------------------ features, Preprocess
def test_feature_values():
    X = np.array([[2.0, 3.0], [-1.0, 0.5]])
    expected = {"x1": [2, -1], "x2": [3, 0.5], "x1^2": [4, 1], "x2^2": [9, 0.25], "x1x2": [6, -0.5],
                "sin_x1": np.sin([2, -1]), "sin_x2": np.sin([3, 0.5])}
    assert set(FEATURES) == set(expected)
    for name, values in expected.items():
        fn, label = FEATURES[name]
        np.testing.assert_allclose(fn(X), values)
        assert isinstance(label, str) and label


def test_preprocess_identity():
    X = np.array([[1.0, 2.0, 3.0]])
    p = Preprocess()
    out = p.apply(X)
    np.testing.assert_array_equal(out, X)
    assert out is not X and p.n_outputs(3) == 3


def test_preprocess_fit_standardises_training_inputs():
    X = make_dataset("circles", samples=300).X_train
    p = Preprocess.fit(X, features=("x1", "x1^2", "x1x2"), standardize=True)
    Z = p.apply(X)
    assert Z.shape == (len(X), 3) and p.n_outputs(2) == 3
    np.testing.assert_allclose(Z.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(Z.std(axis=0), 1.0)
    np.testing.assert_allclose(p.mean[1], np.mean(X[:, 0] ** 2))


def test_preprocess_features_without_standardising():
    X = np.array([[2.0, 3.0], [1.0, -1.0]])
    p = Preprocess.fit(X, features=("x2^2", "x1x2"))
    assert p.mean == () and p.std == ()
    np.testing.assert_allclose(p.apply(X), [[9.0, 6.0], [1.0, -1.0]])


def test_preprocess_zero_std_becomes_one():
    X = np.array([[1.0, 5.0], [3.0, 5.0]])
    p = Preprocess.fit(X, standardize=True)
    assert p.mean == (2.0, 5.0) and p.std == (1.0, 1.0)
    np.testing.assert_allclose(p.apply(X), [[-1.0, 0.0], [1.0, 0.0]])


def test_preprocess_round_trip_through_json():
    X = make_dataset("xor").X_train
    p = Preprocess.fit(X, features=("sin_x1", "x2"), standardize=True)
    q = Preprocess.from_dict(json.loads(json.dumps(p.to_dict())))
    assert q == p
    np.testing.assert_array_equal(q.apply(X), p.apply(X))


def test_preprocess_errors():
    with pytest.raises(DataError, match="unknown feature.*'x3'"):
        Preprocess(features=("x1", "x3"))
    with pytest.raises(DataError, match="need 2 raw inputs"):
        Preprocess(features=("x1",)).apply(np.zeros((4, 3)))
    with pytest.raises(DataError, match="need 2 raw inputs"):
        Preprocess.fit(np.zeros((4, 1)), features=("x1",))
    with pytest.raises(DataError, match="fitted on 2 columns, got 3"):
        Preprocess(mean=(0.0, 0.0), std=(1.0, 1.0)).apply(np.zeros((1, 3)))


@pytest.mark.parametrize("d", [
    [],                                                   # not a dict
    {"features": "x1"},                                   # not a list
    {"features": ["x9"]},                                 # unknown name
    {"features": [], "mean": [0.0], "std": []},           # lengths differ
    {"features": ["x1"], "mean": [0.0, 1.0], "std": [1.0, 1.0]},
    {"mean": ["0"], "std": [1.0]},                        # not a number
    {"mean": [0.0], "std": [0.0]},                        # std must be > 0
    {"mean": [float("nan")], "std": [1.0]},
    {"features": [], "extra": 1},
])
def test_preprocess_from_dict_rejects(d):
    with pytest.raises(DataError):
        Preprocess.from_dict(d)


# ------------------------------------------------------------------ CSV
def _write(tmp_path, text, name="data.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_csv_numeric_regression_target(tmp_path):
    ds = load_csv(_write(tmp_path, "a,b,price\n1,2,0.5\n3,4,1.25\n5,6,2.75\n"))
    assert ds.name == "data.csv" and ds.task == "regression" and ds.classes == ()
    assert ds.input_names == ("a", "b") and ds.target_name == "price"
    np.testing.assert_array_equal(ds.X_train, [[1, 2], [3, 4], [5, 6]])
    np.testing.assert_array_equal(ds.d_train, [[0.5], [1.25], [2.75]])
    assert ds.X_test.shape == (0, 2) and ds.d_test.shape == (0, 1)


def test_csv_several_targets_are_a_multi_output_regression(tmp_path):
    path = _write(tmp_path, "y2,a,y1,b\n1,1,2,0\n2,3,4,1\n3,5,6,0\n")   # integer targets: still regression
    ds = load_csv(path, target=["y1", "y2"])
    assert ds.task == "regression" and ds.n_outputs == 2 and ds.classes == ()
    assert ds.input_names == ("a", "b") and ds.target_names == ("y1", "y2") and ds.target_name == "y1, y2"
    np.testing.assert_array_equal(ds.d_train, [[2, 1], [4, 2], [6, 3]])       # the order asked for
    np.testing.assert_array_equal(ds.X_train, [[1, 0], [3, 1], [5, 0]])
    assert load_csv(path, target=("y1",)).target_names == ("y1",)


@pytest.mark.parametrize("kwargs, message", [
    (dict(target=["y1", "y2"], task="binary"), "2 target columns \\(y1, y2\\) make a multi-output regression; "
                                              "task 'binary' takes one target column"),
    (dict(target=["y1", "y2"], task="multiclass"), "task 'multiclass' takes one target column"),
    (dict(target=["y1", "y1"]), "target column 'y1' is listed twice"),
    (dict(target=["y1", "nope"]), "no column named 'nope'"),
    (dict(target=["y1", "y2"], inputs=["a", "y2"]), "column 'y2' cannot be both the target and an input"),
    (dict(target=["y1", "c"], inputs=["a"]), "line 3, column 'c': 'x' is not a number"),
    (dict(target=["y2", "e"], inputs=["a"]), "line 2, column 'e': the target is empty")])
def test_csv_several_targets_refused_with_one_message(tmp_path, kwargs, message):
    path = _write(tmp_path, "a,y1,y2,c,e\n1,2,3,4,\n2,3,4,x,1\n")
    with pytest.raises(DataError, match=message):
        load_csv(path, **kwargs)


def test_save_csv_writes_one_column_per_output_and_reads_back(tmp_path):
    ds = make_dataset("slides", samples=6, test_ratio=0)
    assert ds.target_names == ("y1", "y2")                    # the slides' y₁, y₂
    path = tmp_path / "slides.csv"
    save_csv(path, ds.X_train, ds.d_train, ds.input_names, ds.target_names)
    assert path.read_text().splitlines()[0] == "x1,x2,x3,x4,y1,y2"
    back = load_csv(path, target=ds.target_names)
    np.testing.assert_array_equal(back.d_train, ds.d_train)
    np.testing.assert_array_equal(back.X_train, ds.X_train)


def test_csv_integer_target_is_classification_sorted_numerically(tmp_path):
    ds = load_csv(_write(tmp_path, "x,y\n1,10\n2,2\n3,2\n4,10\n5,1\n"))
    assert ds.task == "multiclass" and ds.classes == ("1", "2", "10")
    np.testing.assert_array_equal(ds.labels_train, [2, 1, 1, 2, 0])
    np.testing.assert_array_equal(ds.d_train[0], [0, 0, 1])


def test_csv_string_labels_binary(tmp_path):
    ds = load_csv(_write(tmp_path, "x1,x2,kind\n0,1,dog\n1,0,cat\n1,1,dog\n"))
    assert ds.task == "binary" and ds.classes == ("cat", "dog")
    np.testing.assert_array_equal(ds.d_train[:, 0], [1, 0, 1])


def test_csv_explicit_target_name_and_task(tmp_path):
    path = _write(tmp_path, "label,x,z\nb,1.5,7\na,2.5,8\nb,3.5,9\nc,0,1\n")
    ds = load_csv(path, target="label")
    assert ds.input_names == ("x", "z") and ds.target_name == "label"
    assert ds.task == "multiclass" and ds.classes == ("a", "b", "c")
    np.testing.assert_array_equal(ds.X_train[0], [1.5, 7])
    with pytest.raises(DataError, match="line 2, column 'label': 'b' is not a number"):
        load_csv(path, target="z")                                 # inputs must be numeric


def test_csv_explicit_regression_on_integer_target(tmp_path):
    ds = load_csv(_write(tmp_path, "x,n\n1,1\n2,2\n3,2\n"), task="regression")
    assert ds.task == "regression"
    np.testing.assert_array_equal(ds.d_train[:, 0], [1, 2, 2])


def test_csv_bom_crlf_semicolon_tab(tmp_path):
    for text in ("\ufeffx;y;t\r\n1;2;0\r\n3;4;1\r\n", "x\ty\tt\n1\t2\t0\n\n3\t4\t1\n"):
        ds = load_csv(_write(tmp_path, text))
        assert ds.input_names == ("x", "y") and ds.target_name == "t" and ds.task == "binary"
        np.testing.assert_array_equal(ds.X_train, [[1, 2], [3, 4]])
        np.testing.assert_array_equal(ds.d_train, [[0], [1]])


def test_csv_split_is_seeded(tmp_path):
    rows = "".join(f"{i},{i % 2}\n" for i in range(20))
    path = _write(tmp_path, "x,y\n" + rows)
    a, b, c = (load_csv(path, test_ratio=0.25, seed=s) for s in (1, 1, 2))
    assert a.X_train.shape == (15, 1) and a.X_test.shape == (5, 1)
    np.testing.assert_array_equal(a.X_test, b.X_test)
    assert not np.array_equal(a.X_test, c.X_test)
    assert sorted(np.vstack([a.X_train, a.X_test])[:, 0]) == list(range(20))


@pytest.mark.parametrize("text, kwargs, message", [
    ("", {}, "file is empty"),
    ("\n  \n", {}, "file is empty"),
    ("a,b,c\n", {}, r"header \(line 1\) but no data rows"),
    ("a,b\n1,2\n", {"target": "c"}, "no column named 'c'; columns: a, b"),
    ("a,b,c\n1,2,3\n4,5\n", {}, "line 3: 2 values, but the header has 3 columns"),
    ("a,b,c\n1,2,3\n4,5,6,7\n", {}, "line 3: 4 values"),
    ("a,b,c\n1,2,0\n4,oops,1\n", {}, "line 3, column 'b': 'oops' is not a number"),
    ("a,b,c\n1,,0\n4,5,1\n", {}, "line 2, column 'b': '' is not a number"),
    ("a,b,c\n1,2,0\n4,nan,1\n", {}, r"line 3, column 'b': 'nan' \(NaN or infinity\)"),
    ("a,b,c\n1,2,0\n\n4,5,1\n-inf,5,1\n", {}, "line 5, column 'a': '-inf'"),
    ("a,b\n1,0.5\n2,inf\n", {}, "line 3, column 'b': 'inf'"),
    ("a,b\n1,x\n2,x\n", {}, "column 'b': only one class"),
    ("a,b\n1,1\n2,1\n", {}, "column 'b': only one class"),
    ("a,b\n1,0\n2,1\n3,2\n", {"task": "binary"}, "column 'b': task 'binary' needs exactly 2 classes"),
    ("a,b\n1,0.5\n2,cat\n", {"task": "regression"}, "line 3, column 'b': 'cat' is not a number"),
    ("a,b\n" + "".join(f"{i},id{i}\n" for i in range(101)), {}, "column 'b': 101 different values"),
    ("a,b\n1,0\n", {"task": "ranking"}, "unknown task 'ranking'"),
    ("abc\n1\n2\n", {}, "line 1: the header has one column only.*wrong delimiter"),
    ("a,b,a\n1,2,3\n", {}, "line 1: column name 'a' appears twice"),
    ("a,,c\n1,2,3\n", {}, "line 1: column 2 has no name"),
    ("a,b,c\n1,2,x\n3,4,\n5,6,y\n", {}, "line 3, column 'c': the target is empty"),
    ("a,b,c\n1,2,1\n3,4, \n", {"task": "regression"}, "line 3, column 'c': the target is empty"),
    (b"a,b\n1,0\n2,\xff\n", {}, r"line 3: byte 0xff is neither UTF-8 nor CP932 \(Shift_JIS\) text"),
    (b"a,b\n1,0\n2,\x80\n", {"encoding": "cp932"}, r"line 3: byte 0x80 is not CP932 \(Shift_JIS\) text"),
    ("a,b\n1,0\n", {"encoding": "latin-1"}, "unknown encoding 'latin-1'; use one of auto, utf-8, cp932"),
    ("a,b\n1,0\n", {"decimal": ","}, "unknown decimal mark ','; use one of auto, point, comma"),
    ("身長;体重\n1,5;0\n2.5;1\n", {}, r"line 2, column '身長': '1,5' is not a number"),
    ("身長;体重\n1,5;0\n2,5;1\n", {"decimal": "point"}, r"line 2, column '身長': '1,5' is not a number"),
    ('"身長, cm";体重\n1;0\n1;x\n', {"target": "種類"}, "no column named '種類'; columns: 身長, cm, 体重"),
    ('a,b\n1,"0\n', {}, "line 2"),
])
def test_csv_errors(tmp_path, text, kwargs, message):
    path = _write(tmp_path, text, name="bad.csv")
    with pytest.raises(DataError, match=message) as info:
        load_csv(path, **kwargs)
    assert "bad.csv" in str(info.value)


def test_csv_missing_file(tmp_path):
    with pytest.raises(DataError, match="missing.csv: no such file"):
        load_csv(tmp_path / "missing.csv")


def test_csv_too_large(tmp_path):
    path = _write(tmp_path, "a,b\n" + "1,0\n2,1\n" * 100)
    with pytest.raises(DataError, match="804 bytes, more than the limit of 100"):
        load_csv(path, max_bytes=100)
    assert load_csv(path, max_bytes=804).X_train.shape == (200, 1)


def test_csv_row_and_column_limits(tmp_path, monkeypatch):
    monkeypatch.setattr(datasets, "MAX_ROWS", 3)
    monkeypatch.setattr(datasets, "MAX_COLUMNS", 4)
    assert load_csv(_write(tmp_path, "a,b\n1,0\n2,1\n3,1\n")).X_train.shape == (3, 1)
    with pytest.raises(DataError, match=r"more than 3 data rows \(line 5\)"):
        load_csv(_write(tmp_path, "a,b\n1,0\n2,1\n3,1\n4,0\n"))
    with pytest.raises(DataError, match="line 1: 5 columns, more than the limit of 4"):
        load_csv(_write(tmp_path, "a,b,c,d,e\n1,2,3,4,0\n"))


def test_csv_loading_is_linear_in_the_columns(tmp_path, monkeypatch):
    n = 40_000                                          # took 10 s when the header check was quadratic
    monkeypatch.setattr(datasets, "MAX_COLUMNS", n, raising=False)
    names = [f"c{j}" for j in range(n)]
    path = _write(tmp_path, ",".join(names) + "\n" + ",".join(["1"] * n) + "\n" + ",".join(["0"] * n) + "\n")
    ds = load_csv(path, inputs=names[:-1])       # (how fast: benchmarks/bench_csv.py)
    assert ds.X_train.shape == (2, n - 1)


def test_csv_progress_and_cancel(tmp_path):
    path = _write(tmp_path, "a,b\n" + "1,0\n2,1\n" * 5000)
    calls = []
    load_csv(path, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[0][0] < calls[-1][0] <= calls[-1][1] == 10_002
    with pytest.raises(Cancelled, match="cancelled at line"):
        load_csv(path, progress=lambda done, total: False)


def test_csv_bad_test_ratio(tmp_path):
    with pytest.raises(DataError, match="test_ratio"):
        load_csv(_write(tmp_path, "a,b\n1,0\n2,1\n"), test_ratio=1.0)


@pytest.mark.parametrize("name", ["spiral_k", "surface", "xor"])
def test_save_then_load_round_trip(tmp_path, name):
    ds = make_dataset(name, samples=50, noise=0.3, classes=4, seed=3)
    path = tmp_path / "out.csv"
    save_csv(path, ds.X_train, ds.d_train, ds.input_names, ds.target_name, ds.classes)
    back = load_csv(path, task=ds.task)
    assert (back.task, back.input_names, back.target_name, back.classes) == \
        (ds.task, ds.input_names, ds.target_name, ds.classes)
    np.testing.assert_array_equal(back.X_train, ds.X_train)
    np.testing.assert_array_equal(back.d_train, ds.d_train)


def test_save_string_classes_and_quoting(tmp_path):
    path = tmp_path / "s.csv"
    save_csv(path, [[1.0], [2.0]], [[0.0], [1.0]], ["length, cm"], "kind", ("cat", "dog; big"))
    assert path.read_text(encoding="utf-8").splitlines()[0] == '"length, cm",kind'
    back = load_csv(path)
    assert back.input_names == ("length, cm",) and back.classes == ("cat", "dog; big")
    np.testing.assert_array_equal(back.d_train[:, 0], [0, 1])


def test_save_rejects_bad_shapes(tmp_path):
    with pytest.raises(DataError):
        save_csv(tmp_path / "x.csv", np.zeros((3, 2)), np.zeros((2, 1)), ("a", "b"), "y")
    with pytest.raises(DataError, match="pass classes"):
        save_csv(tmp_path / "x.csv", np.zeros((2, 2)), np.eye(2), ("a", "b"), "y")


def test_csv_chosen_inputs(tmp_path):
    path = _write(tmp_path, "id,a,b,c,label\nr1,1,2,3,no\nr2,4,5,6,yes\nr3,7,8,9,no\n")
    ds = load_csv(path, inputs=["c", "a"])              # the order given; 'id' is never parsed
    assert ds.input_names == ("c", "a") and ds.target_name == "label" and ds.classes == ("no", "yes")
    np.testing.assert_array_equal(ds.X_train, [[3, 1], [6, 4], [9, 7]])
    with pytest.raises(DataError, match="line 2, column 'id': 'r1' is not a number"):
        load_csv(path)                                  # default: every column but the target
    with pytest.raises(DataError, match="no column named 'x', 'y'; columns: id, a, b, c, label"):
        load_csv(path, inputs=["a", "x", "y"])
    with pytest.raises(DataError, match="no input columns chosen"):
        load_csv(path, inputs=[])
    with pytest.raises(DataError, match="'label' cannot be both the target and an input"):
        load_csv(path, inputs=["a", "label"])
    with pytest.raises(DataError, match="'a' is listed twice"):
        load_csv(path, inputs=["a", "a"])


# ------------------------------------------------------- CSV as Excel saves it
_JA = "身長 (cm),体重 (kg),種類\n170.5,60,犬\n150,45.5,猫\n160,50,犬\n"


@pytest.mark.parametrize("data, encoding", [
    (_JA.encode("cp932"), "auto"),                                       # CSV (コンマ区切り)
    (_JA.encode("cp932"), "cp932"),
    (codecs.BOM_UTF8 + _JA.encode("utf-8"), "auto"),                     # CSV UTF-8
    (codecs.BOM_UTF16_LE + _JA.replace(",", "\t").encode("utf-16-le"), "auto"),   # Unicode テキスト
    (codecs.BOM_UTF16_BE + _JA.replace(",", "\t").encode("utf-16-be"), "auto"),
    (_JA.replace(",", "\t").encode("utf-16-le"), "auto"),               # no BOM: the NULs tell
    (codecs.BOM_UTF16_LE + _JA.replace(",", "\t").encode("utf-16-le"), "utf-16"),
    (_JA.encode("utf-8"), "utf-8"),
])
def test_csv_japanese_excel_encodings(tmp_path, data, encoding):
    ds = load_csv(_write(tmp_path, data), encoding=encoding)
    assert ds.input_names == ("身長 (cm)", "体重 (kg)") and ds.target_name == "種類"
    assert ds.classes == ("犬", "猫") and ds.task == "binary"
    np.testing.assert_array_equal(ds.X_train, [[170.5, 60], [150, 45.5], [160, 50]])


@pytest.mark.parametrize("encoding", ["cp932", "utf-16"])
def test_csv_japanese_round_trip(tmp_path, encoding):
    """save_csv → the file as Excel would save it in ``encoding`` → load_csv: the same data."""
    first = load_csv(_write(tmp_path, _JA))
    path = tmp_path / "saved.csv"
    save_csv(path, first.X_train, first.d_train, first.input_names, first.target_name, first.classes)
    text = path.read_text(encoding="utf-8")
    again = _write(tmp_path, text.encode(encoding), "again.csv")        # Python's utf-16 writes a BOM
    back = load_csv(again)
    assert back.input_names == first.input_names and back.target_name == first.target_name
    assert back.classes == first.classes
    np.testing.assert_array_equal(back.X_train, first.X_train)
    np.testing.assert_array_equal(back.d_train, first.d_train)
    X, names = load_inputs(again, names=["体重 (kg)"])
    assert names == ("体重 (kg)",) and X[:, 0].tolist() == [60, 45.5, 50]


def test_csv_japanese_column_names_in_messages(tmp_path):
    path = _write(tmp_path, "身長,種類\n170,犬\nたかい,猫\n".encode("cp932"))
    with pytest.raises(DataError, match="line 3, column '身長': 'たかい' is not a number"):
        load_csv(path)
    with pytest.raises(DataError, match="no column named '体重'; columns: 身長, 種類"):
        load_csv(path, target="体重")


def test_csv_undecodable_in_any_encoding_names_those_tried(tmp_path):
    path = _write(tmp_path, b"a,b\n1,0\n2,\x80\n")
    with pytest.raises(DataError) as info:
        load_csv(path)
    assert str(info.value).endswith("line 3: byte 0x80 is neither UTF-8 nor CP932 (Shift_JIS) text, and there "
                                    "is no UTF-16 BOM; save the file as CSV UTF-8 or choose its encoding")
    with pytest.raises(DataError, match="line 2: byte 0x8c is not UTF-8 text; choose another encoding"):
        load_csv(_write(tmp_path, "a,b\n犬,0\n".encode("cp932")), encoding="utf-8")


@pytest.mark.parametrize("text, decimal", [
    ("x;y;t\n1,5;-2,25;0\n3;,5;1\n", "auto"),          # ';' and no 1.5 anywhere: a decimal comma
    ("x\ty\tt\n1,5\t-2,25\t0\n3\t,5\t1\n", "auto"),
    ("x;y;t\n1,5;-2,25;0\n3;,5;1\n", "comma"),
    ('x,y,t\n"1,5","-2,25",0\n3,",5",1\n', "comma"),  # quoted in a comma file: only when told
])
def test_csv_decimal_comma(tmp_path, text, decimal):
    ds = load_csv(_write(tmp_path, text), decimal=decimal)
    np.testing.assert_array_equal(ds.X_train, [[1.5, -2.25], [3, 0.5]])
    assert ds.classes == ("0", "1")


def test_csv_decimal_comma_target_and_ambiguity(tmp_path):
    ds = load_csv(_write(tmp_path, "x;Preis\n1;0,5\n2;1,25\n3;2,75\n"))
    assert ds.task == "regression" and ds.d_train[:, 0].tolist() == [0.5, 1.25, 2.75]
    with pytest.raises(DataError, match="line 3, column 'x': '1,5' is not a number"):
        load_csv(_write(tmp_path, "x;y\n2.5;0\n1,5;1\n"))          # both marks: never guessed
    with pytest.raises(DataError, match="line 2, column 'x': '1,5' is not a number"):
        load_csv(_write(tmp_path, 'x,y\n"1,5",0\n2,1\n'))           # a comma file: only when told


def test_csv_quoted_header_names_with_commas(tmp_path):
    for text in ('"身長, cm";"体重, kg";種類\n170;60;犬\n150;45;猫\n',
                 '"身長, cm","体重, kg",種類\n170,60,犬\n150,45,猫\n'):
        ds = load_csv(_write(tmp_path, text))
        assert ds.input_names == ("身長, cm", "体重, kg") and ds.target_name == "種類"
        np.testing.assert_array_equal(ds.X_train, [[170, 60], [150, 45]])
    with pytest.raises(DataError, match="line 1: the header has one column only"):
        load_csv(_write(tmp_path, '"a,b"\n1\n'))
