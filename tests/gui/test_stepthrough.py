"""The step-through panel walks a recorded training step phase by phase and asks for new ones."""
import pytest
from PySide6.QtCore import Qt

from nnviz.gui.formulas import _par, num, phase_html
from nnviz.gui.stepthrough import StepThroughPanel
from nnviz.training.trainer import Settings, build


def make_trace(steps=2, sample=0, **settings):
    settings = {"dataset": "xor", "hidden": (3,), "mu": 0.9, **settings}
    trainer = build(Settings(**settings))
    for _ in range(steps):
        trainer.step()
    return trainer.trace_step(sample)


@pytest.fixture(scope="module")
def trace():
    return make_trace()


@pytest.fixture
def panel(qtbot):
    p = StepThroughPanel()
    qtbot.addWidget(p)
    p.resize(520, 600)
    p.set_sample_count(200)
    return p


def test_set_trace_goes_to_the_first_phase_and_says_so(qtbot, panel, trace):
    assert panel.trace is None and panel.index == -1 and not panel.play_button.isEnabled()
    with qtbot.waitSignal(panel.phase_changed, timeout=1000) as blocker:
        panel.set_trace(trace)
    assert blocker.args == [trace, 0]
    assert panel.trace is trace and panel.index == 0
    assert panel.position_label.text() == "phase 1 of 10"
    assert panel.phase_box.count() == 10 and "forward pass, layer 1" in panel.phase_box.currentText()
    assert not panel.prev_button.isEnabled() and panel.next_button.isEnabled()
    assert panel.formula_html() == phase_html(trace, 0, panel._chars)
    assert "step t = 3" in panel.info_label.text() and "μ = 0.9" in panel.info_label.text()


def test_next_then_previous_returns_to_the_same_phase_and_text(qtbot, panel, trace):
    panel.set_trace(trace)
    panel.set_phase(4)
    panel.show_unit(2, 1)
    before = (panel.index, panel.formula_html(), panel.detail_html(), panel.formula_view.toHtml(),
              panel.phase_box.currentIndex(), panel.position_label.text())
    seen = []
    panel.phase_changed.connect(lambda t, i: seen.append(i))
    panel.next()
    assert panel.index == 5 and panel.formula_html() != before[1]
    panel.previous()
    after = (panel.index, panel.formula_html(), panel.detail_html(), panel.formula_view.toHtml(),
             panel.phase_box.currentIndex(), panel.position_label.text())
    assert after == before and seen == [5, 4]


def test_stepping_stops_at_both_ends(qtbot, panel, trace):
    panel.set_trace(trace)
    panel.previous()
    assert panel.index == 0
    panel.set_phase(99)
    assert panel.index == 9 and not panel.next_button.isEnabled()
    with qtbot.assertNotEmitted(panel.phase_changed):
        panel.next()
    assert panel.index == 9 and panel.position_label.text() == "phase 10 of 10"


def test_buttons_and_the_phase_list_move_through_the_phases(qtbot, panel, trace):
    panel.set_trace(trace)
    qtbot.mouseClick(panel.next_button, Qt.LeftButton)
    qtbot.mouseClick(panel.next_button, Qt.LeftButton)
    assert panel.index == 2
    qtbot.mouseClick(panel.prev_button, Qt.LeftButton)
    assert panel.index == 1
    with qtbot.waitSignal(panel.phase_changed, timeout=1000) as blocker:
        panel.phase_box.setCurrentIndex(trace.find("backward", 2))
    assert blocker.args[1] == 5 and "δ recursion" in panel.formula_html()


def test_play_animates_every_phase_in_order_then_stops(qtbot, panel, trace):
    panel.set_trace(trace)
    seen = []
    panel.phase_changed.connect(lambda t, i: seen.append(i))
    panel.set_speed(0.3)
    assert panel.timer.interval() == 300
    panel.play()
    assert panel.playing and panel.play_button.isChecked()
    panel.timer.setInterval(10)                          # quick for the test
    qtbot.waitUntil(lambda: not panel.playing, timeout=5000)
    assert seen == list(range(1, 10)) and panel.index == 9
    assert not panel.play_button.isChecked()
    seen.clear()
    panel.play()                                         # at the end, play starts over
    assert seen[:1] == [0]
    panel.timer.setInterval(10)
    qtbot.waitUntil(lambda: panel.index >= 3, timeout=5000)
    qtbot.mouseClick(panel.play_button, Qt.LeftButton)   # pause
    assert not panel.playing
    stopped = panel.index
    qtbot.wait(50)
    assert panel.index == stopped


