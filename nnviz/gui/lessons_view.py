"""Help → Lessons: the lecture's sections as a guided sequence in a side panel.

Each lesson (:mod:`nnviz.training.lessons`) has a title, a few sentences, a button
that sets up its scene and tasks that the panel checks from the window's state, in
order: only the first unfinished task is checked. A task with a number to type is
checked against the recorded step-through trace; after two wrong tries the panel
shows the arithmetic. Finished tasks are kept in QSettings ("lessons/done").

The panel reads the window (never the worker's trainer) through ``source``, a
callable returning a :class:`~nnviz.training.lessons.State`; :func:`window_state`
builds it from a MainWindow. Metrics count only from the second snapshot after the
settings changed, so that a number of the previous run never completes a task.
"""
from __future__ import annotations

import json
import os

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QFileDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from ..training.lessons import (LESSON_DIR, METRICS, State, answer_ok, holds, load_lessons, parse_answer,
                                trace_number, worked)
from ..training.scenes import load_scenes
from .i18n import explain
from .widgets import WrappingCombo

__all__ = ["LessonsPanel", "window_state", "POLL_MS"]

POLL_MS = 250                  # how often the current task is checked while the panel shows
WORKED_AFTER = 2               # wrong tries before the arithmetic is shown
ERROR_STYLE = "color:#8a1c1c;"
DONE_STYLE, PENDING_STYLE = "color:#1b6e2a;", ""


def window_state(window, fresh=True):
    """A :class:`State` of ``window`` (a MainWindow) now: its latest snapshot's numbers
    (none unless ``fresh``), its Settings, its step-through trace, its arena."""
    snap, metrics, history = window.snapshot, {}, None
    if snap is not None and fresh:
        metrics = {"train_loss": snap.train_loss, "test_loss": snap.test_loss, "step": snap.step,
                   "epoch": snap.epoch, **{k: v for k, v in snap.metrics.items() if k in METRICS}}
        history = snap.history
    a = window.arena
    arena = {"surface": a.surface, "mu": a.mu.value(), "eps": a.eps.value(), "paths": a.paths}
    return State(metrics, history, window.settings, window.stepthrough.trace, arena)


class _TaskRow:
    """One task: its mark and text, and for a typed answer a box, a button and a reply."""

    def __init__(self, panel, grid, row, task, placeholder, check):
        self.task, self.tries = task, 0
        self.mark, self.text = QLabel(), QLabel(wordWrap=True)
        grid.addWidget(self.mark, row, 0)
        grid.addWidget(self.text, row, 1)
        self.answer = self.check = self.reply = None
        if task.needs_answer:
            self.answer, self.check = QLineEdit(placeholderText=placeholder), QPushButton(check)
            self.answer.setObjectName(f"answer_{task.id}")
            self.check.setObjectName(f"check_{task.id}")
            self.reply = QLabel(wordWrap=True)
            box = QWidget()
            lay = QHBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(self.answer, 1)
            lay.addWidget(self.check)
            grid.addWidget(box, row + 1, 1)
            grid.addWidget(self.reply, row + 2, 1)
            self.answer.returnPressed.connect(lambda: panel.submit(self))
            self.check.clicked.connect(lambda *_: panel.submit(self))


