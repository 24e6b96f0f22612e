"""The worksheet PDF of one training step: its pages, numbered blanks and answer key, read
back from the PDF itself (tests/pdftext.py), in English and Japanese; the File menu's export."""
import re

import pytest
from PySide6.QtCore import QSettings

import pdftext
from nnviz.gui import worksheet
from nnviz.gui.i18n import install_translator, remove_translator
from nnviz.gui.formulas import num
from nnviz.training.scenes import scene
from nnviz.training.trainer import Settings, build

pytestmark = pytest.mark.usefixtures("qapp")         # QTextDocument and fonts need an application

def worked_trace(**changes):
    return build(scene("worked_example").settings.replace(**changes)).trace_step()


def flat(text):
    return " ".join(text.split())


def sheet_and_key(trace, key_title="Answer key"):
    """(the sheet's text, the key's text, number of pages) of the trace's worksheet PDF."""
    data, count = worksheet.pdf_bytes(trace)
    pages = [flat(p) for p in pdftext.pages(data)]
    assert data.startswith(b"%PDF") and len(pages) == count
    first_key = next(k for k, p in enumerate(pages) if p.startswith(key_title))
    return " ".join(pages[:first_key]), " ".join(pages[first_key:]), count


def _number(k):
    """Blank (k)'s number: "(k)" before a symbol, not a layer superscript "(k) =", "(k) −"."""
    return re.compile(rf"\({k}\) (?![=←−+])")


def between(text, k, last):
    """The text from blank (k)'s number to the next one's."""
    start = _number(k).search(text).start()
    end = _number(k + 1).search(text, start).start() if k < last else len(text)
    return text[start:end]


def test_blanks_hold_the_traces_values_in_the_slides_order():
    trace = worked_trace()
    items, cut = worksheet.blanks(trace)
    assert not cut and [b.number for b in items] == list(range(1, len(items) + 1))
    value = lambda kind, l, key: trace.phases[trace.find(kind, l)].values[key]
    by_section = {s: [b.value for b in items if b.section == s] for s in worksheet.SECTIONS}
    u2, z2 = value("forward", 2, "u"), value("forward", 2, "z")
    assert by_section["forward"][:6] == [u2[0], z2[0], u2[1], z2[1], u2[2], z2[2]]
    assert by_section["loss"] == [value("loss", 3, "L")]
    assert by_section["output_delta"] == list(value("output_delta", 3, "delta"))
    assert by_section["backward"] == list(value("backward", 2, "delta"))
    assert by_section["gradient"] == [*value("gradient", 3, "dW_n").ravel(), *value("gradient", 2, "dW_n").ravel()]
    assert by_section["update"] == [*value("update", 2, "W_after").ravel(), *value("update", 3, "W_after").ravel()]


def test_pdf_has_the_sheet_its_blanks_and_the_key_on_its_own_page():
    trace = worked_trace()
    items, _ = worksheet.blanks(trace)
    sheet, key, count = sheet_and_key(trace)
    assert count >= 2 and "Worksheet: backpropagation" in sheet and "Teacher signal" in sheet
    assert "Answer key" not in sheet
    last = items[-1].number
    blanks = sheet[sheet.index("Fill in the blanks"):]
    for b in items:
        assert "__________" in between(blanks, b.number, last), b
        assert num(b.value) in between(key, b.number, last).split(), b       # the value, formatted
    x = trace.phases[0].values["z"]
    assert all(num(v) in sheet for v in x)                     # the sample is given
    assert "__________" not in key


def test_key_writes_out_one_delta():
    trace = worked_trace()
    v = trace.phases[trace.find("backward", 2)].values
    _, key, _ = sheet_and_key(trace)
    s = float(v["W_next"][:, 0] @ v["delta_next"])
    compact = key.replace(" ", "")
    assert f"={num(v['df'][0])}·{num(s)}={num(v['delta'][0])}" in compact
    par = lambda x: f"({num(x)})" if num(x).startswith("−") else num(x)     # a negative factor in ( )
    terms = "+".join(f"{par(w)}·{par(d)}" for w, d in zip(v["W_next"][:, 0], v["delta_next"]))
    assert f"={par(v['df'][0])}·({terms})" in compact


def test_japanese_sheet_speaks_the_slides_words(qapp, japanese_font):
    translator = install_translator(qapp, "ja")
    assert translator is not None
    try:
        sheet, key, _ = sheet_and_key(worked_trace(), "解答")
    finally:
        remove_translator(qapp, translator)
    for word in ("誤差逆伝播法", "教師信号", "誤差関数", "学習率", "順伝播", "空欄"):
        assert word in sheet.replace(" ", ""), word
    assert "解答" not in sheet and "__________" not in key


def test_a_larger_network_gets_fewer_blanks_and_says_so():
    trace = build(Settings(dataset="xor", hidden=(8, 8), seed=2)).trace_step()
    items, cut = worksheet.blanks(trace)
    assert cut
    assert max(int(re.search(r"<sub>(\d)", b.label).group(1)) for b in items if b.section == "forward") \
        == worksheet.MAX_UNITS
    sheet, key, count = sheet_and_key(trace)
    assert "larger than the sheet" in sheet and count >= 2


def test_minibatch_gives_the_update_gradient_beside_each_blank():
    trace = worked_trace(batch=4)
    items, _ = worksheet.blanks(trace)
    upd = [b for b in items if b.section == "update"]
    g = trace.phases[trace.find("update", 2)].values["dW"]
    assert num(g[0, 0]) in upd[0].hint
    sheet, _, _ = sheet_and_key(trace)
    assert "whole minibatch (B = 4)" in sheet


def test_file_menu_exports_a_worksheet(qtbot, tmp_path, monkeypatch):
    from nnviz.gui.main_window import MainWindow
    w = MainWindow(Settings(dataset="xor", hidden=(3,), seed=1),
                   qsettings=QSettings(str(tmp_path / "w.ini"), QSettings.IniFormat))
    w.files.ask_save = lambda: "discard"             # closing after a recorded step asks otherwise
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.frames > 0, timeout=10000)
    try:
        titles = [a.text() for a in w.file_menu.actions()]
        assert "Export work&sheet…" in titles
        path = tmp_path / "sheet.pdf"
        monkeypatch.setattr(w.files, "save_name", lambda *a: str(path))
        w.files.export_worksheet()                       # no trace yet: one step is recorded first
        qtbot.waitUntil(lambda: path.exists() and w.stepthrough.trace is not None, timeout=10000)
        first = w.stepthrough.trace
        assert "Answer key" in flat(" ".join(pdftext.pages(path.read_bytes())))
        path.unlink()
        w.files.export_worksheet()                       # the step-through's trace: no new step
        assert path.exists() and w.stepthrough.trace is first
        sheet = flat(" ".join(pdftext.pages(path.read_bytes())))
        assert f"training step {first.meta['step']}, sample n = {first.meta['sample']}" in sheet
    finally:
        w.close()
