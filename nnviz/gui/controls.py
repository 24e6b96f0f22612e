"""The side panel: every training choice as a control, in the lecture's terms.

:class:`ControlPanel` is a view of one :class:`~nnviz.training.trainer.Settings`
value: :meth:`~ControlPanel.set_settings` fills the controls without emitting,
:meth:`~ControlPanel.settings` reads them back, and ``settings_changed`` carries
the new Settings whenever the user changes anything (spin boxes after 250 ms of
quiet, so typing "0.003" emits once). The hidden layers l = 2 … L−1 are edited by
:class:`~nnviz.gui.architecture.ArchitectureEditor`; the small widgets come from
widgets.py. The run controls send their own signals.
"""
from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QAbstractSpinBox, QButtonGroup, QCheckBox, QComboBox, QGridLayout, QGroupBox,
                               QLabel, QPushButton, QSlider, QStyle, QToolButton, QVBoxLayout, QWidget)

from ..core.activations import OUTPUT_ACTIVATIONS, OUTPUT_TITLES
from ..core.datasets import DATASETS, FEATURES, make_dataset
from ..core.losses import LOSSES, TASKS, check_pair, output_rule
from ..core.network import INIT_SCHEMES
from ..core.optimizers import OPTIMIZERS, SCHEDULES
from ..training.compare import MAX_RUNS
from ..training.trainer import Settings
from .i18n import explain, word
from .architecture import ArchitectureEditor
from .colors import LUT, POS, RUN_COLORS, class_color, lut_index, qcolor
from .widgets import (Debounce, FormGrid, LadderSpinBox, hbox, make_combo, make_spin, note_label, select_data,
                      tool_button)

__all__ = ["ControlPanel", "dataset_icon", "toy_io", "SPEEDS", "DEFAULT_SPEED"]

#: Slider positions in steps per second, a 1-2-5 logarithmic ladder; 0 (the last) = as fast as possible.
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 0)
#: A pace a student can follow: XOR (xor_hidden, seed 0) reaches 95 % at step 776, after about 15 s.
DEFAULT_SPEED = 50
EPS_LADDER = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10)   # TF Playground's ε
LAMBDA_LADDER = (0, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1)
LOSS_LADDER = (0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1)
#: The matched outputs of the task pairs, as the slides write them (the losses' are LOSSES[k].short).
OUTPUT_SHORT = {"identity": QT_TRANSLATE_NOOP("ControlPanel", "identity"), "sigmoid": "σ",
                "softmax": QT_TRANSLATE_NOOP("ControlPanel", "softmax")}
#: Data set buttons only: a stylesheet on a parent would restyle (and widen) every spin box.
TILE_STYLE = """QToolButton { border: 1px solid palette(mid); border-radius: 4px; padding: 1px;
                              background: white; }
                QToolButton:checked { border: 2px solid rgb%s; padding: 0px; }""" % (POS,)


@lru_cache(maxsize=None)
def toy_io(name, classes):
    """(raw inputs, target columns) of toy data set ``name`` with ``classes`` classes."""
    data = make_dataset(name, samples=2, classes=classes)
    return data.n_inputs, data.n_outputs


@lru_cache(maxsize=None)
def dataset_icon(name, size=40):
    """A size × size preview of toy data set ``name``: 120 points in class or value colours."""
    data = make_dataset(name, samples=120, noise=0.05)
    X, d = np.vstack([data.X_train, data.X_test])[:, :2], np.vstack([data.d_train, data.d_test])[:, 0]
    if data.task == "regression":
        colors = [qcolor(LUT[i]) for i in lut_index(d, 0.7)]
        X = np.column_stack([X[:, 0], 4 * d / np.pi]) if X.shape[1] == 1 else X
        X = X * 6 / np.pi                                    # [-π, π] → [-6, 6]
    else:
        colors = [class_color(k) for k in np.concatenate([data.labels_train, data.labels_test])]
    pix = QPixmap(size, size)
    pix.fill(Qt.white)
    p = QPainter(pix)
    p.setRenderHint(QPainter.Antialiasing)
    p.setPen(Qt.NoPen)
    scale = size / 13.0                                      # data live in about [-6.5, 6.5]²
    for (x1, x2), c in zip(X, colors):
        p.setBrush(c)
        p.drawEllipse(QPointF(size / 2 + x1 * scale, size / 2 - x2 * scale), 1.5, 1.5)
    p.end()
    return QIcon(pix)


