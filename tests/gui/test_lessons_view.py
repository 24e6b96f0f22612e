"""Help → Lessons driven as a student would: each lesson's scene button, the controls,
the worker training until the panel ticks the task off, typed answers checked against
the recorded trace (the arithmetic shown after two wrong tries), progress kept between
runs, and broken lesson files refused with their message while the others load."""
import gc
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from nnviz.training.lessons import LESSON_DIR, State, trace_number
from nnviz.training.scenes import scene


TRAIN = 60000            # ms: a generous barrier for training to reach a task's condition


def open_lesson(w, qtbot, lesson_id):
    """Help → Lessons, choose ``lesson_id``, press its scene button; the panel."""
    w.findChild(QAction, "lessons").trigger()
    p = w.lessons
    assert w.lessons_dock.isVisible()
    p.chooser.setCurrentIndex(p.chooser.findData(lesson_id))
    qtbot.mouseClick(p.scene_button, Qt.LeftButton)
    settings = scene(p.lesson.scene).settings
    qtbot.waitUntil(lambda: w.settings == settings and w.snapshot.step == 0, timeout=10000)
    return p


def row(p, task_id):
    return next(r for r in p.rows if r.task.id == task_id)


def done(qtbot, p, task_id, timeout=TRAIN):
    qtbot.waitUntil(lambda: p.is_done(task_id), timeout=timeout)
    assert row(p, task_id).mark.text() == "☑"


def play(w, on=True):
    if w.controls.play.isChecked() != on:
        w.controls.play.click()


def record(w, qtbot):
    """Pause, then record one step in the step-through panel."""
    play(w, False)
    qtbot.waitUntil(lambda: not w.snapshot.running, timeout=5000)
    before = w.stepthrough.trace
    w.stepthrough.record_button.click()
    qtbot.waitUntil(lambda: w.stepthrough.trace is not None and w.stepthrough.trace is not before, timeout=5000)
    return w.stepthrough.trace


def answer(qtbot, r, text):
    """Type ``text`` and press Check (setText: QTest.keyClicks hit a Qt assertion now and then here)."""
    r.answer.setText(text)
    r.check.click()


def answer_right(qtbot, p, trace, task_id):
    r = row(p, task_id)
    answer(qtbot, r, f"{trace_number(trace, r.task.check):.3g}".replace("-", "−"))
    assert p.is_done(task_id), r.reply.text()


def more_hidden_units(w, qtbot):
    for _ in range(4):
        w.controls.layers.rows[0].plus.click()
    qtbot.waitUntil(lambda: w.settings.hidden == (8,), timeout=5000)


@pytest.mark.parametrize("lesson, prepare, trained, typed", [
    ("1_unit", None, "train", "u"),                   # one unit with hand-made features; its u
    ("3_output", None, "train", "delta"),             # softmax + cross-entropy; the output δ = z − d
    ("4_layers", more_hidden_units, "units", "u"),    # add hidden units until XOR is learned; a hidden u
])
def test_lessons_1_3_4_train_then_type_a_value_of_the_step(make_window, qtbot, lesson, prepare, trained, typed):
    w = make_window()
    p = open_lesson(w, qtbot, lesson)
    assert row(p, trained).mark.text() == "▶" and not row(p, typed).answer.isEnabled()   # one task at a time
    if prepare:
        prepare(w, qtbot)
    play(w)
    done(qtbot, p, trained)
    answer_right(qtbot, p, record(w, qtbot), typed)
    assert p.progress.text() == "2 of 2 done"


def test_lesson_2_activation_functions(make_window, qtbot):
    w = make_window()
    p = open_lesson(w, qtbot, "2_activation")
    play(w)
    done(qtbot, p, "step")
    layer = w.controls.layers.rows[0].act
    layer.setCurrentIndex(layer.findData("relu"))
    done(qtbot, p, "relu")
    layer.setCurrentIndex(layer.findData("tanh"))
    assert not p.is_done("tanh")              # ReLU's accuracy does not count for tanh
    done(qtbot, p, "tanh")


def test_lesson_5_learning_rate_and_sgd(make_window, qtbot):
    w = make_window()
    p = open_lesson(w, qtbot, "5_learning")
    eps = w.controls._fields["eps"]
    eps.setValue(3.0)
    qtbot.waitUntil(lambda: w.settings.eps == 3.0, timeout=5000)
    play(w)
    done(qtbot, p, "oscillate")
    eps.setValue(0.3)
    done(qtbot, p, "largest")
    w.controls.batch_mode.setCurrentIndex(w.controls.batch_mode.findData(1))
    w.controls.reset.click()                  # from w⁰: after ε = 3 the weights sit where SGD wanders
    done(qtbot, p, "sgd")


def test_lesson_6_momentum_in_the_controls_and_the_arena(make_window, qtbot):
    w = make_window()
    p = open_lesson(w, qtbot, "6_momentum")
    c = w.controls
    c.optimizer.setCurrentIndex(c.optimizer.findData("momentum"))
    assert c._fields["mu"].isEnabled()
    c._fields["mu"].setValue(0.9)
    qtbot.waitUntil(lambda: w.settings.mu == 0.9 and w.settings.optimizer_name == "momentum", timeout=5000)
    w.controls.reset.click()
    play(w)
    done(qtbot, p, "mu")
    play(w, False)
    w.tabs.setCurrentIndex(1)
    assert w.lessons_dock.isVisible()         # the panel stays beside the arena
    w.arena.mu.setValue(0.0)
    done(qtbot, p, "arena_zero", timeout=5000)
    p.poll()
    assert not p.is_done("arena_beat")        # μ = 0: momentum does not beat SGD
    w.arena.mu.setValue(0.9)
    done(qtbot, p, "arena_beat", timeout=5000)


