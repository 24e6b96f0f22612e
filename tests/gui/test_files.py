"""The File menu in the window: save and reopen, export, bad files change nothing."""
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from nnviz.core.weights_io import load_weights, save_weights
from nnviz.core.network import Network
from nnviz.training.trainer import Settings

XOR = Settings(dataset="xor", hidden=(4,), eps=0.1, seed=1)


@pytest.fixture
def window(make_window):
    """Windows as a fresh install opens them (its pace), each on its own settings file."""
    count = iter(range(1000))
    return lambda settings=XOR: make_window(settings, ini=f"w{next(count)}.ini", speed=None)


def wait(qtbot, w, predicate):
    qtbot.waitUntil(lambda: w.snapshot is not None and predicate(w.snapshot), timeout=10000)
    return w.snapshot


def barrier(qtbot, w):
    """A command the worker answers with a snapshot: once it is in, every command the window
    sent before it has been handled (no fixed wait that passes on a slow machine untested)."""
    sample = 7 if w.snapshot.sample != 7 else 8
    w.commands.select_sample.emit(sample)
    return wait(qtbot, w, lambda s: s.sample == sample)


def train(qtbot, w, steps=5):
    for _ in range(steps):
        w.commands.step_once.emit()
    return wait(qtbot, w, lambda s: s.step >= steps)


def test_save_session_and_reopen_where_it_stopped(window, qtbot, tmp_path, monkeypatch):
    w = window()
    snap = train(qtbot, w)
    path = str(tmp_path / "run.nnviz")
    monkeypatch.setattr(w.files, "save_name", lambda *a: path)
    with qtbot.waitSignal(w.worker.saved, timeout=10000) as sig:
        w.files.save_session()
    assert sig.args == [path, ""]
    # pytest-qt hears the worker's signal in the worker's thread: the window's own slot
    # (which marks the run saved) may still be queued
    qtbot.waitUntil(lambda: not w.files.unsaved(), timeout=5000)
    other = window(Settings(dataset="circles", hidden=(2,)))
    other.files.open_path(path)
    again = wait(qtbot, other, lambda s: s.step == snap.step)
    assert np.array_equal(again.W[2], snap.W[2]) and other.settings.hidden == (4,)
    assert other.controls.settings().dataset == "xor"
    assert path in other.qsettings.value("recent")
    qtbot.waitUntil(lambda: other.files.session_path == path, timeout=5000)
    assert not other.files.unsaved()                      # just opened: nothing to save


@pytest.mark.parametrize("suffix", [".npz", ".json", ".onnx"])
def test_export_weights(window, qtbot, tmp_path, monkeypatch, suffix):
    if suffix == ".onnx":
        pytest.importorskip("onnx")
    w = window()
    train(qtbot, w)
    path = str(tmp_path / f"w{suffix}")
    monkeypatch.setattr(w.files, "save_name", lambda *a: path)
    with qtbot.waitSignal(w.worker.saved, timeout=10000) as sig:
        w.files.export_weights()
    assert sig.args[1] == ""
    net, meta = load_weights(path)
    assert np.array_equal(net.W[2], w.snapshot.W[2]) and meta["input_names"] == ["x1", "x2"]


def test_open_an_onnx_mlp_of_another_tool(window, qtbot, tmp_path, monkeypatch):
    """A teacher shows a network trained elsewhere: a torch-style ONNX file opens and is adopted."""
    pytest.importorskip("onnx")
    from onnx_files import layers as make_layers, mlp
    layers = make_layers([2, 5, 1], ["Relu", "Sigmoid"], np.random.default_rng(1))
    mlp(layers, tmp_path / "torch.onnx", dtype=np.float64)
    w = window()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    w.files.open_path(str(tmp_path / "torch.onnx"))
    snap = wait(qtbot, w, lambda s: s.sizes == (2, 5, 1))
    assert np.array_equal(snap.W[2], layers[0][0]) and w.settings.activations == ("relu",)
    assert str(tmp_path / "torch.onnx") in w.qsettings.value("recent")


def test_open_weights_of_another_architecture_offers_to_adopt(window, qtbot, tmp_path, monkeypatch):
    w = window()
    net = Network([2, 6, 1], ["relu"], task="binary", seed=4)
    save_weights(tmp_path / "o.npz", net)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.No)
    w.files.open_path(str(tmp_path / "o.npz"))
    barrier(qtbot, w)
    assert w.snapshot.sizes == (2, 4, 1)                      # declined: nothing changed
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    w.files.open_path(str(tmp_path / "o.npz"))
    snap = wait(qtbot, w, lambda s: s.sizes == (2, 6, 1))
    assert np.array_equal(snap.W[2], net.W[2]) and w.settings.activations == ("relu",)


