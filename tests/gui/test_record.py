"""File → Record and `nnviz record`: animated GIFs with the frames asked for, refused
recordings that say why, failed writes that keep the old file."""
import os

import pytest
from PIL import Image

from nnviz.cli import main
from nnviz.gui import record
from nnviz.training.trainer import Settings

XOR = Settings(dataset="xor", hidden=(4,), eps=0.1, seed=1)


@pytest.fixture
def window(make_window):
    return make_window(XOR, ini="w.ini", speed=None)


def traced(qtbot, w):
    w.record_step()
    qtbot.waitUntil(lambda: w.stepthrough.trace is not None, timeout=10000)
    return len(w.stepthrough.trace.phases)


def finished(qtbot, w):
    qtbot.waitUntil(lambda: w.files.recorder.recording is None, timeout=60000)


def test_nnviz_record_writes_a_gif_with_the_frames_and_size_asked_for(qtbot, tmp_path, capsys):
    out = tmp_path / "xor.gif"
    assert main(["record", "--preset", "xor_hidden", "--out", str(out), "--frames", "4", "--fps", "5",
                 "--size", "1200x760", "--steps-per-frame", "50"]) == 0
    with Image.open(out) as gif:
        assert gif.n_frames == 4 and gif.size == (1200, 760)
        assert gif.info["duration"] == 200 and gif.info["loop"] == 0
        first = gif.convert("RGB")
        gif.seek(3)
        assert first.tobytes() != gif.convert("RGB").tobytes()       # it trained between the frames
    assert "4 frames of 1200 × 760 at 5 frames/s" in capsys.readouterr().out


@pytest.mark.parametrize("tab", ["arena", "stepthrough"])
def test_nnviz_record_plays_the_arena_and_the_phases(qtbot, tmp_path, tab):
    out = tmp_path / f"{tab}.gif"
    assert main(["record", "--preset", "xor_hidden", "--out", str(out), "--frames", "3", "--tab", tab,
                 "--quiet"]) == 0
    with Image.open(out) as gif:
        assert gif.n_frames == 3 and gif.size == (1280, 800)


@pytest.mark.parametrize("flags, says", [
    (["--frames", "1"], "--frames"),
    (["--fps", "0"], "--fps"),
    (["--fps", "31"], "--fps"),
    (["--size", "big"], "--size"),
    (["--tab", "loss"], "--tab"),
    (["--out", "x.png"], "x.png: nnviz records .gif or .mp4"),
    (["--out", "no/such/folder/x.gif"], "no folder"),
    (["--frames", "3000", "--size", "4000x3000"], "more than the 1,024 MB"),
    (["--preset", "nope"], "--preset"),
])
def test_nnviz_record_refuses_bad_flags_in_one_line(tmp_path, capsys, monkeypatch, flags, says):
    monkeypatch.chdir(tmp_path)
    argv = ["record", "--preset", "xor_hidden", "--out", "x.gif"] + flags
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("nnviz: error:") and says in err, err
    assert os.listdir(tmp_path) == []


def test_nnviz_record_writes_an_mp4_with_the_frames_asked_for(qtbot, tmp_path, capsys):
    ffmpeg = pytest.importorskip("imageio_ffmpeg", reason="MP4 needs the extra nnviz[video]")
    out = tmp_path / "xor.mp4"
    assert main(["record", "--preset", "xor_hidden", "--out", str(out), "--frames", "6", "--fps", "5",
                 "--size", "1200x760", "--steps-per-frame", "50"]) == 0
    assert ffmpeg.count_frames_and_secs(str(out)) == (6, 1.2)


def test_mp4_without_imageio_ffmpeg_says_how_to_get_it(tmp_path, capsys, monkeypatch):
    from nnviz.core import animation
    monkeypatch.setattr(animation, "video_available", lambda: False)
    assert main(["record", "--preset", "xor_hidden", "--out", str(tmp_path / "x.mp4")]) == 2
    assert "pip install 'nnviz[video]'" in capsys.readouterr().err


def test_the_dialog_offers_mp4_only_with_imageio_ffmpeg(qtbot, monkeypatch):
    monkeypatch.setattr(record, "video_available", lambda: False)
    dialog = record.record_dialog_class()()
    qtbot.addWidget(dialog)
    assert not dialog.format.model().item(1).isEnabled() and "nnviz[video]" in dialog.format.itemText(1)
    dialog.fps.setValue(12)
    dialog.seconds.setValue(2.5)
    assert dialog.frames() == 30 and "30" in dialog.count.text()


def test_record_the_step_through_phases_from_the_window(window, qtbot, tmp_path):
    n = traced(qtbot, window)
    path = tmp_path / "phases.gif"
    rec = window.files.recorder.start("phases", str(path), 2, n)
    assert window.files.recorder.stop_button.isVisible()
    finished(qtbot, window)
    with Image.open(path) as gif:
        assert gif.n_frames == n and gif.size == (window.width(), window.height())
        assert gif.info["duration"] == 500
    assert "Recorded" in window.statusBar().currentMessage() and len(rec.images) == n
    assert window.files.recorder.stop_button is None


def test_stop_ends_a_recording_early_and_keeps_its_frames(window, qtbot, tmp_path):
    path = tmp_path / "live.gif"
    rec = window.files.recorder.start("tab", str(path), 30, 200)
    qtbot.waitUntil(lambda: len(rec.images) >= 3, timeout=20000)
    assert window.snapshot is not None
    window.files.recorder.stop_button.click()
    finished(qtbot, window)
    kept = len(rec.images)
    with Image.open(path) as gif:
        assert 1 <= gif.n_frames <= kept and 3 <= kept < 200
        tab = window.tabs.currentWidget()          # (its height may change by the status bar's Stop button)
        assert gif.size == rec.images[0].size and gif.size[0] == tab.width() and abs(gif.size[1] - tab.height()) < 40
    qtbot.waitUntil(lambda: not window.snapshot.running, timeout=10000)   # it started training; it stops it


def test_a_recording_too_large_for_memory_is_refused(window, qtbot, tmp_path):
    path = tmp_path / "huge.gif"
    assert window.files.recorder.start("window", str(path), 30, record.MAX_FRAMES) is None
    assert window.banner.isVisible() and "MB a recording may hold" in window.banner.text()
    assert window.files.recorder.recording is None and not path.exists()


def test_phases_need_a_step_through_first(window, tmp_path):
    assert window.files.recorder.start("phases", str(tmp_path / "p.gif"), 2, 5) is None
    assert "Step through a training step first" in window.banner.text()


def test_a_failed_recording_says_so_and_keeps_the_old_file(window, qtbot, tmp_path, monkeypatch):
    n = traced(qtbot, window)
    path = tmp_path / "old.gif"
    path.write_bytes(b"the old file")

    def full_disk(*a):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", full_disk)
    window.files.recorder.start("phases", str(path), 2, n)
    finished(qtbot, window)
    monkeypatch.undo()
    assert "cannot save" in window.banner.text() and "old.gif" in window.banner.text()
    assert path.read_bytes() == b"the old file" and set(os.listdir(tmp_path)) <= {"old.gif", "w.ini"}   # no temporary left
