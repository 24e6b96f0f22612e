"""The CSV import dialog: preview as in the file, live validation by load_csv, the result."""
import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnviz.gui.csv_dialog import CsvImportDialog, read_preview

GOOD = ("id,a,b,c,label\n"
        + "".join(f"r{i},{i},{i % 3},{i * 0.5},{'yes' if i % 2 else 'no'}\n" for i in range(20)))


def _write(tmp_path, text, name="data.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return str(path)


def make_dialog(qtbot, path, **kwargs):
    dialog = CsvImportDialog(path, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def check(dialog, name, on):
    item = next(dialog.inputs.item(i) for i in range(dialog.inputs.count())
                if dialog.inputs.item(i).data(Qt.UserRole) == name)
    item.setCheckState(Qt.Checked if on else Qt.Unchecked)


def cells(dialog, row):
    return [dialog.table.item(row, j).text() if dialog.table.item(row, j) else ""
            for j in range(dialog.table.columnCount())]


def test_valid_file_gives_the_chosen_dataset_and_patch(qtbot, tmp_path):
    path = _write(tmp_path, GOOD)
    dialog = make_dialog(qtbot, path)
    # Defaults: every column but the last is an input, the last the target; 'id' is not numeric.
    assert dialog.target.currentText() == "label" and dialog.input_names() == ["id", "a", "b", "c"]
    assert not dialog.ok_button.isEnabled() and dialog.dataset() is None
    check(dialog, "id", False)
    check(dialog, "b", False)
    assert dialog.ok_button.isEnabled()
    ds = dialog.dataset()
    assert ds.input_names == ("a", "c") and ds.target_name == "label" and ds.classes == ("no", "yes")
    assert (len(ds.X_train), len(ds.X_test)) == (14, 6)                  # 30 % test by default
    assert dialog.status.text() == "20 rows: 14 train, 6 test · 2 inputs · 2-class: no, yes"
    assert "#1e6b34" in dialog.status.styleSheet()                       # green
    dialog.test_pct.setValue(0)
    assert not dialog.seed.isEnabled()
    np.testing.assert_array_equal(dialog.dataset().X_train[:3], [[0, 0], [1, 0.5], [2, 1]])
    dialog.test_pct.setValue(25)
    dialog.seed.setValue(7)
    dialog.task.setCurrentIndex(dialog.task.findData("binary"))
    assert dialog.settings_patch() == {"data_file": path, "target": "label", "task": "binary",
                                       "test_ratio": 0.25, "data_seed": 7, "encoding": "auto",
                                       "decimal": "auto"}
    assert len(dialog.dataset().X_test) == 5


def test_changing_the_target(qtbot, tmp_path):
    dialog = make_dialog(qtbot, _write(tmp_path, GOOD))
    check(dialog, "id", False)
    dialog.target.setCurrentText("b")                   # b: 0, 1, 2 → three classes
    assert dialog.input_names() == ["a", "c", "label"]  # the old target becomes an input again
    assert "column 'label': 'no' is not a number" in dialog.status.text()
    assert not dialog.inputs.item(2).flags() & Qt.ItemIsEnabled and dialog.inputs.item(2).text() == "b (target)"
    check(dialog, "label", False)
    ds = dialog.dataset()
    assert ds.target_name == "b" and ds.task == "multiclass" and ds.classes == ("0", "1", "2")
    assert "3-class: 0, 1, 2" in dialog.status.text()
    dialog.target.setCurrentText("c")
    assert dialog.input_names() == ["a", "b"] and dialog.inputs.item(2).text() == "b"
    assert dialog.dataset().task == "regression" and dialog.settings_patch()["target"] == "c"
    assert "regression: c from 0 to 9.5" in dialog.status.text()


def test_non_numeric_input_shows_the_line_and_disables_ok(qtbot, tmp_path):
    dialog = make_dialog(qtbot, _write(tmp_path, GOOD))
    text = dialog.status.text()
    assert "data.csv, line 2, column 'id': 'r0' is not a number" in text
    assert not dialog.ok_button.isEnabled() and dialog.dataset() is None
    assert "#a4262c" in dialog.status.styleSheet()                     # red
    assert dialog.table.item(0, 0).background().color().red() > 200   # the cell is marked
    check(dialog, "id", False)
    assert dialog.ok_button.isEnabled()
    assert dialog.table.item(0, 0).background().style() == Qt.NoBrush
    check(dialog, "a", False)
    check(dialog, "b", False)
    check(dialog, "c", False)
    assert "no input columns chosen" in dialog.status.text() and not dialog.ok_button.isEnabled()


@pytest.mark.parametrize("text, message", [
    ("a,b,c\n1,2,0\n4,5\n7,8,1\n", "line 3: 2 values, but the header has 3 columns"),
    ("a,b,c\n1,2,0\n4,nan,1\n", "line 3, column 'b': 'nan' (NaN or infinity) is not allowed"),
    ("a,b\n1,x\n2,x\n", "column 'b': only one class ('x'); classification needs at least 2"),
    ("", "file is empty"),
    ("a,b,c\n", "the file has a header (line 1) but no data rows"),
])
def test_bad_files_show_their_message(qtbot, tmp_path, text, message):
    dialog = make_dialog(qtbot, _write(tmp_path, text, "bad.csv"))
    assert message in dialog.status.text() and "bad.csv" in dialog.status.text()
    assert not dialog.ok_button.isEnabled() and dialog.dataset() is None


def test_ragged_rows_are_previewed_as_they_are(qtbot, tmp_path):
    dialog = make_dialog(qtbot, _write(tmp_path, "a,b,c\n1,2,0\n4,5\n\n7,8,1,9\n"))
    assert dialog.table.columnCount() == 4 and dialog.table.rowCount() == 3
    assert [dialog.table.verticalHeaderItem(i).text() for i in range(3)] == ["2", "3", "5"]
    assert cells(dialog, 1) == ["4", "5", "", ""] and cells(dialog, 2) == ["7", "8", "1", "9"]
    assert "line 3: 2 values" in dialog.status.text()
    assert all(dialog.table.item(1, j).background().color().red() > 200 for j in range(4))


@pytest.mark.parametrize("text", ["\ufeffx;y;t\r\n1.5;2;0\r\n3;4;1\r\n", "x\ty\tt\n1.5\t2\t0\n3\t4\t1\n"])
def test_bom_semicolon_and_tab_files_preview_and_load(qtbot, tmp_path, text):
    path = _write(tmp_path, text)
    dialog = make_dialog(qtbot, path)
    assert [dialog.table.horizontalHeaderItem(j).text() for j in range(3)] == ["x", "y", "t"]
    assert cells(dialog, 0) == ["1.5", "2", "0"] and cells(dialog, 1) == ["3", "4", "1"]
    ds = dialog.dataset()
    assert dialog.ok_button.isEnabled() and ds.input_names == ("x", "y") and ds.task == "binary"


def test_preview_is_limited_and_tolerant(tmp_path):
    path = _write(tmp_path, "a,b\n" + "".join(f"{i},{i % 2}\n" for i in range(500)))
    header, rows, delimiter, encoding, comma = read_preview(path)
    assert encoding == "utf-8" and not comma
    assert header == ["a", "b"] and len(rows) == 50 and rows[0] == (2, ["0", "0"]) and delimiter == ","
    header, rows, _, encoding, _ = read_preview(_write(tmp_path, b"a;b\n1;\xff\n2;\"open\n", "odd.csv"))
    assert header == ["a", "b"] and rows[0] == (2, ["1", "\ufffd"]) and encoding is None
    assert read_preview(str(tmp_path / "missing.csv")) == ([], [], ",", None, False)


def test_huge_file_is_refused_with_the_size_message(qtbot, tmp_path):
    path = _write(tmp_path, "a,b\n" + "1,0\n2,1\n" * 100)
    dialog = make_dialog(qtbot, path, max_bytes=100)
    assert "804 bytes, more than the limit of 100" in dialog.status.text()
    assert not dialog.ok_button.isEnabled() and dialog.table.rowCount() == 50


def test_browse_and_no_file(qtbot, tmp_path, monkeypatch):
    dialog = make_dialog(qtbot, None)
    assert not dialog.ok_button.isEnabled() and "Browse" in dialog.status.text()
    path = _write(tmp_path, "x,y\n1,0\n2,1\n3,0\n")
    monkeypatch.setattr(dialog, "_ask_path", lambda: path)
    assert dialog.browse()
    assert dialog.ok_button.isEnabled() and dialog.settings_patch()["data_file"] == path
    monkeypatch.setattr(dialog, "_ask_path", lambda: "")
    assert not dialog.browse() and dialog.path() == path       # cancelled: nothing changes


def test_dialog_renders(qtbot, tmp_path):
    dialog = make_dialog(qtbot, _write(tmp_path, GOOD))
    dialog.resize(800, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.grab().isNull()


def test_without_a_path_the_file_chooser_opens_on_show(qtbot, tmp_path, monkeypatch):
    path = _write(tmp_path, "x,y\n1,0\n2,1\n")
    monkeypatch.setattr(CsvImportDialog, "_ask_path", lambda self: path)
    dialog = make_dialog(qtbot, None)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.path() == path, timeout=2000)
    assert dialog.ok_button.isEnabled()
    monkeypatch.setattr(CsvImportDialog, "_ask_path", lambda self: "")
    dialog = make_dialog(qtbot, None)
    dialog.show()                                               # chooser cancelled: the import is too
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert dialog.result() == CsvImportDialog.Rejected


def test_a_wide_file_opens_at_once(qtbot, tmp_path):
    n = 3000                                             # took 36 s: Qt calls per cell, each O(columns)
    path = _write(tmp_path, ",".join(f"c{j}" for j in range(n)) + "\n"
                  + "".join(",".join(str((i + j) % 2) for j in range(n)) + "\n" for i in range(20)))
    dialog = make_dialog(qtbot, path)
    dialog.target.setCurrentIndex(0)
    assert dialog.table.columnCount() == 100 and dialog.inputs.count() == n
    assert "first 100 of 3000 columns" in dialog.preview_label.text()
    assert dialog.dataset() is not None and dialog.dataset().target_name == "c0"
    assert dialog.input_names()[:2] == ["c1", "c2"] and len(dialog.input_names()) == n - 1


def test_too_many_columns_are_refused_quickly(qtbot, tmp_path):
    path = _write(tmp_path, ",".join(f"c{j}" for j in range(40_000)) + "\n" + ",".join(["1"] * 40_000) + "\n")
    dialog = make_dialog(qtbot, path)
    assert "line 1: 40,000 columns, more than the limit of 10,000" in dialog.status.text()
    assert not dialog.ok_button.isEnabled()


def test_a_large_file_loads_in_a_thread_with_progress(qtbot, tmp_path):
    path = _write(tmp_path, "a,b,label\n" + "".join(f"{i},{i % 7},{i % 2}\n" for i in range(20_000)))
    dialog = make_dialog(qtbot, path, background_bytes=1000)
    assert dialog.dataset() is None and not dialog.ok_button.isEnabled()
    assert "Reading the file" in dialog.status.text() and not dialog.progress.isHidden()
    qtbot.waitUntil(lambda: dialog.dataset() is not None, timeout=20_000)
    assert len(dialog.dataset().X_train) + len(dialog.dataset().X_test) == 20_000
    assert dialog.ok_button.isEnabled() and dialog.progress.isHidden() and "20000 rows" in dialog.status.text()
    check(dialog, "a", False)                                   # a new choice reads again, in the thread
    qtbot.waitUntil(lambda: dialog.dataset() is not None, timeout=20_000)
    assert dialog.dataset().input_names == ("b",)
    check(dialog, "b", False)                                   # errors come back with line and column
    qtbot.waitUntil(lambda: "no input columns chosen" in dialog.status.text(), timeout=20_000)
    assert not dialog.ok_button.isEnabled()


class _SlowLoad:
    """Stands in for load_csv: reports progress until told to stop; notes its thread."""

    def __init__(self):
        self.threads, self.stopped = [], False

    def __call__(self, path, progress=None, **kwargs):
        import threading
        from nnviz.core.landscape import Cancelled
        self.threads.append(threading.get_ident())
        for done in range(1, 10_000):
            if progress(done, 10_000) is False:
                self.stopped = True
                raise Cancelled("reading {file} cancelled at line {line}", file=path, line=done)
            time.sleep(0.005)
        raise AssertionError("never stopped")


def test_stop_and_close_while_loading(qtbot, tmp_path, monkeypatch):
    from nnviz.gui import csv_dialog
    slow = _SlowLoad()
    monkeypatch.setattr(csv_dialog, "load_csv", slow)
    dialog = make_dialog(qtbot, _write(tmp_path, GOOD), background_bytes=0)
    qtbot.waitUntil(lambda: dialog.progress.maximum() == 10_000 and dialog.progress.value() > 0, timeout=5000)
    assert slow.threads[0] != threading.get_ident()             # not the GUI thread
    qtbot.mouseClick(dialog.stop_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: "Reading stopped" in dialog.status.text(), timeout=5000)
    assert slow.stopped and not dialog.ok_button.isEnabled() and dialog.progress.isHidden()
    slow.stopped = False
    check(dialog, "a", False)                                   # reads again; closing stops it cleanly
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=5000)
    thread = dialog._thread
    dialog.reject()
    assert slow.stopped and dialog._thread is None and not thread.isRunning()


# ------------------------------------------------------- CSV as Excel saves it in Japan
JA = "身長 (cm),体重 (kg),種類\n" + "".join(f"{150 + i},{45 + i % 7},{'犬' if i % 2 else '猫'}\n" for i in range(12))


def headers(dialog):
    return [dialog.table.horizontalHeaderItem(j).text() for j in range(dialog.table.columnCount())]


@pytest.mark.parametrize("data, name", [
    (JA.encode("cp932"), "CP932 (Shift_JIS)"),                                  # CSV (コンマ区切り)
    (JA.replace(",", "\t").encode("utf-16"), "UTF-16"),                          # Unicode テキスト
    (b"\xef\xbb\xbf" + JA.encode("utf-8"), "UTF-8"),                             # CSV UTF-8
])
def test_japanese_excel_files_preview_and_load(qtbot, tmp_path, data, name):
    dialog = make_dialog(qtbot, _write(tmp_path, data))
    assert headers(dialog) == ["身長 (cm)", "体重 (kg)", "種類"] and cells(dialog, 0) == ["150", "45", "猫"]
    assert f"Text: {name}." in dialog.preview_label.text()
    assert dialog.target.currentText() == "種類" and dialog.input_names() == ["身長 (cm)", "体重 (kg)"]
    ds = dialog.dataset()
    assert dialog.ok_button.isEnabled() and ds.classes == ("犬", "猫") and ds.input_names == ("身長 (cm)", "体重 (kg)")


def test_encoding_choice_reads_the_file_again(qtbot, tmp_path):
    dialog = make_dialog(qtbot, _write(tmp_path, JA.encode("cp932")))
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("utf-8"))
    assert "is not UTF-8 text; choose another encoding" in dialog.status.text()
    assert "#a4262c" in dialog.status.styleSheet() and not dialog.ok_button.isEnabled()
    assert "No encoding fits" in dialog.preview_label.text()
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp932"))
    assert headers(dialog) == ["身長 (cm)", "体重 (kg)", "種類"] and dialog.ok_button.isEnabled()
    assert dialog.settings_patch()["encoding"] == "cp932"
    assert dialog.dataset().target_name == "種類"