@pytest.mark.parametrize("name,content", [("bad.npz", b"PK\x03\x04garbage"), ("bad.json", b"{not json"),
                                          ("bad.nnviz", b"\x00" * 100), ("bad.txt", b"hello")])
def test_bad_files_say_why_and_change_nothing(window, qtbot, tmp_path, name, content):
    w = window()
    snap = train(qtbot, w, 3)
    (tmp_path / name).write_bytes(content)
    w.files.open_path(str(tmp_path / name))
    qtbot.waitUntil(lambda: w.banner.isVisible(), timeout=5000)
    assert name in w.banner.text()
    barrier(qtbot, w)
    assert w.snapshot.version == snap.version and np.array_equal(w.worker.trainer.net.W[2], snap.W[2])


def test_exports_of_views_data_and_history(window, qtbot, tmp_path, monkeypatch):
    w = window()
    train(qtbot, w)
    for key in ("network", "output", "hidden", "loss"):
        for ext in (".png", ".svg"):
            path = str(tmp_path / f"{key}{ext}")
            monkeypatch.setattr(w.files, "save_name", lambda *a, p=path: p)
            w.files.export_view(key)
            assert (tmp_path / f"{key}{ext}").stat().st_size > 500, (key, ext)
    path = str(tmp_path / "loss.csv")
    monkeypatch.setattr(w.files, "save_csv_name", lambda *a: (path, False))
    w.files.export_history()
    from nnviz.training.history import csv_text
    text = Path(path).read_text()                  # the file `nnviz train --history` writes
    assert text.startswith("step,epoch,train_loss,test_loss,train_acc,test_acc\n")
    assert text == csv_text(w.snapshot.history) and len(text.splitlines()) == len(w.snapshot.history) + 1
    path = str(tmp_path / "train.csv")
    monkeypatch.setattr(w.files, "save_csv_name", lambda *a: (path, False))
    w.files.export_data("train")
    assert len(open(path).read().splitlines()) == len(w.snapshot.data.X_train) + 1


def test_csv_for_excel_has_a_bom_and_is_remembered(window, qtbot, tmp_path, monkeypatch):
    """Excel reads a UTF-8 CSV's Japanese names only with a BOM: the export dialog's second
    choice writes one (nnviz reads the file back the same), and the next dialog starts on it."""
    from PySide6.QtWidgets import QFileDialog
    from nnviz.core.datasets import load_csv, save_csv
    from nnviz.training.history import csv_text
    (tmp_path / "jp.csv").write_bytes("身長,体重,判定\n1.5,50,はい\n1.7,60,いいえ\n".encode("cp932"))
    data = load_csv(str(tmp_path / "jp.csv"), target="判定")
    asked = []

    def dialog(parent, title, start, filters, chosen):                # the user picks "for Excel",
        asked.append(chosen)                                          # and types no extension
        return str(tmp_path / Path(start).stem) + "_out", filters.split(";;")[1]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    w = window()
    path, excel = w.files.save_csv_name("Export data", "jp.csv")
    assert (path, excel, asked) == (str(tmp_path / "jp_out.csv"), True, ["CSV (*.csv)"])
    save_csv(path, data.X_train, data.d_train, data.input_names, data.target_names, data.classes, bom=excel)
    assert Path(path).read_bytes().startswith(b"\xef\xbb\xbf" + "身長,体重,判定\n".encode("utf-8"))
    again = load_csv(path, target="判定")
    assert again.input_names == data.input_names and again.classes == data.classes
    assert np.array_equal(again.X_train, data.X_train) and np.array_equal(again.d_train, data.d_train)
    train(qtbot, w)
    w.files.export_history()
    assert asked[-1] == "CSV for Excel: UTF-8 with a BOM (*.csv)"     # remembered
    assert (tmp_path / "loss_out.csv").read_bytes() == csv_text(w.snapshot.history).encode("utf-8-sig")


