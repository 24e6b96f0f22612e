"""The training thread: a parentless QObject moved to a QThread (Qt's worker-object pattern).

Data flow in one direction only (README, Architecture):

    controls ──queued signals──▶ TrainingWorker (owns the Trainer and its arrays)
                                    │ Snapshot (frozen copies), ≤ 30 Hz
                                    ▼
                                 views draw the newest snapshot

It holds a :class:`~nnviz.training.compare.Comparison` (one run is a comparison of
one): every run steps in lockstep, and :attr:`TrainingWorker.trainer` is the selected
run's trainer, which the views, the step-through, the exports and the landscape use.

The worker trains in slices of at most ~5 ms and returns to its event loop in
between, so every command (pause, step, a new ε, reset, quit) takes effect at
once. It emits a snapshot at most every 33 ms, and only after the GUI has taken
in the previous one (:meth:`drawn`); while the views update their items (Python,
which needs the interpreter) the worker sleeps (at most HANDOFF seconds), then
trains at least as long as that took (a moving average) while the window paints
(mostly C++, on the other core), so training keeps at least half the interpreter.
"""
from __future__ import annotations

import math
import threading
import time

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from ..training.compare import CHECK, MAX_RUNS, Comparison
from ..training.explore import Trajectory
from ..training.snapshot import plot_extent, take
from ..training.trainer import DATA_FIELDS, Diverged, build
from .i18n import explain

FRAME = 1 / 30       # seconds between snapshots at most
SLICE = 0.005        # seconds of training before returning to the event loop
HANDOFF = 0.1        # seconds the worker waits at most for the GUI to take in a snapshot
GRADCHECK_SAMPLE = 2000   # the gradient check checks a seeded random sample of this many parameters
SLOW = 30            # steps per second up to which every step gets a snapshot of its own
BUDGET = 100         # steps a limited speed may owe at most (after a slow frame)
ONE_RUN_CHECK = 1 << 30   # one run records its curve at each snapshot, not every CHECK steps


