"""The lecture's scenes as ready-made settings, read from nnviz/resources/presets/*.json.

Each file holds {"title": English title, "settings": {Settings fields}}; fields
not given keep their defaults. The window translates the titles.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..core.errors import InputError
from .trainer import Settings

PRESET_DIR = Path(__file__).resolve().parent.parent / "resources" / "presets"


def load_presets(folder=PRESET_DIR):
    """[(key, title, Settings)] sorted by file name; key is the file stem without its number."""
    out = []
    for path in sorted(Path(folder).glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        key = path.stem.split("_", 1)[-1]
        out.append((key, spec["title"], Settings.from_dict(spec["settings"])))
    return out


def preset(key):
    """The Settings of the preset named ``key``; ValueError listing the known keys."""
    presets = {k: s for k, _, s in load_presets()}
    if key not in presets:
        raise InputError("unknown preset {name!r}; choose one of {names}", name=key, names=", ".join(presets))
    return presets[key]
