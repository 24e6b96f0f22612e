"""The side panel: Settings in and out, signals, the architecture editor's limits."""
import pytest
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QScrollArea, QSlider

from nnviz.core.datasets import DATASETS
from nnviz.gui.architecture import ArchitectureEditor
from nnviz.gui.controls import SPEEDS, ControlPanel, dataset_icon
from nnviz.gui.widgets import LadderSpinBox
from nnviz.training.trainer import Settings, build

QUIET = 400          # ms: longer than the 250 ms debounce

EXAMPLES = [
    Settings(),
    Settings(dataset="blobs", classes=4, samples=300, noise=0.2, test_ratio=0.3, data_seed=7,
             features=("x1", "x2", "x1x2"), standardize=True, hidden=(16,) * 8, activations=("relu",),
             elu_alpha=0.5, init="he", seed=3, batch=0, eps=0.003, mu=0.9, reduction="sum",
             l1=0.001, l2=0.01, schedule="step", gamma=0.25, every=20),
    Settings(dataset="sin", task="regression", hidden=(), activations=("elu",), output="identity",
             loss="squared", batch=1, optimizer="adam", eps=1.0, schedule="exponential", every=3),
    Settings(dataset="spiral", hidden=(3, 5, 7), activations=("tanh", "relu", "sigmoid"), optimizer="nesterov",
             mu=0.5, batch=32, task="binary", output="sigmoid", eps=0.00001, test_ratio=0.0),
    Settings(dataset="moons", optimizer="plain", mu=0.9, batch=2),
    Settings(data_file="/tmp/data.csv", target="y", hidden=(2,)),
]


@pytest.fixture
def panel(qtbot):
    p = ControlPanel()
    qtbot.addWidget(p)
    return p


def collect(signal):
    seen = []
    signal.connect(lambda *args: seen.append(args))
    return seen


@pytest.mark.parametrize("s", EXAMPLES, ids=range(len(EXAMPLES)))
def test_round_trip(panel, s):
    panel.set_settings(s)
    assert panel.settings() == s


def test_constructor_takes_settings(qtbot):
    p = ControlPanel(EXAMPLES[1])
    qtbot.addWidget(p)
    assert p.settings() == EXAMPLES[1]


def test_set_settings_emits_nothing(panel, qtbot):
    seen = collect(panel.settings_changed)
    for s in EXAMPLES:
        panel.set_settings(s)
    qtbot.wait(QUIET)
    assert seen == []


def test_typing_a_learning_rate_emits_once(panel, qtbot):
    seen = collect(panel.settings_changed)
    eps = panel._fields["eps"]
    eps.lineEdit().selectAll()
    with qtbot.waitSignal(panel.settings_changed, timeout=2000) as blocker:
        qtbot.keyClicks(eps.lineEdit(), "0.003")
    assert blocker.args[0] == Settings(eps=0.003)
    qtbot.wait(QUIET)
    assert len(seen) == 1


def test_combo_and_checkbox_emit_at_once(panel, qtbot):
    seen = collect(panel.settings_changed)
    panel._fields["reduction"].setCurrentIndex(panel._fields["reduction"].findData("sum"))
    assert seen == [(Settings(reduction="sum"),)]
    panel._fields["standardize"].setChecked(True)
    assert seen[-1] == (Settings(reduction="sum", standardize=True),)
    panel.features["x1x2"].setChecked(True)
    assert seen[-1][0].features == ("x1x2",)
    assert len(seen) == 3


def test_spin_box_changes_are_debounced(panel, qtbot):
    seen = collect(panel.settings_changed)
    for n in (210, 220, 230):
        panel._fields["samples"].setValue(n)
    assert seen == []
    qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    qtbot.wait(QUIET)
    assert seen == [(Settings(samples=230),)]


def test_a_combo_flushes_a_pending_spin_change_in_one_emission(panel, qtbot):
    seen = collect(panel.settings_changed)
    panel._fields["noise"].setValue(0.3)
    panel._fields["init"].setCurrentIndex(panel._fields["init"].findData("he"))
    qtbot.wait(QUIET)
    assert seen == [(Settings(noise=0.3, init="he"),)]


