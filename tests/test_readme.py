"""The README's promises: the test command is the one CI runs, every example runs as
written, in order, in a fresh copy of the checkout, and the NumPy snippet runs an
exported network exactly as nnviz does.

The examples are the README's own fenced blocks, found by parsing it: every ```sh and
```python block after the test command (the second install command), so a new example is
tested as soon as it is written. An HTML comment on the line before a block can say how:
``<!-- readme-test: window -->`` (it opens the window: it must start and keep running) or
``<!-- readme-test: skip, REASON -->`` (it changes the system or takes minutes)."""
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from nnviz.core.network import Network
from nnviz.core.weights_io import save_weights

ROOT = pathlib.Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"(?:^<!--[ \t]*(?P<mark>[^\n]*?)[ \t]*-->[ \t]*\n)?^```(?P<lang>[^\n`]*)\n(?P<code>.*?)^```[ \t]*$",
                   re.M | re.S)
WINDOW_SECONDS = 5       # a window example must still be running after this long


def blocks():
    """(comment before it, language, code) of every fenced block of the README, in order."""
    return [(m["mark"] or "", m["lang"].strip(), m["code"]) for m in FENCE.finditer(README)]


def examples():
    """The blocks a reader runs after the two install commands at the top."""
    found = blocks()
    start = next(i for i, (mark, _, _) in enumerate(found) if mark == "test-command")
    return found[start + 1:]


def block_after(marker):
    return next(code for mark, _, code in blocks() if mark == marker)


def test_ci_runs_the_readme_test_command():
    assert "<!-- test-command -->" in (ROOT / ".ci" / "run").read_text()
    assert "pytest" in block_after("test-command")
    assert "ruff check ." in block_after("test-command")          # the lint run ([tool.ruff])


def test_every_block_is_an_example_the_test_knows_how_to_run():
    """A ```bash or ```console block would be skipped silently: blocks are sh, python, or
    unlabelled (a picture, e.g. the architecture); a readme-test comment is one of two."""
    assert len(examples()) >= 5
    for mark, lang, code in blocks():
        assert lang in ("sh", "python", ""), f"```{lang} block: use ```sh or ```python\n{code}"
        if mark.startswith("readme-test:"):
            how = mark.removeprefix("readme-test:").strip()
            assert how == "window" or re.fullmatch(r"skip, \S.*", how), f"unknown <!-- {mark} -->"


def _checkout_copy(dest):
    """The checkout's tracked files (what a fresh clone has), copied to ``dest``."""
    try:
        names = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True,
                               check=True).stdout.decode().split("\0")
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: no list of tracked files to copy")
    for name in filter(None, names):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)


def _run_window(code, cwd, env):
    """Start a command that opens the window (offscreen); it must not end by itself."""
    proc = subprocess.Popen(["bash", "-c", code], cwd=cwd, env=dict(env, QT_QPA_PLATFORM="offscreen"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + WINDOW_SECONDS
    while proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    ended = proc.poll()
    if ended is None:
        os.killpg(proc.pid, signal.SIGKILL)
    out, err = proc.communicate()
    if ended is not None or "Traceback" in err:
        pytest.fail(f"the window example ended (status {ended}) instead of showing the window:\n{code}\n"
                    f"--- stdout\n{out[-2000:]}\n--- stderr\n{err[-2000:]}", pytrace=False)


def test_every_example_runs_in_a_fresh_checkout(tmp_path):
    venv = pathlib.Path(sys.prefix)
    if not (venv / "bin" / "nnviz").exists():
        pytest.skip("the nnviz command is not installed in this Python's environment")
    root = tmp_path / "checkout"
    root.mkdir()
    _checkout_copy(root)
    (root / ".venv").symlink_to(venv, target_is_directory=True)    # the install command's venv
    home = tmp_path / "home"                                      # no settings of the user's
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_CACHE_HOME=str(home / ".cache"), XDG_DATA_HOME=str(home / ".local" / "share"),
               PATH=f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")
    ran = 0
    for mark, lang, code in examples():
        if lang not in ("sh", "python") or mark.startswith("readme-test: skip"):
            continue
        if mark == "readme-test: window":
            _run_window(code, root, env)
        else:
            argv = [sys.executable, "-c", code] if lang == "python" else ["bash", "-e", "-o", "pipefail", "-c", code]
            r = subprocess.run(argv, cwd=root, env=env, capture_output=True, text=True, timeout=600)
            if r.returncode:
                pytest.fail(f"README example failed (status {r.returncode}):\n{code}\n"
                            f"--- stdout\n{r.stdout[-2000:]}\n--- stderr\n{r.stderr[-2000:]}", pytrace=False)
        ran += 1
    assert ran >= 5      # the parser found the examples


def test_numpy_snippet_runs_an_exported_network(tmp_path, monkeypatch, capsys):
    net = Network([2, 5, 4, 1], ["tanh", "relu"], task="binary", seed=3)
    monkeypatch.chdir(tmp_path)
    save_weights(tmp_path / "xor.npz", net)
    (tmp_path / "examples").mkdir()
    shutil.copy(ROOT / "examples" / "points.csv", tmp_path / "examples")
    scope = {}
    exec(block_after("numpy-snippet"), scope)      # the README's own code, not user input
    assert scope["X"].shape == (5, 2)
    assert np.allclose(scope["z"], net.predict(scope["X"]), rtol=1e-12)
