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


def test_japanese_screenshots_then_english_again(qtbot, tmp_path, japanese_font):
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



def test_a_screenshot_is_indexed_and_written_only_when_its_pixels_change(qapp, tmp_path):
    """Qt's 8-bit indexed PNG, on the picture's own palette: the flat colours exact, a
    gradient within a few levels; the same pixels again leave the file alone."""
    from PySide6.QtGui import QColor

    from nnviz.gui.screenshots import save_png

    image = QImage(300, 200, QImage.Format_RGB32)
    image.fill(QColor("#f0f0f0"))
    for x in range(256):                                          # 256 × 3 colours: too many for 8 bits
        for y in range(60, 140):
            image.setPixelColor(x + 20, y, QColor(x, 255 - x // 2, (x * 7) % 256))
    path = tmp_path / "a.png"
    assert save_png(image, path)
    saved = QImage(str(path))
    assert saved.format() == QImage.Format_Indexed8 and saved.size() == image.size()
    assert saved.pixelColor(5, 5) == QColor("#f0f0f0")
    worst = max(abs(getattr(saved.pixelColor(x, 100), c)() - getattr(image.pixelColor(x, 100), c)())
                for x in range(20, 276) for c in ("red", "green", "blue"))
    assert worst <= 24
    before = path.stat().st_mtime_ns, path.read_bytes()
    assert not save_png(image, path) and (path.stat().st_mtime_ns, path.read_bytes()) == before
    image.setPixelColor(0, 0, QColor("black"))
    assert save_png(image, path) and QImage(str(path)).pixelColor(0, 0) == QColor("black")