def test_decimal_choice_keeps_the_columns_chosen(qtbot, tmp_path):
    text = "身長;体重;気温\n1,5;2;0,25\n3;4,5;1\n2;1;-0,5\n"
    dialog = make_dialog(qtbot, _write(tmp_path, text))
    assert "Decimal comma: 1,5 is read as 1.5." in dialog.preview_label.text()
    dialog.test_pct.setValue(0)
    assert dialog.dataset().task == "regression" and dialog.dataset().d_train[:, 0].tolist() == [0.25, 1, -0.5]
    check(dialog, "体重", False)
    dialog.decimal.setCurrentIndex(dialog.decimal.findData("point"))
    assert "Decimal comma" not in dialog.preview_label.text()
    assert "line 2, column '身長': '1,5' is not a number" in dialog.status.text()
    assert dialog.table.item(0, 0).background().color().red() > 200              # the bad cell, tinted
    assert not dialog.ok_button.isEnabled() and dialog.input_names() == ["身長"]
    dialog.decimal.setCurrentIndex(dialog.decimal.findData("comma"))
    assert dialog.ok_button.isEnabled() and dialog.dataset().X_train[:, 0].tolist() == [1.5, 3, 2]
    assert dialog.settings_patch()["decimal"] == "comma" and dialog.input_names() == ["身長"]