class TrainingWorker(QObject):
    """Owns the :class:`~nnviz.training.trainer.Trainer`; never touches a widget.

    Signals
    -------
    snapshot(Snapshot)   a new frozen state to draw
    traced(Trace)        one recorded training step, for the step-through
    gradient_checked(float, int, int)  largest relative error of backprop, parameters checked, of
                         how many (a seeded random sample of GRADCHECK_SAMPLE in a larger net)
    progress(int, int)   grid points, Hessian columns or restart runs done, of how many
    slice_ready, hessian_ready, restarts_ready   a landscape result (the last int: the network's
                         version, as in Snapshot.version)
    explore_failed(str), explore_cancelled()     a landscape request that gave no result
    diverged(str)        a run's loss became NaN/inf: that run stopped (weights restored); when
                         no run is left, training paused
    failed(str)          settings that cannot be built; the previous run is kept
    running_changed(bool)
    """

    snapshot = Signal(object)
    traced = Signal(object)
    gradient_checked = Signal(float, int, int)
    diverged = Signal(str)
    failed = Signal(str)
    saved = Signal(str, str)            # path, error ("" when it worked)
    opened = Signal(str, int, int)      # path, version and step of a session that opened
    progress = Signal(int, int)         # done, total (grid points, Hessian columns, restart runs)
    slice_ready = Signal(object, int)   # dict from nnviz.training.explore.slice_through, version
    hessian_ready = Signal(object, int)  # dict from nnviz.training.explore.hessian_at, version
    restarts_ready = Signal(object, int)  # dict from nnviz.training.explore.restarts, version
    explore_failed = Signal(str)
    explore_cancelled = Signal()
    settings_loaded = Signal(object)    # Settings of an opened session or adopted weights file
    running_changed = Signal(bool)

    def __init__(self, settings):
        super().__init__()
        self.settings = settings         # the selected run's
        self.comparison = None           # every run (one run: a comparison of one)
        self.trainer = None              # the selected run's Trainer: comparison.trainers[selected]
        self.runs = [(None, settings)]   # (label or None, Settings) of each run, as built
        self.selected = 0
        self.custom_data = None          # drawn or imported data, kept across rebuilds
        self.trajectory = Trajectory()   # parameters along training, for the PCA slice
        self.asked = 0                   # landscape requests sent (counted by asked_for)
        self.explored = 0                # landscape requests begun (numbered from 1)
        self.cancel_upto = 0             # requests numbered up to this one are cancelled
        self.version = 0
        self.running = False
        self.speed = 0.0                 # steps per second; 0 = as fast as possible
        self.stop_epochs = None
        self.stop_loss = None
        self.sample = 0
        self._stopped = ""               # why training stopped by itself, until a snapshot says so
        self._drawn = threading.Event()  # set: the GUI has taken in the last snapshot
        self._drawn.set()
        self._dirty = True
        self._next_emit = 0.0            # when the next snapshot is due
        self._frame_time = 0.0           # seconds a snapshot takes to make and take in (a moving average)
        self.clock = time.perf_counter   # the worker's clock (tests drive it by hand)
        self._rate = (self.clock(), 0)
        self._sps = 0.0
        self._budget = 0.0
        self._last_tick = self.clock()
        self._timer = None


    # ------------------------------------------------------------ lifecycle
    @Slot()
    def start(self):
        """Build the first trainer and start ticking; connect to QThread.started."""
        self._timer = QTimer(self)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)
        self._rebuild([(None, self.settings)])
        self._timer.start()

    @Slot()
    def stop_worker(self):
        """Stop ticking and end the thread's event loop (runs in the worker's thread)."""
        self.running = False
        if self._timer is not None:
            self._timer.stop()
        self.thread().quit()

    def drawn(self):
        """Called from the GUI thread when its views have taken in the last snapshot
        (before it paints them)."""
        self._drawn.set()

    # ------------------------------------------------------------- commands
    @Slot(object)
    def apply_settings(self, settings):
        """New settings for the selected run. One run takes them live where possible,
        otherwise it is rebuilt. In a comparison the selected run's settings are replaced
        and every run starts again from its initial weights (lockstep from step 0), on
        one data set: the settings that describe the data apply to every run.

        Drawn or imported data (:meth:`use_data`) are kept while the settings that
        describe the data stay the same."""
        if len(self.runs) == 1 and self.trainer is not None and self.trainer.apply(settings):
            self.settings, self.runs = settings, [(None, settings)]
            self.comparison.stopped[0] = ""            # other settings: another chance
            self._dirty = True
            return
        if self.custom_data is not None and any(getattr(settings, k) != getattr(self.settings, k)
                                                for k in DATA_FIELDS):
            self.custom_data = None
        self._rebuild(self._with_selected(settings), self.selected)

    @Slot(object)
    def restart(self, settings):
        """A new run of ``settings`` (a preset) from its own data and initial weights, even
        when they are the settings in use."""
        self.load_runs([(None, settings)])

    @Slot(object)
    def load_runs(self, runs):
        """A new comparison of ``runs`` [(label or None, Settings)], 1 to MAX_RUNS (a scene),
        from its own data; run 0 selected."""
        self.custom_data = None
        self._rebuild(list(runs), 0)

    @Slot(int)
    def select_run(self, i):
        """Show run ``i``: it becomes :attr:`trainer`; its settings are announced
        (settings_loaded) and a snapshot follows."""
        if self.comparison is not None and 0 <= i < len(self.runs) and i != self.selected:
            self.selected, self.trainer = i, self.comparison.trainers[i]
            self.settings = self.trainer.settings
            self.version += 1                      # other weights: the views and landscape start over
            self.trajectory = Trajectory()
            self.settings_loaded.emit(self.settings)
            self._dirty = True

    @Slot()
    def add_run(self):
        """A new run with the selected run's settings (up to MAX_RUNS), selected; every run
        starts again from its initial weights."""
        if len(self.runs) < MAX_RUNS:
            self._rebuild(self.runs + [(None, self.settings)], len(self.runs))

    @Slot(int)
    def remove_run(self, i):
        """Remove run ``i`` (never the last one left); every run starts again."""
        if len(self.runs) > 1 and 0 <= i < len(self.runs):
            self._rebuild(self.runs[:i] + self.runs[i + 1:], max(0, self.selected - (i <= self.selected)))

    @Slot(object, object)
    def use_data(self, dataset, settings):
        """Train on ``dataset`` (drawn points or an imported CSV) with ``settings``, every run."""
        self.custom_data = dataset
        self._rebuild(self._with_selected(settings), self.selected)

    @Slot(object, object, object)
    def load_weights(self, settings, meta, arrays):
        """Start from a weights file's weights; ``settings`` carry its architecture."""
        from ..core.weights_io import assign_weights
        try:        # the whole file is checked on a new trainer before the run is replaced
            trainer = build(settings, data=self.custom_data) if settings != self.settings else self.trainer
            assign_weights(trainer.net, meta, arrays)
        except (ValueError, OSError) as e:
            self.failed.emit(explain(e))
            return
        if trainer is not self.trainer or len(self.runs) > 1:
            self._adopt_trainer(trainer)
        self.trainer.initial_params[...] = self.trainer.net.params
        self.trainer.reset()
        self.trajectory = Trajectory()
        self.settings_loaded.emit(self.settings)
        self._dirty = True

    @Slot(str, object)
    def save(self, path, extra):
        """Save to ``path``: a session (.nnviz), weights (.npz, .json) or ONNX (.onnx)."""
        from ..core.weights_io import save_weights
        from ..training.session import save_session
        t = self.trainer
        try:
            if path.endswith(".nnviz"):
                save_session(path, t, extra=extra)
            else:
                save_weights(path, t.net, extra=t.weights_extra())
        except (ValueError, OSError, ImportError) as e:
            self.saved.emit(path, explain(e))
            return
        self.saved.emit(path, "")

    @Slot(str)
    def open_session(self, path):
        """Replace the run by the session in ``path``; the old run stays on any error."""
        from ..training.session import SessionError, load_session
        try:
            trainer = load_session(path)
        except SessionError as e:
            self.failed.emit(explain(e))
            return
        self.set_running(False)
        self.custom_data = trainer.data
        self._adopt_trainer(trainer)
        self.sample = int(trainer.extra.get("sample", 0))
        self.settings_loaded.emit(trainer.settings)
        self.opened.emit(path, self.version, trainer.step_count)

    @Slot(bool)
    def set_running(self, on):
        if on != self.running:
            if on:
                self._revive()
            self.running = on
            self._rate = (self.clock(), self.trainer.step_count if self.trainer else 0)
            self._budget, self._last_tick = 0.0, self.clock()
            self._pace()
            self.running_changed.emit(on)
            self._dirty = True

    @Slot()
    def step_once(self):
        """One training step of every run (pauses first)."""
        self.set_running(False)
        self._revive()
        self._train(1)
        self._dirty = True

    @Slot(int)
    def record_trace(self, sample):
        """One training step, recorded phase by phase (pauses first). ``sample`` −1 follows
        the minibatch's first sample."""
        self.set_running(False)
        try:
            trace = self.trainer.trace_step(None if sample < 0 else sample)
        except Diverged as e:
            self.diverged.emit(explain(e))
            return
        self._dirty = True
        self.traced.emit(trace)

    @Slot()
    def gradient_check(self):
        """Backprop against central differences at the current weights; in a net of more than
        GRADCHECK_SAMPLE parameters, at a seeded random sample of them (each costs two passes
        over the training set: 33,537 parameters would take half a minute)."""
        with np.errstate(all="ignore"):
            err, n = self.trainer.gradient_check(GRADCHECK_SAMPLE)
        self.gradient_checked.emit(err, n, self.trainer.net.n_params)

    # Landscape requests: training pauses, progress is reported, and each request
    # answers exactly once, with its result, explore_failed or explore_cancelled.
    @Slot(object)
    def compute_slice(self, request):
        """A loss slice through the current weights (``request`` as LandscapeView.slice_requested)."""
        from ..training.explore import slice_through
        self._explore(self.slice_ready, lambda progress: (slice_through(
            self.trainer, request.get("kind", "random"), request.get("picks"), request.get("grid", 51),
            request.get("range", 1.0), request.get("seed", 0), self.trajectory.array(), progress),))

    @Slot()
    def compute_hessian(self):
        """The Hessian's spectrum at the current weights."""
        from ..training.explore import hessian_at
        self._explore(self.hessian_ready, lambda progress: (hessian_at(self.trainer, progress),))

    @Slot(int, int)
    def compute_restarts(self, k, steps):
        """``k`` runs from seeds seed … seed + k − 1, each until it converges or for at most ``steps``
        steps (progress: runs done)."""
        from ..training.explore import restarts
        self._explore(self.restarts_ready, lambda progress: (restarts(
            self.settings, k, steps, data=self.trainer.data, progress=progress),))

    def asked_for(self):
        """Called in the sender's thread (a direct connection) as each landscape request is
        sent, so that :meth:`cancel` also reaches the requests still waiting in the queue."""
        self.asked += 1

    def cancel(self):
        """Called from the GUI thread: stop the landscape request that runs and those sent
        before now, at their next check (a chunk of grid points, 10 Hessian columns, 200
        restart steps). Each still answers, with explore_cancelled."""
        self.cancel_upto = max(self.cancel_upto, self.asked, self.explored)

    def _explore(self, ready, compute):
        """Run ``compute(progress)`` (a tuple of results) and emit ``ready(*results, version)``."""
        from ..core.landscape import Cancelled
        self.set_running(False)
        self.explored += 1
        number, last = self.explored, []

        def progress(done, total):
            if last != [done, total]:            # restarts look often, within a run too
                last[:] = [done, total]
                self.progress.emit(done, total)
            return number > self.cancel_upto
        try:
            with np.errstate(all="ignore"):
                out = compute(progress)
        except Cancelled:
            self.explore_cancelled.emit()
            return
        except Exception as e:                  # a request that cannot be met: say why
            self.explore_failed.emit(explain(e))
            if not isinstance(e, ValueError):
                raise
            return
        ready.emit(*out, self.version)

    @Slot()
    def reset(self):
        """Every run back to its initial weights."""
        if self.comparison is not None:
            self.comparison.reset()
            self.trajectory = Trajectory()
            self._dirty = True

    @Slot(int, int, int, float)
    def set_weight(self, l, j, i, value):
        """w_ji^(l) = value (i = −1 sets the bias b_j^(l))."""
        net = self.trainer.net
        (net.b[l][j:j + 1] if i < 0 else net.W[l][j, i:i + 1])[...] = value
        self._dirty = True

    @Slot(int)
    def select_sample(self, n):
        self.sample = int(n)
        self._dirty = True

    @Slot(float)
    def set_speed(self, steps_per_second):
        """Train ``steps_per_second`` (0: as fast as possible); up to SLOW steps a second,
        every step gets a snapshot of its own."""
        self.speed = max(0.0, float(steps_per_second))
        self._budget = 0.0
        self._pace()

    @Slot(object, object)
    def set_stop(self, epochs, target_loss):
        """Pause by itself after ``epochs`` epochs or at ``target_loss`` (None: never)."""
        self.stop_epochs, self.stop_loss = epochs, target_loss

    # ------------------------------------------------------------- internal
    def _with_selected(self, settings):
        """The runs with the selected one's settings replaced by ``settings`` (its label then
        says what differs) and the data's settings copied to every run."""
        data = {k: getattr(settings, k) for k in DATA_FIELDS}
        return [(None if s != settings else label, settings) if i == self.selected else (label, s.replace(**data))
                for i, (label, s) in enumerate(self.runs)]

    def _rebuild(self, runs, selected=0):
        """A new comparison of ``runs`` on the data in use; the old one stays on any error."""
        try:
            comparison = Comparison(runs, data=self.custom_data, check=CHECK if len(runs) > 1 else ONE_RUN_CHECK)
        except (ValueError, OSError) as e:
            self.failed.emit(explain(e))
            return
        self._adopt(comparison, runs, selected)

    def _adopt_trainer(self, trainer):
        """One run: ``trainer`` itself (an opened session, adopted weights)."""
        comparison = Comparison([(None, trainer.settings)], data=trainer.data, check=ONE_RUN_CHECK)
        comparison.trainers[0] = trainer
        self._adopt(comparison, [(None, trainer.settings)])

    def _adopt(self, comparison, runs, selected=0):
        self.comparison, self.runs = comparison, list(runs)
        self.selected = min(max(selected, 0), len(self.runs) - 1)
        self.trainer = trainer = comparison.trainers[self.selected]
        self.settings = trainer.settings
        self.version += 1
        self.trajectory = Trajectory()
        data = trainer.data
        self.extent = plot_extent(np.concatenate([data.X_train, data.X_test]))
        self.sample = min(self.sample, len(trainer.X_train) - 1)
        self._dirty = True
        self._drawn.set()

    def _revive(self):
        """When no run is left training (stop rules, divergence), every run may train again."""
        c = self.comparison
        if c is not None and not c.live():
            c.stopped = [""] * len(c)

    def _pace(self):
        """Spin while training fast; tick every millisecond at a limited speed; idle gently while paused."""
        if self._timer is not None:
            self._timer.setInterval(10 if not self.running else 0 if not self.speed or self.speed > 200 else 1)

    def _train(self, steps):
        """Up to ``steps`` lockstep steps of every live run. A run stops by itself at the
        "Stop at epoch" or "Stop at L ≤" rule (the loss checked on the full training set when
        one of its epochs ends: :meth:`Trainer.reached`, as ``nnviz train``) or when it
        diverges; once no run is left, training pauses."""
        c, reason = self.comparison, ""
        with np.errstate(all="ignore"):
            for _ in range(steps):
                if not c.live():
                    break
                for i, why in c.step_and_stop(self.stop_epochs, self.stop_loss):   # in the window's words
                    if why == "diverged":
                        c.stopped[i] = self.tr("diverged at step {0}").format(c.trainers[i].step_count + 1)
                        self._on_diverged(i)
                    elif why == "epochs":
                        c.stopped[i] = reason = self.tr("epoch {0}").format(self.stop_epochs)
                    else:
                        c.stopped[i] = reason = self.tr("L ≤ {0:g}").format(self.stop_loss)
        if not c.live():
            self.set_running(False)
            self._stopped = reason or self._stopped

    def _on_diverged(self, i):
        """Say that run ``i`` diverged (its trainer restored the last finite weights)."""
        c, t = self.comparison, self.comparison.trainers[i]
        head = self.tr("Training paused: the loss became NaN or infinite. The learning rate ε is too large; "
                       "the last finite weights were restored.") if len(c.live()) == 0 else self.tr(
            "{0}: the loss became NaN or infinite, so this run stopped (its last finite weights were "
            "restored); the other runs go on.").format(c.labels[i])
        self.diverged.emit(head + "\n" + self.tr("Step {0}, ε = {1:g}: the learning rate is too large.").format(
            t.step_count + 1, t.eps))

    def _steps_due(self, now):
        """Steps a limited speed owes since the last tick (fractions carry over). Up to SLOW
        steps a second, one at a time, and only once the last step's snapshot was drawn."""
        slow = self.speed <= SLOW
        self._budget = min(self._budget + self.speed * (now - self._last_tick), 2 if slow else BUDGET)
        if slow and (self._dirty or not self._drawn.is_set()):
            return 0
        n = min(int(self._budget), 1) if slow else int(self._budget)
        self._budget -= n
        return n

    def _tick(self):
        if self.trainer is None:
            return
        now = self.clock()
        if self.running:
            if self.speed > 0:        # a limited speed: the steps due since the last tick
                n = self._steps_due(now)
                if n:
                    self._train(n)
                    self._dirty = True
            else:                     # as fast as possible, up to the next frame
                end = min(now + SLICE, self._next_emit) if self._drawn.is_set() else now + SLICE
                while self.running and self.clock() < end:
                    self._train(8)
                self._dirty = True
        self._last_tick = now
        if self._dirty and self._drawn.is_set() and self.clock() >= self._next_emit:
            self._emit()

    # ---------------------------------------------------------------- frames for a script
    def is_drawn(self):
        """True once the window has taken in the last snapshot (:meth:`drawn` was called)."""
        return self._drawn.is_set()

    def train_now(self, steps):
        """Train ``steps`` steps at once, whatever the pace (in the worker's thread). With
        :meth:`send_now`, how a script makes the same frames on every run: the README's
        screenshots, a recording."""
        self._train(steps)

    def send_now(self):
        """Send a snapshot at once, whatever the clock says; call it once :meth:`is_drawn`."""
        self._dirty = True
        self._emit()

    def _emit(self):
        now = self.clock()
        t0, s0 = self._rate
        if self.running and now - t0 > 0.5:
            self._sps = (self.trainer.step_count - s0) / (now - t0)
            self._rate = (now, self.trainer.step_count)
        elif not self.running:
            self._sps = 0.0
        with np.errstate(all="ignore"):
            several = len(self.comparison) > 1
            if several:
                self.comparison.record()       # every run's curve and who reached the goal, now
            snap = take(self.trainer, self.version, self.sample, self.extent,
                        self._sps if math.isfinite(self._sps) else 0.0, self.running, self._stopped,
                        self.comparison if several else None, self.selected)
        self._stopped = ""
        if self.trainer.step_count:           # each frame's weights, and where training stopped
            self.trajectory.add(self.trainer.net.params, self.trainer.step_count)
        self._dirty = False
        self._drawn.clear()
        # 30 a second on a steady beat (a late frame shortens the next wait), unless far behind
        self._next_emit = self._next_emit + FRAME if now - self._next_emit < FRAME else now + FRAME
        self.snapshot.emit(snap)
        # Hand the interpreter to the GUI while its views take the snapshot in (Python
        # through and through): a training loop would otherwise win the GIL back after
        # every Qt call the GUI makes (a convoy), and the window would starve. Sleeping
        # releases the GIL; training resumes once the views are done (or after HANDOFF
        # seconds), while the window paints.
        if self.running:
            self._drawn.wait(HANDOFF)
        if self.running and self._drawn.is_set():   # then train at least as long as that took, on average
            done = self.clock()      # (a moving average: one slow frame is no reason to wait)
            self._frame_time = 0.8 * self._frame_time + 0.2 * min(done - now, HANDOFF)
            self._next_emit = max(self._next_emit, done + self._frame_time)