def test_lesson_7_backpropagation_with_the_worked_arithmetic_after_two_tries(make_window, qtbot):
    w = make_window()
    p = open_lesson(w, qtbot, "7_backprop")
    r = row(p, "output_delta")
    answer(qtbot, r, "0.5")
    assert "Record a step first" in r.reply.text() and not p.is_done("output_delta")
    trace = record(w, qtbot)
    answer_right(qtbot, p, trace, "output_delta")
    r = row(p, "hidden_delta")
    answer(qtbot, r, "1234")
    assert "Not quite (1 tries)" in r.reply.text() and "arithmetic" not in r.reply.text()
    answer(qtbot, r, "banana")
    assert "Type a number" in r.reply.text()
    answer(qtbot, r, "1234")
    assert "The arithmetic" in r.reply.text() and "δ_1^(2) = f'(u_1^(2)) Σ_k w_k1^(3) δ_k^(3) =" in r.reply.text()
    answer_right(qtbot, p, trace, "hidden_delta")
    answer_right(qtbot, p, trace, "gradient")
    assert p.progress.text() == "3 of 3 done"


def test_progress_is_kept_between_runs(make_window, qtbot):
    w = make_window()
    p = open_lesson(w, qtbot, "7_backprop")
    answer_right(qtbot, p, record(w, qtbot), "output_delta")
    w.close()
    again = make_window().lessons
    assert again.lesson.id == "7_backprop" and again.is_done("output_delta") and not again.is_done("hidden_delta")
    assert row(again, "hidden_delta").mark.text() == "▶"


def test_a_broken_lesson_file_is_refused_and_the_others_load(make_window, qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "1_good.json").write_text((LESSON_DIR / "4_layers.json").read_text(encoding="utf-8"), encoding="utf-8")
    broken = json.loads((LESSON_DIR / "1_unit.json").read_text(encoding="utf-8"))
    broken["tasks"][0]["check"] = {"exec": "print('hi')"}
    (folder / "2_broken.json").write_text(json.dumps(broken), encoding="utf-8")
    monkeypatch.setenv("NNVIZ_LESSONS", str(folder))
    p = make_window().lessons
    assert p.chooser.count() == 1 and p.lesson.id == "1_good"
    assert p.errors.text().startswith("lesson file 2_broken.json: task 1: a check needs exactly one of")


@pytest.fixture
def make_panel(qtbot, tmp_path):
    """A LessonsPanel of its own (no window), ``make_panel(source)``. Like make_window, the
    garbage is collected in the GUI thread before and after, never in a training thread."""
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings
    from nnviz.gui.lessons_view import LessonsPanel
    panels = []
    gc.collect()
    gc.disable()

    def make(source):
        p = LessonsPanel(QSettings(str(tmp_path / "p.ini"), QSettings.IniFormat), source)
        qtbot.addWidget(p)
        p.show()
        panels.append(p)
        return p
    try:
        yield make
        for p in panels:
            p.close()
            p.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    finally:
        gc.enable()
        gc.collect()


def test_the_previous_runs_numbers_never_complete_a_task(make_panel):
    from nnviz.training.trainer import Settings
    asked = []

    def source(fresh):
        asked.append(fresh)
        return State({"test_accuracy": 1.0} if fresh else {}, None, Settings(hidden=(8,)))
    p = make_panel(source)
    p.chooser.setCurrentIndex(p.chooser.findData("4_layers"))
    p.settings_changed()                   # new settings sent: the snapshot shown is the old run's
    p.snapshot_arrived()                   # maybe sent before the worker took them
    assert asked[-1] is False and not p.is_done("units")
    p.snapshot_arrived()
    assert asked[-1] is True and p.is_done("units")


def test_the_lesson_texts_follow_the_window_language(make_panel, qapp):
    from nnviz.gui.i18n import install_translator, remove_translator
    translator = install_translator(qapp, "ja")
    try:
        p = make_panel(lambda fresh: State())
        assert p.lang == "ja" and p.title.text().startswith("1. ユニット") and p.scene_button.text() == "場面を用意する"
    finally:
        remove_translator(qapp, translator)
    assert make_panel(lambda fresh: State()).title.text().startswith("1. The unit")


def test_choosing_another_lesson_shows_only_its_tasks(make_panel):
    from PySide6.QtWidgets import QLabel
    p = make_panel(lambda fresh: State())
    p.chooser.setCurrentIndex(p.chooser.findData("7_backprop"))
    shown = [label.text() for label in p.findChildren(QLabel) if label.isVisible() and label.parent() is not p]
    assert len(p.rows) == 3 and not any("hidden layers" in text for text in shown)      # none of lesson 1's
    assert [r.text.text() for r in p.rows] == [t.text["en"] for t in p.lesson.tasks]
    assert not p.rows[0].answer.isHidden() and p.rows[0].answer.isEnabled()
