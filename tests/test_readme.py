"""The README's promises: the test command is the one CI runs, and the NumPy snippet
runs an exported network exactly as nnviz does."""
import pathlib
import re

import numpy as np

from nnviz.core.network import Network
from nnviz.core.weights_io import save_weights

ROOT = pathlib.Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def block_after(marker):
    return re.search(re.escape(marker) + r"\s*```\w*\n(.*?)```", README, re.S).group(1)


def test_ci_runs_the_readme_test_command():
    assert "<!-- test-command -->" in (ROOT / ".ci" / "run").read_text()
    assert "pytest" in block_after("<!-- test-command -->")


def test_numpy_snippet_runs_an_exported_network(tmp_path, monkeypatch):
    net = Network([3, 5, 4, 1], ["tanh", "relu"], task="binary", seed=3)
    monkeypatch.chdir(tmp_path)
    save_weights(tmp_path / "weights.npz", net)
    X = np.random.default_rng(0).normal(size=(7, 3))
    scope = {"X": X}
    exec(block_after("<!-- numpy-snippet -->"), scope)      # the README's own code, not user input
    assert np.allclose(scope["z"], net.predict(X), rtol=1e-12)