@pytest.mark.parametrize("name, n_in, n_out, features", [("xor", "2 units", "1 unit", True),
                                                          ("sin", "1 unit", "1 unit", False),
                                                          ("slides", "4 units", "2 units", False)])
def test_the_input_and_output_layers_show_the_data_sizes(panel, name, n_in, n_out, features):
    panel.datasets.button(list(DATASETS).index(name)).click()
    assert panel.layers._input.text().endswith(f"input x · {n_in}")
    assert panel.layers._output.text().endswith(f"output y · {n_out}")
    assert all(b.isEnabled() == features for b in panel.features.values())   # φ(x) needs (x1, x2)


def test_choosing_a_multiclass_data_set_sets_the_task_and_enables_k(panel, qtbot):
    k = panel._fields["classes"]
    assert not k.isEnabled()
    with qtbot.waitSignal(panel.settings_changed, timeout=1000) as blocker:
        panel.datasets.button(list(DATASETS).index("blobs")).click()
    s = blocker.args[0]
    assert s.dataset == "blobs" and s.task in (None, "multiclass")
    assert panel.task.currentData() == "multiclass" and k.isEnabled()
    assert not panel.task.model().item(panel.task.findData("binary")).isEnabled()
    assert "3 units" in panel.layers._output.text()
    build(s)                                             # a consistent, buildable choice
    panel.datasets.button(list(DATASETS).index("sin")).click()
    assert panel.task.currentData() == "regression" and not k.isEnabled()
    assert not any(b.isEnabled() for b in panel.features.values())


def test_an_explicit_task_follows_the_data_set(panel, qtbot):
    panel.set_settings(Settings(task="binary"))
    panel.datasets.button(list(DATASETS).index("surface")).click()
    assert panel.settings().task == "regression"


def test_picking_a_toy_set_leaves_a_data_file(panel):
    panel.set_settings(EXAMPLES[-1])
    panel.datasets.button(0).click()
    s = panel.settings()
    assert (s.data_file, s.target, s.dataset) == (None, None, "xor")


def test_regenerate_takes_the_next_data_seed(panel, qtbot):
    seen = collect(panel.settings_changed)
    panel.regenerate.click()
    assert seen == [(Settings(data_seed=1),)]


@pytest.mark.parametrize("index, b, expected", [(0, 50, 0), (1, 50, 1), (2, 50, 50)])
def test_batch_mode_maps_to_b(panel, index, b, expected):
    panel.batch_b.setValue(b)
    panel.batch_mode.setCurrentIndex(index)
    assert panel.settings().batch == expected
    assert panel.batch_b.isEnabled() == (expected > 1)


def test_mu_is_enabled_only_for_momentum_rules(panel):
    opt = panel.optimizer
    for name, enabled in (("plain", False), ("momentum", True), ("nesterov", True), ("adam", False)):
        opt.setCurrentIndex(opt.findData(name))
        assert panel.mu.isEnabled() == enabled
        assert panel.settings().optimizer_name == name


def test_override_gives_output_and_loss_and_shows_the_rule(panel, qtbot):
    panel.show()
    qtbot.waitExposed(panel)
    assert not panel.output.isVisible()
    panel.override.setChecked(True)
    assert panel.output.isVisible()
    assert panel.settings().output is None          # "matched" until a choice is made
    panel.loss.setCurrentIndex(panel.loss.findData("squared"))
    s = panel.settings()
    assert (s.output, s.loss) == (None, "squared")
    assert "general chain rule" in panel.task_info.text()
    panel.output.setCurrentIndex(panel.output.findData("identity"))
    assert "cross-entropy" not in panel.task_info.text()
    panel.override.setChecked(False)
    assert (panel.settings().output, panel.settings().loss) == (None, None)
    assert "z − d" in panel.task_info.text()


def test_new_weights_button(panel, qtbot):
    with qtbot.waitSignal(panel.new_weights_requested, timeout=1000):
        panel.new_weights.click()