class WorkerCommands(QObject):
    """What the window asks of the worker: one queued signal per :class:`TrainingWorker` slot
    of the same name, declared once, here beside the slots. :meth:`connect_to` wires them all
    (the window does, and so do the tests)."""
    apply_settings = Signal(object)
    set_running = Signal(bool)
    step_once = Signal()
    reset = Signal()
    set_weight = Signal(int, int, int, float)
    select_sample = Signal(int)
    set_speed = Signal(float)
    set_stop = Signal(object, object)
    stop_worker = Signal()
    use_data = Signal(object, object)
    load_weights = Signal(object, object, object)
    save = Signal(str, object)
    open_session = Signal(str)
    record_trace = Signal(int)
    gradient_check = Signal()
    compute_slice = Signal(object)
    compute_hessian = Signal()
    compute_restarts = Signal(int, int)
    restart = Signal(object)
    load_runs = Signal(object)
    select_run = Signal(int)
    add_run = Signal()
    remove_run = Signal(int)

    #: The landscape requests, also counted as they are sent (:meth:`TrainingWorker.asked_for`).
    EXPLORE = ("compute_slice", "compute_hessian", "compute_restarts")

    def connect_to(self, worker):
        """Every command to the worker's slot of its name (queued when the worker lives in
        another thread); the landscape requests also to ``asked_for``, at once."""
        for name in COMMANDS:
            getattr(self, name).connect(getattr(worker, name))
        for name in self.EXPLORE:
            getattr(self, name).connect(worker.asked_for, Qt.DirectConnection)


#: The names of the commands, in their order above.
COMMANDS = tuple(name for name, value in vars(WorkerCommands).items() if isinstance(value, Signal))
