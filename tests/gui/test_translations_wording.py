"""The Japanese says what the slides say (README, Japanese and English: the slides' words): 誤差, never 損失;
every term of the lecture somewhere; no English word formatted into a Japanese sentence."""
import re

import pytest

from nnviz.training.trainer import Settings, build
from tests.gui.test_translations import ALLOWED, TS, _plain, _update_script

#: Words of two letters and more ("0 at x = 0"); formulas' one-letter symbols are not words.
WORD = re.compile(r"[A-Za-z]{2,}")
SYMBOLS = {"ln", "ji", "kj"}           # ln(1 + e^x); the indices of w_ji, w_kj


@pytest.fixture(scope="module")
def tool():
    return _update_script()


def english(text):
    """The English words (beyond names and symbols) a Japanese text still shows."""
    return sorted({w for w in WORD.findall(_plain(text)) if w.lower() not in ALLOWED | SYMBOLS})


# ------------------------------------------------------------------ the check of the .ts
def test_the_japanese_uses_the_slides_words(tool):
    assert not tool.wording(TS), "\n".join(tool.wording(TS))
    assert "確率的勾配降下法" in tool.TERMS and "大域解" in tool.TERMS and "損失" in tool.AVOID


def _ts(path, *translations):
    body = "".join(f"<message><source>s{k}</source><translation>{t}</translation></message>"
                   for k, t in enumerate(translations))
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="ja_JP">'
                    f"<context><name>X</name>{body}</context></TS>", encoding="utf-8")
    return path


def test_the_check_names_each_stray(tool, tmp_path):
    every_term = "、".join(tool.TERMS)
    assert tool.wording(_ts(tmp_path / "good.ts", every_term, "ReLU と tanh、SGD (B = 1)")) == []
    problems = tool.wording(_ts(tmp_path / "bad.ts", every_term.replace("大域解", "最小"),
                                "損失関数", "(identity + 二乗誤差)", "0 (x ≠ 0; 0 at x = 0)"))
    assert len(problems) == 4, problems
    assert any("損失" in p for p in problems) and any("大域解" in p for p in problems)
    assert any("'identity'" in p for p in problems) and any("'at'" in p for p in problems)


def test_check_fails_on_a_stray_word(tool, tmp_path, monkeypatch, capsys):
    """`update_translations.py --check` exits 1 on 損失 and passes on the real .ts."""
    assert tool.main(["--check"]) == 0
    _ts(tmp_path / "nnviz_ja.ts", "、".join(tool.TERMS), "損失 L")
    monkeypatch.setattr(tool, "TRANSLATIONS", tmp_path)
    assert tool.main(["--check"]) == 1
    assert "損失" in capsys.readouterr().out


# ------------------------------------------------------------------ names formatted into sentences
def _trace(**settings):
    trainer = build(Settings(**{"hidden": (3,), "seed": 1, **settings}))
    trainer.step()
    return trainer.trace_step(0)


@pytest.mark.parametrize("dataset, pair", [("sin", "恒等写像 + 二乗誤差"), ("xor", "ロジスティック関数 σ + 交差エントロピー"),
                                           ("blobs", "ソフトマックス関数 + 交差エントロピー")])
def test_the_step_through_is_japanese_in_every_phase(japanese, dataset, pair):
    """Every phase of a recorded step of each task: the matched pair is named in Japanese,
    and no English word is left (the old "(identity + 二乗誤差)")."""
    from nnviz.gui.formulas import phase_html, phase_title

    trace = _trace(dataset=dataset)
    texts = [phase_title(trace, k) + phase_html(trace, k) for k in range(len(trace.phases))]
    assert any(f"({pair})" in _plain(t) for t in texts)
    left = {w for t in texts for w in english(t)}
    assert not left, left


def test_the_gallery_is_japanese(japanese, qtbot):
    """The step's derivative "0 (x ≠ 0; 0 at x = 0)" was shown as it is."""
    from nnviz.gui.gallery import ActivationGallery

    gallery = ActivationGallery()
    qtbot.addWidget(gallery)
    captions = {cell.name: cell.caption.text() for cell in gallery.cells}
    assert "x = 0 でも 0" in captions["step"]
    left = {name: english(text) for name, text in captions.items() if english(text)}
    assert not left, left


@pytest.fixture
def japanese(qapp):
    from nnviz.gui.i18n import install_translator, remove_translator

    translator = install_translator(qapp, "ja")
    assert translator is not None
    yield translator
    remove_translator(qapp, translator)


def test_english_finds_words_not_names():
    assert english("(identity + 二乗誤差)") == ["identity"]
    assert english("<i>f</i> = tanh, ReLU; log y") == [] and english("NaN") == []
    assert english("0 (x ≠ 0; 0 at x = 0)") == ["at"]


def test_the_data_sets_have_japanese_names(japanese, qtbot):
    """The Data box once read "xor: …", "circles: …" in the Japanese window."""
    from nnviz.core.datasets import DATASETS
    from nnviz.gui.controls import ControlPanel
    from nnviz.training.trainer import Settings

    panel = ControlPanel()
    qtbot.addWidget(panel)
    for name in DATASETS:
        panel.set_settings(Settings(dataset=name))
        text = panel.data_info.text()
        assert not text.startswith(name + ":") or name == "sin", text
        assert not english(text.split(":")[0]), text
    assert [b.toolTip().startswith("<b>円</b>") for b in panel.datasets.buttons()].count(True) == 1


@pytest.mark.parametrize("dataset, pair", [("sin", "恒等写像 + ½‖y − d‖²"), ("xor", "σ + 交差エントロピー"),
                                           ("blobs", "ソフトマックス関数 + 交差エントロピー")])
def test_the_task_pair_is_named_in_japanese(japanese, qtbot, dataset, pair):
    """The task line once read "softmax + 交差エントロピー": a word left in English."""
    from nnviz.gui.controls import ControlPanel
    from nnviz.training.trainer import Settings

    panel = ControlPanel()
    qtbot.addWidget(panel)
    panel.set_settings(Settings(dataset=dataset))
    assert panel.task_info.text().split("\n")[0] == pair