# ------------------------------------------------------------------ run controls
def test_play_step_reset(panel, qtbot):
    with qtbot.waitSignal(panel.play_toggled, timeout=1000) as blocker:
        panel.play.click()
    assert blocker.args == [True] and panel.play.text() == "Pause"
    with qtbot.waitSignal(panel.step_requested, timeout=1000):
        panel.step.click()
    with qtbot.waitSignal(panel.reset_requested, timeout=1000):
        panel.reset.click()


def test_set_running_emits_nothing(panel, qtbot):
    seen = collect(panel.play_toggled)
    panel.set_running(True)
    assert panel.play.isChecked() and panel.play.text() == "Pause"
    panel.set_running(False)
    assert seen == [] and panel.play.text() == "Play"


def test_speed_slider(panel, qtbot):
    """Steps per second on a 1-2-5 logarithmic ladder from 1 to max, the number shown; a
    fresh panel trains at DEFAULT_SPEED, a pace a student can follow."""
    from nnviz.gui.controls import DEFAULT_SPEED
    assert panel.speed() == DEFAULT_SPEED == 50 and panel.speed_label.text() == "50 /s"
    assert SPEEDS[0] == 1 and SPEEDS[-1] == 0 and all(b / a <= 2.5 for a, b in zip(SPEEDS, SPEEDS[1:-1]))
    with qtbot.waitSignal(panel.speed_changed, timeout=1000) as blocker:
        panel.speed_slider.setValue(0)
    assert blocker.args == [1.0] and panel.speed() == 1.0
    with qtbot.waitSignal(panel.speed_changed, timeout=1000) as blocker:
        panel.speed_slider.setValue(len(SPEEDS) - 1)
    assert blocker.args == [0.0]


def test_stop_conditions(panel, qtbot):
    with qtbot.waitSignal(panel.stop_changed, timeout=1000) as blocker:
        panel.stop_epochs_on.setChecked(True)
    assert blocker.args == [100, None]
    with qtbot.waitSignal(panel.stop_changed, timeout=1000) as blocker:
        panel.stop_loss_on.setChecked(True)
    assert blocker.args == [100, 0.01]
    with qtbot.waitSignal(panel.stop_changed, timeout=2000) as blocker:
        panel.stop_epochs.setValue(5)
    assert blocker.args == [5, 0.01]
    with qtbot.waitSignal(panel.stop_changed, timeout=1000) as blocker:
        panel.stop_epochs_on.setChecked(False)
    assert blocker.args == [None, 0.01] and panel.stop_condition() == (None, 0.01)


# ------------------------------------------------------------------ architecture editor
@pytest.fixture
def editor(qtbot):
    e = ArchitectureEditor()
    qtbot.addWidget(e)
    return e


def test_add_and_remove_layers(editor, qtbot):
    editor.set_layers((4, 2), ("tanh", "relu"))
    assert editor.hidden() == (4, 2) and editor.activations() == ("tanh", "relu")
    with qtbot.waitSignal(editor.changed, timeout=1000):
        editor._add.click()
    assert editor.hidden() == (4, 2, 2) and editor.activations() == ("tanh", "relu", "relu")
    editor.rows[0].remove.click()
    assert editor.hidden() == (2, 2) and editor.activations() == ("relu", "relu")
    editor.rows[1].act.setCurrentIndex(editor.rows[1].act.findData("elu"))
    assert editor.activations() == ("relu", "elu")
    assert [r.label.text() for r in editor.rows] == ["layer 2", "layer 3"]


def test_units_buttons_and_limits(editor):
    editor.set_layers((), ("tanh",))
    for _ in range(8):
        editor._add.click()
    for row in editor.rows:
        for _ in range(12):
            row.plus.click()
    assert editor.hidden() == (16,) * 8                  # 8 layers × 16 units is possible
    for _ in range(5):
        editor._add.click()
    assert len(editor.hidden()) == 10 and not editor._add.isEnabled()
    row = editor.rows[0]
    for _ in range(40):
        row.plus.click()
    assert row.units == 32 and not row.plus.isEnabled()
    for _ in range(40):
        row.minus.click()
    assert row.units == 1 and not row.minus.isEnabled()  # 0 units is impossible
    while editor.rows:
        editor.rows[-1].remove.click()
    assert editor.hidden() == () and editor._add.isEnabled()