@pytest.mark.parametrize("key", ["arena", "landscape", "stepthrough", "gallery"])
def test_every_view_exports_to_png_and_svg(window, qtbot, tmp_path, monkeypatch, key):
    from PySide6.QtGui import QImage
    w = window()
    train(qtbot, w)
    if key == "stepthrough":
        w.record_step()
        qtbot.waitUntil(lambda: w.stepthrough.trace is not None, timeout=10000)
        w.stepthrough.show_unit(2, 0)                  # the formulas of the phase and of a unit
    for ext in (".png", ".svg"):
        path = tmp_path / f"{key}{ext}"
        monkeypatch.setattr(w.files, "save_name", lambda *a, p=str(path): p)
        w.files.export_view(key)
        data = path.read_bytes()
        if ext == ".png":
            image = QImage(str(path))
            assert data.startswith(b"\x89PNG") and image.width() > 200 and image.height() > 100, key
            # not a blank page: the picture has many colours
            colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
            assert len(colours) > 3, key
        else:
            assert b"<svg" in data and len(data) > 2000, key
    if key == "stepthrough":         # the formulas are text in the SVG, whole however far they scroll
        text = path.read_text()
        assert "δ" in text or "u" in text
    if key in ("arena", "landscape"):
        assert w.tabs.currentWidget().widget() is getattr(w, key)     # shown, as it was saved


def test_drop_a_weights_file(window, qtbot, tmp_path):
    w = window()
    net = Network([2, 4, 1], ["tanh"], task="binary", seed=9)
    save_weights(tmp_path / "d.npz", net)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "d.npz"))])
    event = QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    w.dropEvent(event)
    snap = wait(qtbot, w, lambda s: np.array_equal(s.W[2], net.W[2]))
    assert snap.step == 0


def test_closing_with_unsaved_training_asks(window, qtbot, tmp_path, monkeypatch):
    w = window()
    train(qtbot, w)
    assert w.files.unsaved()
    w.files.ask_save = lambda: "cancel"
    w.close()
    assert w.isVisible() and w.thread.isRunning()
    path = str(tmp_path / "on_close.nnviz")
    monkeypatch.setattr(w.files, "save_name", lambda *a: path)
    w.files.ask_save = lambda: "save"
    w.close()
    assert not w.thread.isRunning() and (tmp_path / "on_close.nnviz").exists()


def test_drawn_points_become_the_training_data(window, qtbot):
    w = window()
    n = len(w.snapshot.data.X_train)
    w.output_view.draw_button.setChecked(True)
    w.output_view._draw_at(1.0, 2.0)
    snap = wait(qtbot, w, lambda s: len(s.data.X_train) == n + 1)
    assert snap.data.name == "drawn"
    w.load_settings(w.settings.replace(hidden=(5,)))                # a rebuild keeps the drawn data
    snap = wait(qtbot, w, lambda s: s.sizes == (2, 5, 1))
    assert len(snap.data.X_train) == n + 1


def test_import_csv_through_the_dialog(window, qtbot, tmp_path, monkeypatch):
    from nnviz.gui import csv_dialog
    path = tmp_path / "d.csv"
    rng = np.random.default_rng(2)
    path.write_text("a,b,label\n" + "".join(f"{x:.3f},{y:.3f},{'yes' if x > y else 'no'}\n"
                                                for i, (x, y) in enumerate(rng.normal(size=(40, 2)))))
    monkeypatch.setattr(csv_dialog.CsvImportDialog, "exec", lambda self: True)
    w = window()
    w.files.open_path(str(path))
    snap = wait(qtbot, w, lambda s: s.data.name == "d.csv")
    assert snap.data.classes == ("no", "yes") and w.settings.data_file == str(path)
    w.load_settings(w.settings.replace(hidden=(3,)))
    snap = wait(qtbot, w, lambda s: s.sizes[1] == 3)
    assert snap.data.name == "d.csv"


def test_a_refused_session_never_becomes_the_file_save_writes_to(window, qtbot, tmp_path, monkeypatch):
    w = window()
    train(qtbot, w, 3)
    bad = tmp_path / "bad.nnviz"
    bad.write_bytes(b"\x00" * 100)
    w.files.open_path(str(bad))
    qtbot.waitUntil(lambda: w.banner.isVisible(), timeout=5000)
    asked = []
    monkeypatch.setattr(w.files, "save_name", lambda *a: asked.append(a) or str(tmp_path / "chosen.nnviz"))
    with qtbot.waitSignal(w.worker.saved, timeout=10000) as sig:
        w.files.save_session()                           # Ctrl+S: asks for a name
    assert asked and sig.args == [str(tmp_path / "chosen.nnviz"), ""]
    assert bad.read_bytes() == b"\x00" * 100
    qtbot.waitUntil(lambda: w.files.session_path == str(tmp_path / "chosen.nnviz"), timeout=5000)
    w.files.open_path(str(bad))                          # refused again: Save keeps its file
    barrier(qtbot, w)
    assert w.files.session_path == str(tmp_path / "chosen.nnviz")
    assert str(bad) not in (w.qsettings.value("recent") or [])


