"""The main window: controls on the left, the network in the centre, plots around it.

The window owns no training state. It sends commands to the
:class:`~nnviz.gui.worker.TrainingWorker` through queued signals and draws the
newest :class:`~nnviz.training.snapshot.Snapshot` it receives, coalescing
bursts into one redraw.
"""
from __future__ import annotations

import html
import json
import sys
import time
from functools import partial

from PySide6.QtCore import (QByteArray, QCoreApplication, QDataStream, QEvent, QIODevice, QRect,
                            QSettings, QSize, Qt, QThread, QTimer, Slot)
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
import pyqtgraph as pg
from PySide6.QtWidgets import (QDockWidget, QGraphicsItem, QLabel, QMainWindow, QMessageBox,
                               QScrollArea, QTabBar, QTabWidget, QVBoxLayout, QWidget)

from ..training.scenes import load_scenes
from ..training.trainer import Settings
from .controls import ControlPanel
from .files import OPENABLE, FileActions
from .gallery import ActivationGallery
from .guide import GuideDialog
from .hidden_view import HiddenView
from .loss_view import LossView
from .network_view import NetworkView
from .output_view import OutputView
from .arena import ArenaView
from .landscape_view import LandscapeView
from .lessons_view import LessonsPanel, window_state
from .stepthrough import StepThroughPanel
from .textsize import (PRESENTATION_SCALES, fit_rect, scale_plots, scale_widgets, scaled_font, step_scale,
                       stored_scale)
from .worker import TrainingWorker, WorkerCommands


DEFAULT_SIZE = (1560, 960)
FRAME_ALLOWANCE = (8, 36)   # pixels of a window manager's frame and title bar around the window
SCREEN_SLACK = 16           # pixels a saved frame may exceed a screen (window decorations)
SLOW_VIEWS_PERIOD = 0.1     # seconds between redraws of the loss and hidden views while training
GIL_SWITCH_INTERVAL = 0.0002  # seconds; see _start_worker
# the status bar's fixed widths at normal text size (times the text scale): a label that grew
# with its text would re-lay out the window every frame
STATUS_WIDTHS = {"epoch": 130, "step": 130, "loss": 300, "rate": 130}


def _scrolled(widget):
    """``widget`` in a scroll area, so a small screen scrolls it instead of growing the window."""
    scroll = QScrollArea()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.NoFrame)
    return scroll


def saved_frame(geometry):
    """The frame rectangle a ``QWidget.saveGeometry()`` blob holds, or None when it is no such blob.
    (The blob starts with a magic number, its format version and the frame QRect.)"""
    blob = QByteArray(geometry)             # kept alive while the stream reads it
    stream = QDataStream(blob, QIODevice.ReadOnly)
    magic, _major, _minor, frame = stream.readUInt32(), stream.readUInt16(), stream.readUInt16(), QRect()
    stream >> frame
    return frame if magic == 0x1D9D0CB and stream.status() == QDataStream.Ok and frame.isValid() else None


def fits_screen(geometry):
    """Whether a saved geometry's frame fits inside the available area of one of the screens."""
    frame = saved_frame(geometry) if geometry is not None else None
    return frame is not None and any(
        s.availableGeometry().adjusted(-SCREEN_SLACK, -SCREEN_SLACK, SCREEN_SLACK, SCREEN_SLACK).contains(frame)
        for s in QGuiApplication.screens())


def cache_axes(widget):
    """Cache every plot axis under ``widget`` as a pixmap: an axis changes only with its
    range, but pyqtgraph would otherwise re-render its text on every frame."""
    for plot in widget.findChildren(pg.PlotWidget):
        for axis in plot.getPlotItem().axes.values():
            axis["item"].setCacheMode(QGraphicsItem.DeviceCoordinateCache)