def test_record_gradcheck_and_sample_signals(qtbot, panel, trace):
    with qtbot.waitSignal(panel.sample_changed, timeout=1000) as blocker:
        panel.sample_spin.setValue(7)
    assert blocker.args == [7]
    with qtbot.waitSignal(panel.record_requested, timeout=1000) as blocker:
        qtbot.mouseClick(panel.record_button, Qt.LeftButton)
    assert blocker.args == [7]
    with qtbot.waitSignal(panel.gradcheck_requested, timeout=1000):
        qtbot.mouseClick(panel.gradcheck_button, Qt.LeftButton)
    with qtbot.assertNotEmitted(panel.sample_changed):
        panel.set_trace(make_trace(sample=12))           # the trace's sample shows without a request
    assert panel.sample_spin.value() == 12
    panel.set_sample_count(10)
    assert panel.sample_spin.maximum() == 9


def test_gradcheck_result_is_green_or_red(panel):
    panel.show_gradcheck(3.2e-9, 41)
    text = panel.gradcheck_label.text()
    assert "3.2e-09" in text and "41 parameters" in text and "agrees" in text
    assert "#1a7f37" in panel.gradcheck_label.styleSheet()
    panel.show_gradcheck(2e-3, 41)
    assert "disagree" in panel.gradcheck_label.text() and "#c62828" in panel.gradcheck_label.styleSheet()
    panel.show_gradcheck(float("nan"), 41)
    assert "#c62828" in panel.gradcheck_label.styleSheet()


def test_clicked_unit_and_edge_follow_the_phase(panel, trace):
    panel.set_trace(trace)
    assert panel.detail_html() == ""
    panel.show_unit(2, 0)
    fw = trace.phases[trace.find("forward", 2)].values
    assert f"<b>{num(fw['u'][0])}</b>" in panel.detail_html()
    panel.set_phase(trace.find("backward", 2))
    bw = trace.phases[panel.index].values
    assert f"{_par(bw['W_next'][0, 0])}·{_par(bw['delta_next'][0])}" in panel.detail_html()
    assert f"<b>{num(bw['delta'][0])}</b>" in panel.detail_html()
    panel.show_edge(3, 0, 2)
    g = trace.phases[trace.find("gradient", 3)].values
    assert f"<b>{num(g['dW_n'][0, 2])}</b>" in panel.detail_html()
    panel.set_trace(make_trace(hidden=(2,)))             # unit 3 of layer 2 no longer exists
    panel.show_unit(2, 2)
    assert panel.detail_html() == ""
    panel.show_unit(2, 1)
    panel.clear_selection()
    assert panel.detail_html() == ""


def test_formulas_scale_with_the_panel(qtbot, panel, trace):
    panel.set_trace(trace)
    panel.show()
    qtbot.waitExposed(panel)
    panel.resize(360, 600)
    qtbot.waitUntil(lambda: panel.formula_view.viewport().width() < 400, timeout=2000)
    small = (panel._chars, panel.formula_view.document().defaultFont().pixelSize())
    panel.resize(900, 600)
    qtbot.waitUntil(lambda: panel._chars > small[0], timeout=2000)
    assert panel.formula_view.document().defaultFont().pixelSize() > small[1]
    assert panel.formula_html() == phase_html(trace, 0, panel._chars)


def test_clearing_the_trace(qtbot, panel, trace):
    panel.set_trace(trace)
    with qtbot.waitSignal(panel.phase_changed, timeout=1000) as blocker:
        panel.set_trace(None)
    assert blocker.args == [None, -1] and panel.index == -1
    assert "Record next step" in panel.formula_html()
    panel.next()
    assert panel.index == -1


def test_gradcheck_of_a_sample_says_so(panel):
    panel.show_gradcheck(1e-8, 2000, 33537)
    assert "random sample of 2000 of the 33537 parameters" in panel.gradcheck_label.text()
    panel.show_gradcheck(1e-8, 41, 41)
    assert "over 41 parameters" in panel.gradcheck_label.text()
