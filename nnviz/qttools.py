"""Qt's Linguist tools (lrelease, lupdate) as PySide6 ships them.

Standard library only, and PySide6 imported lazily: ``packaging/update_translations.py``
writes the committed .qm with it, and the tests compile the .ts again to compare.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def qt_tool(name):
    """The command (a list) that runs Qt's ``name`` ("lrelease", "lupdate") shipped with
    PySide6, or None when there is none."""
    try:
        import PySide6
    except ImportError:
        PySide6 = None
    if PySide6 is not None:
        pkg = Path(PySide6.__file__).resolve().parent
        for exe in (pkg / name, pkg / f"{name}.exe", pkg / "Qt" / "bin" / name,
                    pkg / "Qt" / "libexec" / name):
            if exe.is_file() and os.access(exe, os.X_OK):
                return [str(exe)]
    for exe in (Path(sys.executable).parent / f"pyside6-{name}", shutil.which(f"pyside6-{name}")):
        if exe and Path(exe).is_file() and os.access(exe, os.X_OK):
            return [str(exe)]
    if PySide6 is not None and not getattr(sys, "frozen", False):   # a frozen app is no Python
        return [sys.executable, "-c", f"from PySide6.scripts.pyside_tool import {name}; {name}()"]
    return None


def lrelease(ts, qm):
    """Compile the Qt Linguist source ``ts`` into ``qm``, atomically: a reader never sees a
    half-written file. Raises FileNotFoundError without lrelease, CalledProcessError when
    it fails."""
    cmd = qt_tool("lrelease")
    if cmd is None:
        raise FileNotFoundError("Qt's lrelease (pip install PySide6-Essentials)")
    qm = Path(qm)
    qm.parent.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_name(f"{qm.stem}.{os.getpid()}.tmp.qm")
    try:
        subprocess.run(cmd + ["-silent", str(ts), "-qm", str(tmp)], check=True, timeout=120,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        os.replace(tmp, qm)
    finally:
        if tmp.exists():
            tmp.unlink()
    return qm