def test_set_layers_emits_nothing_and_clips(editor, qtbot):
    seen = collect(editor.changed)
    editor.set_layers((0, 99) + (3,) * 12, ("relu",))
    assert editor.hidden() == (1, 32) + (3,) * 8 and editor.activations() == ("relu",) * 10
    assert seen == []


def test_io_text(editor):
    editor.set_layers((4, 4))
    editor.set_io(2, 3)
    assert "2 units" in editor._input.text() and "layer 4 = L" in editor._output.text()
    assert "3 units" in editor._output.text()


# ------------------------------------------------------------------ pieces
def test_ladder_spin_box_steps_along_its_ladder(qtbot):
    box = LadderSpinBox((0.001, 0.003, 0.01, 0.03), decimals=5)
    qtbot.addWidget(box)
    box.setValue(0.003)
    box.stepBy(1)
    assert box.value() == 0.01 and box.text() == "0.01"
    box.stepBy(-2)
    assert box.value() == 0.001
    box.setValue(0.005)                                  # off the ladder: to the neighbours
    box.stepBy(1)
    assert box.value() == 0.01
    box.stepBy(10)
    assert box.value() == 0.03


def test_dataset_icons_are_cached_and_drawn(qtbot):
    for name in DATASETS:
        icon = dataset_icon(name)
        assert not icon.isNull() and dataset_icon(name) is icon
        image = icon.pixmap(40, 40).toImage()
        assert any(image.pixelColor(x, y).name() != "#ffffff" for x in range(40) for y in range(40))


def test_looks(qtbot):
    """Render the panel as it sits in the dock (inspect /tmp/controls.png by eye)."""
    area, panel = QScrollArea(widgetResizable=True), ControlPanel()
    qtbot.addWidget(area)
    area.setWidget(panel)
    area.resize(340, 1000)                  # the batch and update combos show their longest items in full
    area.show()
    qtbot.waitExposed(area)
    assert panel.width() <= 340
    assert area.horizontalScrollBar().maximum() == 0
    assert area.grab().save("/tmp/controls.png")


def test_tooltips_everywhere(panel):
    controls = panel.findChildren(QAbstractSpinBox) + panel.findChildren(QComboBox) + panel.findChildren(QSlider)
    missing = [w for w in controls if not w.toolTip()]
    assert not missing
    assert "overshoots" in panel._fields["eps"].toolTip()


def test_set_speed_moves_to_the_nearest_step_of_the_ladder(panel, qtbot):
    with qtbot.waitSignal(panel.speed_changed, timeout=1000) as blocker:
        panel.set_speed(180)
    assert blocker.args == [200.0] and panel.speed_label.text() == "200 /s"
    panel.set_speed(0)
    assert panel.speed() == 0.0 and panel.speed_label.text() == "max"


def test_the_compare_panel_lists_the_runs_in_their_colours(panel, qtbot):
    from nnviz.gui.colors import RUN_COLORS
    panel.show_runs([""], 0)                                  # one run: no list, nothing to remove
    assert not any(b.isVisibleTo(panel) for b in panel.run_buttons) and not panel.remove_run.isEnabled()
    panel.show_runs(["ε = 0.1", "ε = 1", "momentum"], 1)
    shown = [b for b in panel.run_buttons if b.isVisibleTo(panel)]
    assert [b.text() for b in shown] == ["■ ε = 0.1", "■ ε = 1", "■ momentum"]
    assert shown[1].isChecked() and f"rgb{RUN_COLORS[1]}" in shown[1].styleSheet()
    with qtbot.waitSignal(panel.run_selected, timeout=1000) as sig:
        shown[2].click()
    assert sig.args == [2]
    with qtbot.waitSignal(panel.remove_run_requested, timeout=1000) as sig:
        panel.remove_run.click()
    assert sig.args == [2]
    with qtbot.waitSignal(panel.add_run_requested, timeout=1000):
        panel.add_run.click()
    panel.show_runs(["a", "b", "c", "d"], 0)
    assert not panel.add_run.isEnabled()                     # at most four