def test_utf16_file_read_in_the_background(qtbot, tmp_path):
    dialog = make_dialog(qtbot, _write(tmp_path, JA.replace(",", "\t").encode("utf-16")), background_bytes=10)
    qtbot.waitUntil(lambda: dialog.dataset() is not None, timeout=20_000)
    assert dialog.dataset().input_names == ("身長 (cm)", "体重 (kg)")


def test_several_targets_make_a_multi_output_regression(qtbot, tmp_path):
    path = _write(tmp_path, "x1,x2,y1,y2\n" + "".join(f"{i},{i % 3},{i * 0.5},{i * i * 0.25}\n"
                                                      for i in range(10)))
    dialog = make_dialog(qtbot, path)
    assert dialog.target.currentText() == "y2" and dialog.more_targets.text() == "none"
    dialog.more_targets.menu().aboutToShow.emit()                      # the menu lists every other column
    actions = {a.text(): a for a in dialog.more_targets.menu().actions()}
    assert list(actions) == ["x1", "x2", "y1"]
    actions["y1"].setChecked(True)
    assert dialog.targets() == ["y2", "y1"] and dialog.more_targets.text() == "y1"
    assert dialog.input_names() == ["x1", "x2"]                        # a target is never an input
    ds = dialog.dataset()
    assert ds.task == "regression" and ds.target_names == ("y2", "y1") and ds.n_outputs == 2
    np.testing.assert_array_equal(ds.d_train, np.column_stack([ds.X_train[:, 0] ** 2 / 4, ds.X_train[:, 0] / 2]))
    assert dialog.status.text().endswith("regression of 2 outputs: y2, y1")
    assert dialog.settings_patch()["target"] == ("y2", "y1")
    dialog.task.setCurrentIndex(dialog.task.findData("binary"))        # classification: one message
    assert dialog.dataset() is None and not dialog.ok_button.isEnabled()
    assert "2 target columns (y2, y1) make a multi-output regression" in dialog.status.text()
    dialog.task.setCurrentIndex(0)
    dialog.target.setCurrentText("y1")                                 # the extra target becomes the target
    assert dialog.targets() == ["y1"] and dialog.input_names() == ["x1", "x2", "y2"]
    dialog.set_more_targets(["y2"])
    assert dialog.targets() == ["y1", "y2"] and dialog.dataset().target_names == ("y1", "y2")
    dialog.set_more_targets([])
    assert dialog.settings_patch()["target"] == "y1" and dialog.input_names() == ["x1", "x2", "y2"]
