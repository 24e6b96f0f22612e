"""The README's screenshot script runs headless."""
from PySide6.QtGui import QImage

from nnviz.gui.screenshots import shoot


def test_screenshot_script_writes_pictures(qtbot, tmp_path):
    paths = shoot(tmp_path, scenes=[("xor.png", "xor_hidden", 20, None, None),
                                    ("g.png", "sin_regression", 0, "gallery", None),
                                    ("s.png", "worked_example", 2, None, ("backward", 2, (2, 1)))],
                  size=(1200, 800))
    for path in paths:
        image = QImage(str(path))
        assert image.width() == 1200 and image.height() == 800


def test_japanese_screenshots_then_english_again(qtbot, tmp_path):
    from PySide6.QtCore import QCoreApplication

    paths = shoot(tmp_path, "ja", scenes=[("xor.png", "xor_hidden", 0, None, None)], size=(1200, 800))
    assert [p.name for p in paths] == ["xor_ja.png"] and QImage(str(paths[0])).width() == 1200
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"   # the translator is gone


def test_a_training_scene_is_the_same_picture_every_time(qtbot, tmp_path):
    """The README promises the same pictures every time: a scene trains exactly its steps,
    with the same frames (loss curve, trajectory) however fast the machine is."""
    scene = [("xor.png", "xor_hidden", 40, None, None)]
    first, second = (shoot(tmp_path / name, scenes=scene, size=(900, 600))[0] for name in ("a", "b"))
    assert first.read_bytes() == second.read_bytes()