# ------------------------------------------------------------------ the panel
class ControlPanel(QWidget):
    """The side panel: a view of one Settings value plus the run controls.

    Signals
    -------
    settings_changed(Settings)   the user changed a setting (spin boxes: after 250 ms of quiet)
    new_weights_requested()      "new weights": draw w⁰ again (the window picks a new seed)
    play_toggled(bool)           play (True) or pause (False)
    step_requested(), reset_requested()
    speed_changed(float)         steps per second, 0 = as fast as possible
    stop_changed(object, object) (epochs or None, target loss or None)
    run_selected(int), add_run_requested(), remove_run_requested(int)   the comparison's runs
    """

    settings_changed = Signal(object)
    new_weights_requested = Signal()
    play_toggled = Signal(bool)
    step_requested = Signal()
    reset_requested = Signal()
    speed_changed = Signal(float)
    stop_changed = Signal(object, object)
    run_selected = Signal(int)
    add_run_requested = Signal()
    remove_run_requested = Signal(int)

    def __init__(self, settings=None, parent=None):
        super().__init__(parent)
        self._base, self._last, self._loading, self._file_task = Settings(), None, False, "binary"
        self._fields = {}                     # Settings field → the control showing it as it is
        self._settings_deb = Debounce(self, self._emit_settings)
        self._stop_deb, self._last_stop = Debounce(self, self._emit_stop), (None, None)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        for build in (self._run_group, self._compare_group, self._training_group, self._data_group,
                      self._task_group, self._layers_group, self._init_group):    # ε above the fold
            lay.addWidget(build())
        lay.addStretch(1)
        self.set_settings(settings or Settings())

    # -------------------------------------------------------------- groups
    def _run_group(self):
        box, g = self._group(self.tr("Run"))
        self.play = QPushButton(checkable=True, toolTip=self.tr("train continuously; click again to pause"))
        self.play.toggled.connect(self._on_play)
        self.step = self._button(self.tr("Step"), self.tr("one update w^(t+1) = w^t − ε∇L on the next minibatch"),
                                 self.step_requested.emit, QStyle.SP_MediaSkipForward)
        self.reset = self._button(self.tr("Reset"), self.tr("back to the initial weights w⁰ and epoch 0"),
                                  self.reset_requested.emit, QStyle.SP_MediaSkipBackward)
        g.row(hbox(self.play, self.step, self.reset))
        self.speed_slider = QSlider(Qt.Horizontal, minimum=0, maximum=len(SPEEDS) - 1, pageStep=1,
                                    value=SPEEDS.index(DEFAULT_SPEED), toolTip=self.tr(
                                        "training steps per second, 1 to max (logarithmic); up to 30 "
                                        "a second every step is drawn"))
        self.speed_label = QLabel(minimumWidth=44)
        self.speed_slider.valueChanged.connect(self._on_speed)
        g.row(self.tr("speed"), hbox(self.speed_slider, self.speed_label))
        self.stop_epochs_on = QCheckBox(self.tr("stop at epoch"))
        self.stop_loss_on = QCheckBox(self.tr("stop at L ≤"))
        self.stop_epochs = make_spin(1, 99999, self.tr("pause after this many epochs"))
        self.stop_loss = LadderSpinBox(LOSS_LADDER, 4, self.tr("pause once the training loss L is this low"))
        self.stop_epochs.setValue(100)
        self.stop_loss.setValue(0.01)
        g.row(self.stop_epochs_on, self.stop_epochs)
        g.row(self.stop_loss_on, self.stop_loss)
        self._watch(self._stop_edited, self.stop_epochs_on, self.stop_epochs, self.stop_loss_on, self.stop_loss)
        self._stop_edited(None)
        self._on_speed(self.speed_slider.value(), emit=False)
        self._show_play(False)
        return box

    def _compare_group(self):
        box, g = self._group(self.tr("Compare"))
        self.run_buttons, self._run_group_buttons = [], QButtonGroup(self)
        for i in range(MAX_RUNS):
            b = QPushButton(checkable=True, toolTip=self.tr("show this run in the network, output and "
                                                            "hidden views; the settings below are its own"))
            b.setStyleSheet("text-align: left; padding: 2px 6px;")
            self._run_group_buttons.addButton(b, i)
            self.run_buttons.append(b)
            g.row(b)
        self._run_group_buttons.idClicked.connect(self.run_selected.emit)
        self.add_run = self._button(self.tr("Add variant"), self.tr(
            "another run with the selected run's settings, from the same initial weights on the same data "
            "(up to 4); change its settings, then every run starts again in lockstep"),
            self.add_run_requested.emit)
        self.remove_run = self._button(self.tr("Remove"), self.tr("remove the selected run"),
                                       lambda: self.remove_run_requested.emit(self._run_group_buttons.checkedId()))
        g.row(hbox(self.add_run, self.remove_run))
        self.show_runs([""], 0)
        return box

    def show_runs(self, labels, selected):
        """List the comparison's runs (translated ``labels``) in their colours, ``selected`` checked."""
        for i, b in enumerate(self.run_buttons):
            b.setVisible(len(labels) > 1 and i < len(labels))
            if i < len(labels):
                b.setText(f"■ {labels[i]}")
                b.setStyleSheet(f"text-align: left; padding: 2px 6px; color: rgb{RUN_COLORS[i]};"
                                + (" font-weight: bold;" if i == selected else ""))
                b.setChecked(i == selected)
        self.add_run.setEnabled(len(labels) < MAX_RUNS)
        self.remove_run.setEnabled(len(labels) > 1)

    def _data_group(self):
        box, g = self._group(self.tr("Data"))
        self.datasets, grid = QButtonGroup(self), QGridLayout()
        grid.setSpacing(4)
        for i, (name, (_, desc)) in enumerate(DATASETS.items()):
            b = QToolButton(styleSheet=TILE_STYLE, checkable=True, icon=dataset_icon(name), iconSize=QSize(40, 40),
                            toolTip=f"<b>{word(name)}</b>: {word(desc)}")
            self.datasets.addButton(b, i)
            grid.addWidget(b, i // 5, i % 5)
        self.datasets.idClicked.connect(self._on_dataset)
        self.data_info = note_label()
        g.row(grid)
        g.row(self.data_info)
        g.row(self.tr("N"), self._field("samples", make_spin(10, 10000, self.tr(
                  "N, the number of samples (training and test together)"), step=10)),
              self.tr("noise"), self._field("noise", make_spin(0, 1, self.tr(
                  "noise on the inputs (classes) or on the teacher signal d (regression)"), 0.05, decimals=2)))
        self.test_pct = make_spin(0, 90, self.tr("share of the samples held out as test data, never trained on"),
                              step=5, suffix=" %")
        self._watch(self._changed, self.test_pct)
        g.row(self.tr("test"), self.test_pct, self.tr("K"),
              self._field("classes", make_spin(2, 10, self.tr("K, the number of classes (blobs and spiral_k)"))))
        self.regenerate = tool_button("", self.tr("regenerate: new data from the next data seed"), self._regenerate,
                                QStyle.SP_BrowserReload)
        g.row(self.tr("data seed"), hbox(self._field("data_seed", make_spin(0, 2**31 - 1, self.tr(
            "seed of the points, the noise and the train/test split"))), self.regenerate))
        g.row(self.tr("input features φ(x); none: x₁, x₂"))
        self.features, fgrid = {k: QCheckBox(title) for k, (_, title) in FEATURES.items()}, QGridLayout()
        fgrid.setSpacing(2)
        for i, b in enumerate(self.features.values()):
            b.setToolTip(self.tr("a hand-made feature φ(x) as network input (2-D data only); "
                                 "hidden layers learn such features themselves"))
            fgrid.addWidget(b, i // 4, i % 4)
        self._watch(self._changed, *self.features.values())
        g.row(fgrid)
        g.row(self._field("standardize", QCheckBox(self.tr("standardize inputs: (x − mean) / std"), toolTip=self.tr(
            "centre and scale each input on the training data"))))
        return box

    def _task_group(self):
        box, g = self._group(self.tr("Task: output layer and loss"))
        self.task = make_combo([(word(TASKS[t].title), t) for t in TASKS], self.tr(
            "the data set decides the problem; each task picks its matched output activation and loss, "
            "so that δ^(L) = z − d"))
        self.task_info = note_label()
        self.override = QCheckBox(self.tr("choose output f and loss L_n myself"), toolTip=self.tr(
            "any other pair uses the general chain rule δ^(L) = f'(u^(L)) ⊙ ∂L/∂z"))
        self.output = make_combo([("", "")] + [(word(OUTPUT_TITLES[a]), a) for a in OUTPUT_ACTIVATIONS],
                             self.tr("output activation: y = z^(L) = f(u^(L))"))
        self.loss = make_combo([("", "")] + [(word(LOSSES[k].title), k) for k in LOSSES], self.tr("loss L_n of one sample"))
        self._watch(self._changed, self.task, self.override, self.output, self.loss)
        g.row(self.tr("task"), self.task)
        g.row(self.task_info)
        g.row(self.override)
        self._override_rows = g.row(self.tr("output f"), self.output) + g.row(self.tr("loss L_n"), self.loss)
        return box

    def _layers_group(self):
        box, g = self._group(self.tr("Network: hidden layers"))
        self.layers = ArchitectureEditor()
        self.layers.changed.connect(self._changed)
        g.row(self.layers)
        return box

    def _init_group(self):
        box, g = self._group(self.tr("Initial weights w⁰"))
        init = self._field("init", make_combo([(word(k), k) for k in INIT_SCHEMES], self.tr(
            "how w⁰ is drawn (biases start at 0); which local minimum training finds depends on w⁰")))
        for i, k in enumerate(INIT_SCHEMES):
            init.setItemData(i, INIT_SCHEMES[k], Qt.ToolTipRole)
        self.elu_alpha = self._field("elu_alpha", make_spin(0.01, 10, self.tr("α of ELU: α(e^x − 1) for x < 0"),
                                                        0.1, decimals=2))
        g.row(self.tr("scheme"), init, self.tr("ELU α"), self.elu_alpha)
        self.new_weights = new = self._button(self.tr("New weights"), self.tr("draw another w⁰ (next seed)"),
                           self.new_weights_requested.emit)
        g.row(self.tr("seed"), hbox(self._field("seed", make_spin(0, 2**31 - 1, self.tr(
            "seed of w⁰: the same seed gives the same start"))), new))
        return box

    def _training_group(self):
        box, g = self._group(self.tr("Training"))
        tip = self.tr("B = N: gradient descent; B = 1: SGD; otherwise minibatch. One epoch uses every sample once")
        self.batch_mode = make_combo([(self.tr("GD (B = N)"), 0), (self.tr("SGD (B = 1)"), 1),
                                  (self.tr("minibatch"), -1)], tip, wide=True)   # "SGD (B = 1)" in full
        self.batch_b = make_spin(2, 9999, tip)
        self.optimizer = make_combo([(word(k), k) for k in OPTIMIZERS], self.tr("the update rule"), wide=True)
        for i, k in enumerate(OPTIMIZERS):
            self.optimizer.setItemData(i, OPTIMIZERS[k].rule, Qt.ToolTipRole)
        self._watch(self._changed, self.batch_mode, self.batch_b, self.optimizer)
        self.mu = self._field("mu", make_spin(0, 0.999, self.tr("μ in w^(t+1) = w^t − ε∇L + μ(w^t − w^(t−1))"),
                                          0.05, decimals=3))
        g.row(self.tr("batch"), self.batch_mode, self.tr("B"), self.batch_b)
        g.row(self.tr("learning rate ε"), self._field("eps", LadderSpinBox(EPS_LADDER, 5, self.tr(
            "ε in w^(t+1) = w^t − ε∇L: too small converges slowly, too large oscillates and overshoots"))))
        g.row(self.tr("update"), self.optimizer, self.tr("μ"), self.mu)
        g.row(self.tr("L of a batch"), self._field("reduction", make_combo(
            [(self.tr("mean of L_n"), "mean"), (self.tr("sum of L_n (slides)"), "sum")],
            self.tr("mean or sum (the slides' form) of L_n over a batch"))))
        g.row(self.tr("L1 λ₁"), self._field("l1", LadderSpinBox(LAMBDA_LADDER, 5, self.tr(
                  "λ₁: adds λ₁ Σ|w| to L, pulling weights to exactly 0"))),
              self.tr("L2 λ₂"), self._field("l2", LadderSpinBox(LAMBDA_LADDER, 5, self.tr(
                  "λ₂: adds ½ λ₂ Σw² to L (weight decay)"))))
        g.row(self.tr("ε schedule"), self._field("schedule", make_combo([(word(k), k) for k in SCHEDULES], self.tr(
            "ε over time. step: ε γ^⌊epoch / every⌋; exponential: ε γ^(epoch / every)"))))
        self.gamma = self._field("gamma", make_spin(0.01, 1, self.tr("γ, the factor ε is multiplied by"), 0.05,
                                                decimals=2))
        self.every = self._field("every", make_spin(1, 9999, self.tr("epochs per factor γ")))
        g.row(self.tr("γ"), self.gamma, self.tr("every"), self.every)
        return box

    def _group(self, title):
        """A group box with a bold title (its contents in the normal font) and its grid."""
        box, inner = QGroupBox(title), QWidget()
        font = box.font()
        font.setBold(True)
        box.setFont(font)
        font.setBold(False)
        inner.setFont(font)
        QVBoxLayout(box).setContentsMargins(0, 0, 0, 0)
        box.layout().addWidget(inner)
        return box, FormGrid(inner)

    def _button(self, text, tip, slot, icon=None):
        b = QPushButton(text, toolTip=tip)
        if icon is not None:
            b.setIcon(self.style().standardIcon(icon))
        b.clicked.connect(lambda *_: slot())
        return b

    def _field(self, name, widget):
        """Register ``widget`` as the control of Settings field ``name`` (value as it is)."""
        self._fields[name] = widget
        self._watch(self._changed, widget)
        return widget

    def _watch(self, handler, *widgets):
        """Call ``handler(later)`` on user edits: spin boxes with later=True (debounced), others now."""
        for w in widgets:
            if isinstance(w, QAbstractSpinBox):
                w.valueChanged.connect(lambda *_: handler(True))
            else:
                (w.currentIndexChanged if isinstance(w, QComboBox) else w.toggled).connect(lambda *_: handler(False))

    # -------------------------------------------------------------- Settings in and out
    def settings(self):
        """The Settings the controls describe now."""
        v = {n: w.currentData() if isinstance(w, QComboBox) else w.isChecked() if isinstance(w, QCheckBox)
             else w.value() for n, w in self._fields.items()}
        task, opt, override = self.task.currentData(), self.optimizer.currentData(), self.override.isChecked()
        if self._base.task is None and task == self._implied_task():
            task = None                               # None: the data's own task, as given
        if self._base.optimizer is None and opt == ("momentum" if v["mu"] > 0 else "plain"):
            opt = None
        acts = self.layers.activations() or (self.layers.default_activation(),)
        mode = self.batch_mode.currentData()
        return self._base.replace(
            **v, dataset=self._dataset(), test_ratio=self.test_pct.value() / 100, task=task, optimizer=opt,
            features=tuple(k for k, b in self.features.items() if b.isChecked() and b.isEnabled()),
            hidden=self.layers.hidden(), activations=acts[:1] if len(set(acts)) == 1 else acts,
            output=(self.output.currentData() or None) if override else None,
            loss=(self.loss.currentData() or None) if override else None,
            batch=self.batch_b.value() if mode < 0 else mode)

    def set_settings(self, s):
        """Show Settings ``s`` in every control, emitting nothing."""
        self._loading = True
        try:
            self._base = s
            self._check_dataset(list(DATASETS).index(s.dataset) if s.dataset in DATASETS and not s.data_file
                                else None)
            for name, w in self._fields.items():
                value = getattr(s, name)
                select_data(w, value) if isinstance(w, QComboBox) else \
                    w.setChecked(value) if isinstance(w, QCheckBox) else w.setValue(value)
            self.test_pct.setValue(round(s.test_ratio * 100))
            for k, b in self.features.items():
                b.setChecked(k in s.features)
            select_data(self.task, s.task or DATASETS.get(s.dataset, ("binary",))[0])
            self._file_task = self.task.currentData()
            self.override.setChecked(bool(s.output or s.loss))
            select_data(self.output, s.output or "")
            select_data(self.loss, s.loss or "")
            self.layers.set_layers(s.hidden, s.activations)
            select_data(self.batch_mode, min(s.batch, 2) if s.batch < 2 else -1)
            self.batch_b.setValue(s.batch if s.batch > 1 else self.batch_b.value())
            select_data(self.optimizer, s.optimizer_name)
            self._sync()
        finally:
            self._loading = False
        self._settings_deb.timer.stop()
        self._last = self.settings()

    # -------------------------------------------------------------- run controls
    def set_running(self, on):
        """Show the run state (the worker's) without emitting ``play_toggled``."""
        with QSignalBlocker(self.play):
            self.play.setChecked(on)
        self._show_play(on)

    def speed(self):
        """Steps per second the slider asks for; 0 = as fast as possible."""
        return float(SPEEDS[self.speed_slider.value()])

    def set_speed(self, steps_per_second):
        """Move the slider to the ladder's position nearest ``steps_per_second`` (0: max), emitting."""
        v = float(steps_per_second)
        i = len(SPEEDS) - 1 if v <= 0 else min(range(len(SPEEDS) - 1), key=lambda k: abs(math.log(SPEEDS[k] / v)))
        self.speed_slider.setValue(i)

    def stop_condition(self):
        """(epochs or None, target loss or None)."""
        return (self.stop_epochs.value() if self.stop_epochs_on.isChecked() else None,
                self.stop_loss.value() if self.stop_loss_on.isChecked() else None)

    def _show_play(self, on):
        self.play.setText(self.tr("Pause") if on else self.tr("Play"))
        self.play.setIcon(self.style().standardIcon(QStyle.SP_MediaPause if on else QStyle.SP_MediaPlay))

    def _on_play(self, on):
        self._show_play(on)
        self.play_toggled.emit(on)

    def _on_speed(self, i, emit=True):
        self.speed_label.setText(self.tr("max") if SPEEDS[i] == 0 else self.tr("{} /s").format(SPEEDS[i]))
        if emit:
            self.speed_changed.emit(float(SPEEDS[i]))

    def _stop_edited(self, later):
        self.stop_epochs.setEnabled(self.stop_epochs_on.isChecked())
        self.stop_loss.setEnabled(self.stop_loss_on.isChecked())
        if later is not None:
            self._stop_deb.later() if later else self._stop_deb.now()

    def _emit_stop(self):
        if self.stop_condition() != self._last_stop:
            self._last_stop = self.stop_condition()
            self.stop_changed.emit(*self._last_stop)

    # -------------------------------------------------------------- user edits
    def _changed(self, later=False):
        if not self._loading:
            self._sync()
            self._settings_deb.later() if later else self._settings_deb.now()

    def _emit_settings(self):
        s = self.settings()
        if s != self._last:
            self._last = s
            self.settings_changed.emit(s)

    def _on_dataset(self, _):
        self._base = self._base.replace(data_file=None, target=None)
        self._changed()

    def _regenerate(self):
        seed = self._fields["data_seed"]
        seed.setValue(seed.value() + 1)
        self._changed()

    def _check_dataset(self, index):
        """Check the button of data set ``index``; None unchecks all (data from a file)."""
        self.datasets.setExclusive(index is not None)
        for i, b in enumerate(self.datasets.buttons()):
            b.setChecked(i == index)
        self.datasets.setExclusive(True)

    def _dataset(self):
        i = self.datasets.checkedId()
        return list(DATASETS)[i] if i >= 0 else self._base.dataset

    def _implied_task(self):
        """The task the data decide: a toy set's own, or the one shown for a file."""
        return self._file_task if self._base.data_file else DATASETS.get(self._dataset(), ("binary",))[0]

    def _sync(self):
        """Follow the data set (task, K, φ(x), layer sizes) and enable only what applies."""
        ds, file = self._dataset(), self._base.data_file
        with QSignalBlocker(self.task):
            for i in range(self.task.count()):
                self.task.model().item(i).setEnabled(bool(file) or self.task.itemData(i) == self._implied_task())
            if not file:
                select_data(self.task, self._implied_task())
        task = TASKS[self.task.currentData()]
        self._fields["classes"].setEnabled(not file and ds in ("blobs", "spiral_k"))
        raw_in, raw_out = (None, None) if file else toy_io(ds, self._fields["classes"].value())
        for b in self.features.values():
            b.setEnabled(bool(file) or raw_in == 2)            # φ(x) maps (x1, x2)
        n_in = sum(b.isChecked() and b.isEnabled() for b in self.features.values()) or raw_in
        n_out = 1 if task.name == "binary" else raw_out
        self.layers.set_io(n_in, n_out)
        desc = DATASETS.get(ds, ("", ""))[1]
        self.data_info.setText(file or f"{word(ds)}: {word(desc)}")
        self._sync_task(task, n_out)
        self.batch_b.setEnabled(self.batch_mode.currentData() < 0)
        self.mu.setEnabled(self.optimizer.currentData() in ("momentum", "nesterov"))
        for w in (self.gamma, self.every):
            w.setEnabled(self._fields["schedule"].currentData() != "constant")
        output = self.output.currentData() if self.override.isChecked() else ""
        self.elu_alpha.setEnabled("elu" in self.layers.activations() + (output,))

    def _sync_task(self, task, n_out):
        """Show the output/loss pair and the δ^(L) rule in force, and the override rows."""
        override = self.override.isChecked()
        for w in self._override_rows:
            w.setVisible(override)
        self.output.setItemText(0, self.tr("matched: {}").format(self.tr(OUTPUT_SHORT[task.output])))
        self.loss.setItemText(0, self.tr("matched: {}").format(word(LOSSES[task.loss].short)))
        out = (self.output.currentData() if override else "") or task.output
        loss = (self.loss.currentData() if override else "") or task.loss
        try:
            check_pair(out, loss, n_out or 2)
            rule, color = word(output_rule(out, loss)), ""
        except ValueError as e:
            rule, color = explain(e), "color: rgb(214, 39, 40);"
        self.task_info.setStyleSheet(color)
        short = self.tr(OUTPUT_SHORT[out]) if out in OUTPUT_SHORT else word(OUTPUT_TITLES[out])
        self.task_info.setText(f"{short} + {word(LOSSES[loss].short)}\n{rule}")