def test_a_failed_save_as_does_not_become_the_current_file(window, qtbot, tmp_path, monkeypatch):
    w = window()
    train(qtbot, w, 3)
    missing = str(tmp_path / "missing" / "s.nnviz")
    monkeypatch.setattr(w.files, "save_name", lambda *a: missing)
    with qtbot.waitSignal(w.worker.saved, timeout=10000) as sig:
        w.files.save_session(ask=True)
    assert sig.args[1]
    qtbot.waitUntil(lambda: w.banner.isVisible(), timeout=5000)
    assert w.files.session_path is None and w.files.unsaved()


def _open_each(w, kind, tmp_path, monkeypatch):
    """Open a file (or a preset) of ``kind`` that would replace the run."""
    from nnviz.gui import csv_dialog
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    if kind == "preset":
        w.findChild(type(w.play_action), "preset_sin_regression").trigger()
        return
    if kind == "csv":
        monkeypatch.setattr(csv_dialog.CsvImportDialog, "exec", lambda self: True)
        (tmp_path / "d.csv").write_text("a,b,y\n" + "".join(f"{i},{i % 3},{i % 2}\n" for i in range(30)))
        path = tmp_path / "d.csv"
    elif kind == "weights":
        path = tmp_path / "o.npz"
        save_weights(path, Network([2, 3, 1], ["relu"], task="binary", seed=4))
    else:
        path = tmp_path / "s.nnviz"
        from nnviz.training.session import save_session
        from nnviz.training.trainer import build
        save_session(path, build(Settings(dataset="circles", hidden=(2,))))
    w.files.open_path(str(path))


@pytest.mark.parametrize("kind", ["session", "weights", "csv", "preset"])
def test_opening_with_unsaved_training_asks_first(window, qtbot, tmp_path, monkeypatch, kind):
    w = window()
    snap = train(qtbot, w, 5)
    asked = []
    w.files.ask_save = lambda: asked.append(1) or "cancel"
    _open_each(w, kind, tmp_path, monkeypatch)
    barrier(qtbot, w)
    assert asked == [1]
    assert w.snapshot.version == snap.version and w.worker.trainer.step_count == 5    # cancelled: kept
    path = str(tmp_path / "kept.nnviz")
    monkeypatch.setattr(w.files, "save_name", lambda *a: path)
    w.files.ask_save = lambda: "save"
    _open_each(w, kind, tmp_path, monkeypatch)
    wait(qtbot, w, lambda s: s.version != snap.version)    # saved, then opened
    from nnviz.training.session import load_session
    assert load_session(path).step_count == 5


def test_a_file_whose_weights_do_not_fit_the_adopted_architecture_keeps_the_run(window, qtbot, tmp_path,
                                                                                   monkeypatch):
    w = window()
    snap = train(qtbot, w, 5)
    save_weights(tmp_path / "three.npz", Network([3, 6, 1], ["relu"], task="binary", seed=4))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    w.files.open_path(str(tmp_path / "three.npz"))
    qtbot.waitUntil(lambda: w.banner.isVisible(), timeout=5000)
    assert "three.npz" in w.banner.text() or "[3, 6, 1]" in w.banner.text()
    barrier(qtbot, w)
    assert w.worker.trainer.step_count == 5 and w.snapshot.version == snap.version
    assert w.settings.hidden == (4,) and np.array_equal(w.worker.trainer.net.W[2], snap.W[2])


def _full_disk(*args):
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("name", ["loss.svg", "output.png", "train.csv", "missing/loss.svg", "arena.png",
                                  "gallery.svg", "stepthrough.svg"])
def test_a_failed_export_says_so_and_keeps_the_old_file(window, qtbot, tmp_path, monkeypatch, name):
    import os
    w = window()
    train(qtbot, w, 3)
    path = tmp_path / "out" / name
    if "/" not in name:
        path.parent.mkdir()
        path.write_bytes(b"the old file")
        monkeypatch.setattr(os, "fsync", _full_disk)
    monkeypatch.setattr(w.files, "save_name", lambda *a: str(path))
    monkeypatch.setattr(w.files, "save_csv_name", lambda *a: (str(path), False))
    messages = []
    monkeypatch.setattr(w.statusBar(), "showMessage", lambda text, *a: messages.append(text))
    if name.endswith(".csv"):
        w.files.export_data("train")
    else:
        w.files.export_view(name.split("/")[-1].split(".")[0])
    monkeypatch.undo()
    assert w.banner.isVisible() and "cannot save" in w.banner.text() and path.name in w.banner.text()
    assert messages == []                                  # never "Exported"
    if "/" not in name:
        assert path.read_bytes() == b"the old file" and os.listdir(path.parent) == [path.name]
    else:
        assert not path.parent.exists()