class LessonsPanel(QWidget):
    """The side panel of Help → Lessons. ``qsettings`` keeps the progress; ``source()``
    returns the window's :class:`State`; ``folder`` holds the lesson files (default: the
    environment variable NNVIZ_LESSONS, else nnviz/resources/lessons)."""

    scene_requested = Signal(str)          # a preset key
    task_done = Signal(str, str)           # lesson id, task id

    def __init__(self, qsettings, source, folder=None, parent=None):
        super().__init__(parent)
        self.qsettings, self.source = qsettings, source
        self.lang = "ja" if self.tr("en", "the language of the lesson texts: ja or en") == "ja" else "en"
        self._fresh_count = 2              # snapshots since the settings last changed
        self.done = set(json.loads(self.qsettings.value("lessons/done") or "[]"))
        self.rows = []
        self.chooser = WrappingCombo()               # a lesson's long title wraps in a narrow dock
        self.progress, self.title, self.body = QLabel(), QLabel(wordWrap=True), QLabel(wordWrap=True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.scene_button = QPushButton(self.tr("Set up the scene"))
        self.scene_button.setObjectName("lesson_scene")
        self.scene_button.clicked.connect(lambda *_: self.lesson and self.lesson.scene
                                          and self.scene_requested.emit(self.lesson.scene))
        self.errors = QLabel(wordWrap=True)
        self.errors.setStyleSheet(ERROR_STYLE)
        self.open_button = QPushButton(self.tr("Open lesson folder…"))
        self.open_button.clicked.connect(lambda *_: self._ask_folder())
        self.task_box = QWidget()                # rebuilt for each lesson (see _show_lesson)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.progress)
        for item in (top, self.title, self.body, self.scene_button, QLabel(self.tr("<b>Tasks</b>")),
                     self.task_box, self.errors):
            (lay.addLayout if isinstance(item, QHBoxLayout) else lay.addWidget)(item)
        lay.addStretch(1)
        lay.addWidget(self.open_button)
        self.timer = QTimer(self, interval=POLL_MS, timeout=self.poll)
        self.chooser.currentIndexChanged.connect(self._show_lesson)
        self.load_folder(folder or os.environ.get("NNVIZ_LESSONS") or LESSON_DIR)

    # ---------------------------------------------------------------- lessons
    def load_folder(self, folder):
        """Read every lesson file of ``folder``; broken ones are listed with their message."""
        self.lessons, errors = load_lessons(folder, scenes={s.key for s in load_scenes()})
        self.errors.setText("<br>".join(explain(e) for e in errors))
        self.errors.setVisible(bool(errors))
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for lesson in self.lessons:
            self.chooser.addItem(lesson.title[self.lang], lesson.id)
        self.chooser.blockSignals(False)
        current = self.qsettings.value("lessons/current")
        ids = [lesson.id for lesson in self.lessons]
        self.chooser.setCurrentIndex(ids.index(current) if current in ids else 0)
        self._show_lesson()

    def _ask_folder(self):
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open lesson folder"))
        if folder:
            self.load_folder(folder)

    @property
    def lesson(self):
        i = self.chooser.currentIndex()
        return self.lessons[i] if 0 <= i < len(self.lessons) else None

    def _show_lesson(self, *_):
        old, self.task_box = self.task_box, QWidget()
        self.layout().replaceWidget(old, self.task_box)
        old.hide()
        old.deleteLater()
        self.grid = QGridLayout(self.task_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(1, 1)
        self.rows = []
        lesson = self.lesson
        self.title.setText(lesson.title[self.lang] if lesson else self.tr("No lessons"))
        self.body.setText(lesson.text[self.lang] if lesson else "")
        self.scene_button.setVisible(bool(lesson and lesson.scene))
        if lesson is None:
            self.progress.clear()
            return
        self.qsettings.setValue("lessons/current", lesson.id)
        for k, task in enumerate(lesson.tasks):
            self.rows.append(_TaskRow(self, self.grid, 3 * k, task, self.tr("your number"), self.tr("Check")))
        self._refresh()

    def is_done(self, task_id, lesson=None):
        return f"{(lesson or self.lesson).id}/{task_id}" in self.done

    def current_row(self):
        """The row of the first unfinished task, or None when the lesson is done."""
        return next((r for r in self.rows if not self.is_done(r.task.id)), None)

    def _refresh(self):
        current = self.current_row()
        for row in self.rows:
            done = self.is_done(row.task.id)
            row.mark.setText("☑" if done else "▶" if row is current else "☐")
            row.text.setText(row.task.text[self.lang])
            row.text.setStyleSheet(DONE_STYLE if done else PENDING_STYLE)
            row.text.setEnabled(done or row is current)
            if row.answer is not None:
                for w in (row.answer, row.check):
                    w.setEnabled(row is current)
        n = sum(self.is_done(r.task.id) for r in self.rows)
        self.progress.setText(self.tr("{0} of {1} done").format(n, len(self.rows)))

    def _complete(self, row):
        self.done.add(f"{self.lesson.id}/{row.task.id}")
        self.qsettings.setValue("lessons/done", json.dumps(sorted(self.done)))
        self.task_done.emit(self.lesson.id, row.task.id)
        self._refresh()

    def reset_progress(self):
        """Forget every finished task (of every lesson)."""
        self.done.clear()
        self.qsettings.remove("lessons/done")
        self._refresh()

    # ---------------------------------------------------------------- checking
    def settings_changed(self, *_):
        """The window sent new settings (or a restart): its latest numbers are the old run's."""
        self._fresh_count = 0

    def snapshot_arrived(self, *_):
        self._fresh_count += 1
        if self.isVisible():
            self.poll()

    def state(self):
        return self.source(self._fresh_count >= 2)

    def poll(self):
        """Check the current task (unless it waits for a typed answer)."""
        row = self.current_row()
        if row is not None and not row.task.needs_answer and holds(row.task.check, self.state()):
            self._complete(row)

    def submit(self, row):
        """Check the typed answer of ``row`` against the recorded trace."""
        if row is not self.current_row():
            return
        trace, check = self.state().trace, row.task.check
        value, answer = trace_number(trace, check), parse_answer(row.answer.text())
        if value is None:
            row.reply.setText(self.tr("Record a step first: Train → Step through one training step (T)."))
        elif answer is None:
            row.reply.setText(self.tr("Type a number, e.g. −0.0123."))
        elif answer_ok(value, answer, check.get("digits", 3)):
            row.reply.setText(self.tr("Right: {0}").format(f"{value:.4g}".replace("-", "−")))
            self._complete(row)
        else:
            row.tries += 1
            text = self.tr("Not quite ({0} tries). Look at the step-through's numbers.").format(row.tries)
            if row.tries >= WORKED_AFTER:
                text = self.tr("Not quite. The arithmetic:") + "<br>" + worked(trace, check)
            row.reply.setText(text)

    def showEvent(self, event):
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event):
        self.timer.stop()
        super().hideEvent(event)