class MainWindow(QMainWindow):
    """nnviz's window. ``qsettings`` is where settings and layout persist
    (default: the user's QSettings; tests pass a file of their own). What it asks of the
    training thread goes through ``commands`` (:class:`WorkerCommands`)."""

    def __init__(self, settings=None, qsettings=None):
        super().__init__()
        self.commands = WorkerCommands(self)
        self.qsettings = qsettings or QSettings()
        settings = settings or self._stored_settings() or Settings()
        self.setWindowTitle(self.tr("nnviz — watch a neural network learn"))
        self.snapshot = None          # the newest snapshot received
        self.drawn_version = None
        self._last_slow = 0.0
        self.frames = 0
        self._drawing = self._draw_again = False

        self.network_view = NetworkView()
        self.controls = ControlPanel()
        self.output_view = OutputView()
        self.hidden_view = HiddenView()
        self.loss_view = LossView()
        self._slow_views = [self.hidden_view, self.loss_view]     # in turn while training
        self.gallery = ActivationGallery()
        self.stepthrough = StepThroughPanel()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#fdecea; color:#8a1c1c; padding:6px; border-radius:4px;")
        self.banner.hide()
        self.claim = QLabel(objectName="scene_claim")    # what the loaded scene shows, while it is the scene
        self.claim.setWordWrap(True)
        self.claim.setStyleSheet("background:#e8f1fb; color:#0b2e4f; padding:6px; border-radius:4px;")
        self.claim.hide()
        self._scene_runs = set()
        self.arena = ArenaView()
        self.landscape = LandscapeView()
        network = QWidget()
        lay = QVBoxLayout(network)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.network_view, 1)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(network, self.tr("Network"))
        self.tabs.addTab(_scrolled(self.arena), self.tr("Optimiser arena"))
        self.tabs.addTab(_scrolled(self.landscape), self.tr("Loss landscape"))
        self.tabs.setTabToolTip(1, self.tr("GD, SGD, momentum, Nesterov, AdaGrad, RMSProp and Adam side "
                                           "by side on one contour plot: saddle points, ravines, learning rates"))
        self.tabs.setTabToolTip(2, self.tr("The network's own loss surface: slices through the weights, "
                                           "the Hessian, restarts from several initial values"))
        self._network_state = None      # the docks' layout while another tab has them stepped aside
        self._presenting = None         # (layout, geometry, window state, text scale) to restore
        self.tabs.currentChanged.connect(self._on_tab)
        centre = QWidget()
        outer = QVBoxLayout(centre)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.banner)
        outer.addWidget(self.claim)
        outer.addWidget(self.tabs, 1)
        self.setCentralWidget(centre)
        self.docks = {}                    # the controls scroll sideways too when a narrow screen cuts them
        self._dock("controls", self.tr("Controls"), _scrolled(self.controls), Qt.LeftDockWidgetArea)
        self._dock("output", self.tr("Output"), _scrolled(self.output_view), Qt.RightDockWidgetArea)
        self._dock("hidden", self.tr("Hidden features"), _scrolled(self.hidden_view), Qt.RightDockWidgetArea)
        self._dock("loss", self.tr("Loss"), _scrolled(self.loss_view), Qt.BottomDockWidgetArea)
        self._dock("gallery", self.tr("Activation functions"), _scrolled(self.gallery), Qt.BottomDockWidgetArea)
        self._dock("stepthrough", self.tr("Step-through"), _scrolled(self.stepthrough), Qt.BottomDockWidgetArea)
        self.tabifyDockWidget(self.docks["loss"], self.docks["gallery"])
        self.tabifyDockWidget(self.docks["loss"], self.docks["stepthrough"])
        self.docks["loss"].raise_()
        self.setCorner(Qt.BottomLeftCorner, Qt.LeftDockWidgetArea)      # the plots below span the centre
        self.setCorner(Qt.BottomRightCorner, Qt.RightDockWidgetArea)
        self._status()
        self._menus()
        cache_axes(self)

        self.controls.set_settings(settings)
        self.settings = settings
        self._start_worker(settings)
        self.files = FileActions(self, self.file_menu)
        self._action(self.file_menu, self.tr("&Quit"), self.close, QKeySequence.Quit)
        self.setAcceptDrops(True)
        self._wire()
        if self.qsettings.value("speed") is not None:       # the saved pace; a fresh install: DEFAULT_SPEED
            self.controls.set_speed(float(self.qsettings.value("speed")))
        self.commands.set_speed.emit(self.controls.speed())
        self.commands.set_stop.emit(*self.controls.stop_condition())
        self._lessons()
        self._base_font = self.font()
        self.text_scale = 1.0
        scale = stored_scale(self.qsettings.value("text_scale"))
        if scale != 1.0:
            self.set_text_scale(scale)
        self._restore_layout()

    # ---------------------------------------------------------------- build
    def _on_tab(self, index):
        """The network tab's docks step aside for the arena and the landscape (which use the whole
        window) and come back in the same layout."""
        if self._presenting is not None:
            self._present_docks()
            return
        if index != 0 and self._network_state is None:
            self._network_state = self.saveState()
            for dock in self.docks.values():
                dock.hide()
        elif index == 0 and self._network_state is not None:
            self.restoreState(self._network_state)
            self._network_state = None

    def network_layout(self):
        """The dock layout to keep (saveState): the network tab's, even while it is stepped aside
        or presenting."""
        if self._presenting is not None:
            return self._presenting[0]
        return self._network_state if self._network_state is not None else self.saveState()

    def _dock(self, key, title, widget, area):
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[key] = dock
        return dock

    def _status(self):
        self.status_labels = {}
        for key in STATUS_WIDTHS:
            label = QLabel()
            label.setFixedWidth(STATUS_WIDTHS[key])
            self.statusBar().addPermanentWidget(label)
            self.status_labels[key] = label

    def _action(self, menu, text, slot, shortcut=None, checkable=False, tip=""):
        act = QAction(text, self)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.setCheckable(checkable)
        act.setStatusTip(tip)
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    def _menus(self):
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))      # filled once the worker exists
        train = bar.addMenu(self.tr("&Train"))
        self.play_action = self._action(train, self.tr("&Play / pause"), self._toggle_play, "Space", True,
                                        self.tr("Train continuously, or pause"))
        self._action(train, self.tr("One &step"), self._on_step, "S",
                     tip=self.tr("One update w ← w − ε∇L on the next minibatch"))
        self._action(train, self.tr("&Reset"), self._on_reset, "R",
                     tip=self.tr("Back to the same initial weights, to replay with other settings"))
        self._action(train, self.tr("&New weights"), self._on_new_weights, "N",
                     tip=self.tr("Draw new initial weights (next seed)"))
        train.addSeparator()
        self._action(train, self.tr("Step &through one training step"), self.record_step, "T",
                     tip=self.tr("Record one step — forward pass, output δ, δ recursion, gradients, "
                                 "update — and play it phase by phase"))
        self._action(train, self.tr("&Gradient check"), self.commands.gradient_check.emit, None,
                     tip=self.tr("Compare backpropagation's gradient with central differences"))
        view = bar.addMenu(self.tr("&View"))
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        self._action(view, self.tr("&Reset layout"), self.reset_layout, None,
                     tip=self.tr("Every panel back in its place and size; forget the saved layout")
                     ).setObjectName("reset_layout")
        view.addSeparator()
        for text, steps, keys in ((self.tr("&Larger text"), 1, (QKeySequence.ZoomIn, "Ctrl+=")),
                                  (self.tr("S&maller text"), -1, (QKeySequence.ZoomOut, "Ctrl+-")),
                                  (self.tr("&Normal text size"), 0, ("Ctrl+0",))):
            act = self._action(view, text, partial(self._step_text, steps))
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setObjectName(f"text_{('smaller', 'normal', 'larger')[steps + 1]}")
        self.present_action = self._action(view, self.tr("&Presentation"), self.set_presenting, "F5", True,
                                           self.tr("Large text, the current tab on the whole screen; "
                                                   "F5 again to leave"))
        self.present_action.setObjectName("presentation")
        sizes, group = view.addMenu(self.tr("Presentation &text size")), QActionGroup(self)
        chosen = stored_scale(self.qsettings.value("presentation_scale"), PRESENTATION_SCALES, 1.5)
        for scale in PRESENTATION_SCALES:
            act = sizes.addAction(f"{scale:.0%}".replace("%", " %"))
            act.setCheckable(True)
            act.setChecked(scale == chosen)
            act.setObjectName(f"presentation_{round(scale * 100)}")
            group.addAction(act)
            act.triggered.connect(partial(self.set_presentation_scale, scale))
        view.addSeparator()
        language = view.addMenu(self.tr("&Language"))
        group = QActionGroup(self)                  # one checked at a time
        current = self.qsettings.value("language") or ""
        for code, name in (("", self.tr("System default")), ("en", "English"), ("ja", "日本語")):
            act = language.addAction(name)
            act.setCheckable(True)
            act.setChecked(code == current)
            act.setObjectName(f"language_{code or 'system'}")
            group.addAction(act)
            act.triggered.connect(lambda _=False, c=code: self._set_language(c))
        presets = bar.addMenu(self.tr("&Presets"))
        for scene in load_scenes():
            act = QAction(QCoreApplication.translate("presets", scene.title), self)
            act.setObjectName(f"preset_{scene.key}")
            act.triggered.connect(lambda _=False, s=scene: self.files.may_discard() and self.load_scene(s))
            presets.addAction(act)
        help_menu = self.help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Guide"), self.show_guide, QKeySequence.HelpContents,
                     tip=self.tr("What each tab and panel shows, and what to try there")
                     ).setObjectName("guide")
        self._action(help_menu, self.tr("&About nnviz"), self._about)

    def _lessons(self):
        """Help → Lessons: the lessons panel in a dock of its own (it stays beside the arena)."""
        self.lessons = LessonsPanel(self.qsettings, lambda fresh: window_state(self, fresh))
        dock = QDockWidget(self.tr("Lessons"), self)
        dock.setObjectName("dock_lessons")
        dock.setWidget(_scrolled(self.lessons))
        self.addDockWidget(Qt.RightDockWidgetArea, dock)
        dock.hide()
        self.lessons_dock = dock
        act = QAction(self.tr("&Lessons"), self, objectName="lessons")
        act.setStatusTip(self.tr("The lecture's sections as lessons with tasks the app checks"))
        act.triggered.connect(self._show_lessons)
        self.help_menu.insertAction(self.help_menu.actions()[0], act)
        self.lessons.scene_requested.connect(self.choose_scene)
        for signal in (self.commands.apply_settings, self.commands.restart, self.commands.reset,
                       self.worker.settings_loaded):
            signal.connect(self.lessons.settings_changed)
        self.worker.snapshot.connect(self.lessons.snapshot_arrived)

    def _show_lessons(self):
        """The lessons dock, the first time as a tab beside the hidden features (tabbed only when
        shown: a hidden tabbed dock leaves stray tab bars in the window when it is laid out)."""
        dock = self.lessons_dock
        if not dock.isVisible() and not self.tabifiedDockWidgets(dock) and not dock.isFloating():
            self.tabifyDockWidget(self.docks["hidden"], dock)
        dock.show()
        dock.raise_()
        QTimer.singleShot(0, self._widen_lessons_tabs)

    def _widen_lessons_tabs(self):
        """The lessons dock no narrower than the titles of the tabs it shares (at 2× or at larger
        text the right docks are narrow); the controls give the room (they scroll sideways)."""
        bars = [b for b in self.findChildren(QTabBar) if b.parent() is self and b.isVisible()
                and self.lessons_dock.windowTitle() in (b.tabText(k) for k in range(b.count()))]
        if bars:
            self.lessons_dock.widget().setMinimumWidth(bars[0].sizeHint().width() + 8)

    def choose_scene(self, key):
        """Load the scene (preset) ``key`` as its Presets menu entry does (asking first
        about unsaved training)."""
        act = self.findChild(QAction, f"preset_{key}")
        if act is not None:
            act.trigger()

    def _start_worker(self, settings):
        # A Python thread that trains holds the GIL; every time the GUI thread needs it
        # (each Python slot, each pyqtgraph paint) it would wait a whole switch interval
        # (5 ms by default). A short interval keeps the window responsive.
        sys.setswitchinterval(GIL_SWITCH_INTERVAL)
        self.thread = QThread(self)
        self.thread.setObjectName("nnviz-training")
        self.worker = TrainingWorker(settings)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.start)
        self.thread.finished.connect(self.worker.deleteLater)
        self.worker.snapshot.connect(self._on_snapshot)
        self.worker.diverged.connect(self._on_diverged)
        self.worker.failed.connect(self._on_failed)
        self.worker.running_changed.connect(self._on_running_changed)
        self.worker.settings_loaded.connect(self._on_settings_loaded)
        self.worker.traced.connect(self._on_traced)
        self.worker.gradient_checked.connect(self.stepthrough.show_gradcheck)
        ls = self.landscape
        self.worker.progress.connect(ls.show_progress)
        self.worker.slice_ready.connect(ls.show_slice)
        self.worker.hessian_ready.connect(ls.show_hessian)
        self.worker.restarts_ready.connect(ls.show_restarts)
        self.worker.explore_failed.connect(ls.show_error)
        self.worker.explore_cancelled.connect(ls.show_cancelled)
        self.commands.connect_to(self.worker)
        self.thread.start()

    def _wire(self):
        c = self.controls
        c.settings_changed.connect(self._on_settings_changed)
        c.play_toggled.connect(self.play)
        c.step_requested.connect(self._on_step)
        c.reset_requested.connect(self._on_reset)
        c.new_weights_requested.connect(self._on_new_weights)
        c.speed_changed.connect(self.commands.set_speed)
        c.stop_changed.connect(self.commands.set_stop)
        c.run_selected.connect(self.commands.select_run)
        c.add_run_requested.connect(self.commands.add_run)
        c.remove_run_requested.connect(self.commands.remove_run)
        self.loss_view.run_selected.connect(self.commands.select_run)
        self.network_view.weight_edited.connect(self._on_weight_edited)
        self.output_view.sample_clicked.connect(self.commands.select_sample)
        self.output_view.data_drawn.connect(lambda data: self.commands.use_data.emit(data, self.settings))
        self.output_view.sample_clicked.connect(self.stepthrough.sample_spin.setValue)
        st = self.stepthrough
        st.record_requested.connect(self.commands.record_trace)
        st.gradcheck_requested.connect(self.commands.gradient_check)
        st.sample_changed.connect(self.commands.select_sample)
        st.phase_changed.connect(self._on_phase)
        self.network_view.unit_clicked.connect(st.show_unit)
        self.network_view.edge_clicked.connect(st.show_edge)
        ls = self.landscape
        self.network_view.edge_clicked.connect(ls.add_pick)
        ls.slice_requested.connect(self.commands.compute_slice)
        ls.cancel_requested.connect(self.worker.cancel, Qt.DirectConnection)   # a flag, read between chunks
        ls.hessian_requested.connect(self.commands.compute_hessian)
        ls.restarts_requested.connect(self.commands.compute_restarts)

    # ------------------------------------------------------------- commands
    def load_settings(self, settings):
        """Show and use ``settings`` (a preset, or restored ones)."""
        self.controls.set_settings(settings)
        self._on_settings_changed(settings)

    def load_preset(self, settings, runs=None):
        """Start the scene ``settings`` afresh, even if it is the one shown: its own data and
        initial weights, no step-through of the previous run. ``runs`` [(label, Settings)]:
        a comparison, its first run ``settings``."""
        self.stepthrough.set_trace(None)
        self.stepthrough.gradcheck_label.hide()
        self.controls.set_settings(settings)
        self.settings = settings
        self.banner.hide()
        self.claim.hide()
        self.commands.load_runs.emit(runs) if runs else self.commands.restart.emit(settings)

    def load_scene(self, scene):
        """The Presets menu: a scene's one run, or all the runs of its comparison, and its claim
        above the tabs until the settings change."""
        self.load_preset(scene.settings, scene.runs() if scene.is_comparison else None)
        title, claim = (html.escape(QCoreApplication.translate("presets", t)) for t in (scene.title, scene.claim))
        self.claim.setText(f"<b>{title}</b> — {claim}")
        self.claim.show()
        self._scene_runs = {s for _, s in scene.runs()}

    @Slot(object)
    def _on_settings_changed(self, settings):
        self.settings = settings
        self.banner.hide()
        self.claim.hide()                    # another scene now: its claim no longer holds
        self.commands.apply_settings.emit(settings)

    @Slot(bool)
    def play(self, on):
        if on:
            self.banner.hide()
            self.stepthrough.play(False)
            self.network_view.end_phase()       # live colours again
        self.commands.set_running.emit(on)

    def record_step(self):
        self.commands.record_trace.emit(self.stepthrough.sample_spin.value())

    @Slot(object)
    def _on_traced(self, trace):
        self.stepthrough.set_trace(trace)
        if self._presenting is not None:
            self._present_docks()
        else:
            self.docks["stepthrough"].show()
            self.docks["stepthrough"].raise_()

    @Slot(object, int)
    def _on_phase(self, trace, index):
        if trace is None:
            self.network_view.end_phase()
        else:
            self.network_view.show_phase(trace, index)

    def _toggle_play(self):
        self.play(not (self.snapshot.running if self.snapshot else False))

    def _on_step(self):
        self.commands.step_once.emit()

    def _on_reset(self):
        self.banner.hide()
        self.commands.reset.emit()

    def _on_new_weights(self):
        self.load_settings(self.settings.replace(seed=self.settings.seed + 1))

    @Slot(int, int, int, float)
    def _on_weight_edited(self, l, j, i, value):
        self.commands.set_running.emit(False)
        self.commands.set_weight.emit(l, j, i, value)

    # ------------------------------------------------------ worker replies
    @Slot(object)
    def _on_snapshot(self, snap):
        # The worker sends a snapshot only after the views took in the previous one, so
        # there is never a backlog to coalesce: draw at once, while the worker waits. One
        # that arrives while the last frame paints (in _draw's sendPostedEvents) is drawn
        # right after it, not inside it.
        self.snapshot = snap
        if self._drawing:
            self._draw_again = True
        else:
            self._draw()

    def _draw(self):
        if self.snapshot is None:
            return
        self._drawing = True
        try:
            try:
                self._take_in(self.snapshot)
                self.frames += 1
            finally:
                # The views' Python work is done (or a view failed: the next snapshot may
                # still draw): let the worker train again, and paint now, the scenes'
                # queued dirty-item processing, then the paint. The paint is mostly C++,
                # which runs beside the training thread on another core; its Python parts
                # get the GIL quickly (GIL_SWITCH_INTERVAL).
                self.worker.drawn()
            QCoreApplication.sendPostedEvents(None, QEvent.MetaCall)
            QCoreApplication.sendPostedEvents(None, QEvent.UpdateRequest)
        finally:
            self._drawing = False
            if self._draw_again:
                self._draw_again = False
                QTimer.singleShot(0, self._draw)

    def _take_in(self, snap):
        """Every visible view takes ``snap`` in (Python: updates its items, paints nothing)."""
        if snap.version != self.drawn_version:
            self.stepthrough.set_sample_count(len(snap.data.X_train))
            self.output_view.set_data(snap.data)
            self.hidden_view.set_data(snap.data)
            self.loss_view.set_class_names(list(snap.data.classes))
            self.gallery.set_highlight({a for a in snap.activations[2:] if a})
            self.landscape.set_version(snap.version)
            self.controls.show_runs([QCoreApplication.translate("presets", r.label) for r in snap.runs] or [""],
                                    snap.selected)
            self.drawn_version = snap.version
        # The network and the output follow every frame; the slower-changing plots at
        # most 10 times a second while training, taking turns (one per frame, so that no
        # frame draws both), and every view once training stops.
        views = [self.network_view, self.output_view]
        now = time.monotonic()
        if not snap.running:
            views += self._slow_views
        elif now - self._last_slow >= SLOW_VIEWS_PERIOD / len(self._slow_views):
            self._last_slow = now
            self._slow_views.append(self._slow_views.pop(0))
            views.append(self._slow_views[-1])
        for view in views:
            if view.isVisible() or not snap.running:
                view.show_snapshot(snap)
        self._update_status(snap)

    def _update_status(self, snap):
        s = self.status_labels
        s["epoch"].setText(self.tr("epoch {0:.2f}").format(snap.epoch))
        s["step"].setText(self.tr("step {0}").format(snap.step))
        test = f"{snap.test_loss:.4g}" if snap.test_loss == snap.test_loss else "—"    # nan: no test set
        s["loss"].setText(self.tr("loss: train {0:.4g}, test {1}").format(snap.train_loss, test))
        s["rate"].setText(self.tr("{0:,.0f} steps/s").format(snap.steps_per_second))
        if snap.stopped:
            self.statusBar().showMessage(self.tr("Stopped by the stop condition ({0}).").format(snap.stopped), 5000)

    @Slot(str)
    def _on_diverged(self, message):
        self.banner.setText(message)         # the worker says which run, and whether training paused
        self.banner.show()

    @Slot(str)
    def _on_failed(self, message):
        self.show_error(message)

    def show_error(self, message):
        """Say what went wrong above the network; nothing else changes."""
        self.banner.setText(message)
        self.banner.show()

    @Slot(object)
    def _on_settings_loaded(self, settings):
        self.settings = settings
        if settings not in self._scene_runs:    # an opened file, not a run of the scene shown
            self.claim.hide()
        self.controls.set_settings(settings)
        self.landscape.clear_results()          # other weights (an opened session or weights file)

    @Slot(bool)
    def _on_running_changed(self, on):
        self.controls.set_running(on)
        self.play_action.setChecked(on)

    def _step_text(self, steps):
        """View → Larger / Smaller (``steps`` ±1) / Normal (0) text; kept for the next start."""
        scale = step_scale(self.text_scale, steps) if steps else 1.0
        self.qsettings.setValue("text_scale", scale)
        self.set_text_scale(scale)

    def set_text_scale(self, scale):
        """Every text in the window ``scale`` times its normal size: the widgets (through the
        window's font), the network's labels, the formula panel, the plots' axes and legends."""
        old, self.text_scale = self.text_scale, scale
        scale_widgets(self, scale, old)              # first: it reads each widget's size at the old scale
        self.setFont(scaled_font(self._base_font, scale))
        for key, label in self.status_labels.items():
            label.setFixedWidth(round(STATUS_WIDTHS[key] * scale))
        self.network_view.set_text_scale(scale)
        self.stepthrough.set_text_scale(scale)
        scale_plots(self, scale, self._base_font)
        QTimer.singleShot(0, self._widen_controls)           # once the panels' new sizes are known
        QTimer.singleShot(0, self._widen_lessons_tabs)

    def _widen_controls(self):
        """The controls dock as wide as its panel at a larger text size, where there is room."""
        controls, output, want = self.docks["controls"], self.docks["output"], self._controls_width()
        if self._presenting is None and controls.isVisible() and controls.width() < want:
            right = self.width() - want - self.centralWidget().minimumSizeHint().width() - 16
            self.resizeDocks([controls, output], [want, min(output.width(), right)], Qt.Horizontal)

    def set_presenting(self, on):
        """View → Presentation: the docks step aside (the step-through stays beside the network,
        its formulas large), text at the presentation scale, full screen; leaving restores all."""
        if bool(on) == (self._presenting is not None):
            return
        self.present_action.setChecked(bool(on))
        if on:
            self._presenting = (self.network_layout(), self.saveGeometry(), self.windowState(), self.text_scale,
                                self.geometry())
            self._network_state = None
            self._present_docks()
            self.set_text_scale(stored_scale(self.qsettings.value("presentation_scale"), PRESENTATION_SCALES, 1.5))
            self.showFullScreen()
        else:
            state, _, window_state, scale, rect = self._presenting
            self._presenting = None
            self.showMaximized() if window_state & Qt.WindowMaximized else self.showNormal()
            self.setGeometry(rect)
            self.restoreState(state)
            self.set_text_scale(scale)
            self._on_tab(self.tabs.currentIndex())

    def _present_docks(self):
        """While presenting, the current tab fills the screen; on the network tab a recorded
        step-through shares it, beside the network (whichever tab it was started on)."""
        step = self.docks["stepthrough"]
        for dock in self.docks.values():
            dock.hide()
        if self.tabs.currentIndex() == 0 and self.stepthrough.trace is not None:
            self.addDockWidget(Qt.RightDockWidgetArea, step)
            step.show()
            self.resizeDocks([step], [self.width() // 2], Qt.Horizontal)

    def set_presentation_scale(self, scale):
        """View → Presentation text size: kept, and applied at once while presenting."""
        self.qsettings.setValue("presentation_scale", scale)
        if self._presenting is not None:
            self.set_text_scale(scale)

    def _set_language(self, code):
        """Remember the language; it applies from the next start."""
        self.qsettings.setValue("language", code)
        QMessageBox.information(self, self.tr("Language"),
                                self.tr("The language changes the next time nnviz starts."))

    def show_guide(self):
        """Help → Guide (nnviz/gui/guide.py), open at the current tab's section."""
        if getattr(self, "guide", None) is None:
            self.guide = GuideDialog(self)
        self.guide.show_section({0: "network", 1: "arena", 2: "landscape"}.get(self.tabs.currentIndex(), ""))

    def _about(self):
        QMessageBox.about(self, self.tr("About nnviz"), self.tr(
            "nnviz teaches the lecture “Neural Network の基礎”: watch a network learn, step through "
            "backpropagation, and compare optimisers."))

    # ---------------------------------------------------------- persistence
    def _stored_settings(self):
        text = self.qsettings.value("settings")
        if not text:
            return None
        try:
            return Settings.from_dict(json.loads(text))
        except (ValueError, TypeError):
            return None

    def _restore_layout(self):
        """The saved geometry and dock layout, unless the saved frame does not fit the screen
        (e.g. a window once widened by a long text): then the default layout."""
        self._default_state = self.saveState()
        geometry, state = self.qsettings.value("geometry"), self.qsettings.value("windowState")
        if fits_screen(geometry) and self.restoreGeometry(geometry) and state is not None \
                and self.restoreState(state):
            self.fit_to_screen()
            return
        self._default_layout()

    def fit_to_screen(self, size=None):
        """Resize to ``size`` (default: as now) shrunk to the screen's available area less a
        window frame, and move into that area: every panel on screen at 1366 × 768 or at 2×."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        inner = screen.availableGeometry().adjusted(0, 0, -FRAME_ALLOWANCE[0], -FRAME_ALLOWANCE[1])
        rect = fit_rect(size or self.size(), inner)
        self.resize(rect.size())
        if not inner.contains(QRect(self.pos(), rect.size())):
            self.move(rect.topLeft())

    def _default_layout(self):
        self.restoreState(self._default_state)
        self.fit_to_screen(QSize(*DEFAULT_SIZE))
        kx, ky = min(1.0, self.width() / DEFAULT_SIZE[0]), min(1.0, self.height() / DEFAULT_SIZE[1])
        d = self.docks
        side = self._controls_width()
        right = min(round(460 * kx), self.width() - side - self.centralWidget().minimumSizeHint().width() - 16)
        self.resizeDocks([d["controls"], d["output"]], [side, max(right, 120)], Qt.Horizontal)
        self.resizeDocks([d["output"], d["hidden"]], [round(470 * ky), round(330 * ky)], Qt.Vertical)
        self.resizeDocks([d["loss"]], [round(280 * ky)], Qt.Vertical)

    def _controls_width(self):
        """The controls dock's width: its panel in full, unless that leaves the centre less than its
        minimum or the right docks less than 120 px (then the panel scrolls sideways)."""
        side = max(round(310 * min(1.0, self.width() / DEFAULT_SIZE[0])), self.controls.minimumSizeHint().width() + 40)
        return min(side, self.width() - self.centralWidget().minimumSizeHint().width() - 136)

    def reset_layout(self):
        """View → Reset layout: the default docks, sizes and window size; the saved layout is forgotten."""
        self.qsettings.remove("geometry")
        self.qsettings.remove("windowState")
        if self.isMaximized() or self.isFullScreen():
            self.showNormal()
        self._default_layout()
        if self._network_state is not None:          # on the arena or landscape tab: still aside
            self._network_state = None
            self._on_tab(self.tabs.currentIndex())

    # ---------------------------------------------------------- drag and drop
    def dragEnterEvent(self, event):
        if any(u.isLocalFile() and u.toLocalFile().lower().endswith(tuple(e[1:] for e in OPENABLE))
               for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event):
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.files.open_path(url.toLocalFile())
                break

    def closeEvent(self, event):
        if self.thread.isRunning() and not self.files.may_discard():
            event.ignore()                   # cancelled, or the save failed (the banner says why)
            return
        self.qsettings.setValue("settings", json.dumps(self.settings.to_dict()))
        self.qsettings.setValue("speed", self.controls.speed())
        self.qsettings.setValue("geometry", self._presenting[1] if self._presenting else self.saveGeometry())
        self.qsettings.setValue("windowState", self.network_layout())
        self.qsettings.sync()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self):
        """Stop training, any landscape request and the thread cleanly (idempotent)."""
        if self.thread.isRunning():
            self.worker.running = False      # a plain flag: the worker leaves its slice at once
            self.worker.cancel()             # a slice, Hessian or restarts stop at their next check
            self.commands.stop_worker.emit()          # stops its timer and quits the thread, in its thread
            self.thread.wait()               # a QThread destroyed while it runs aborts the process

