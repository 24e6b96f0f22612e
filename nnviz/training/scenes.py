"""The lecture's scenes, read from nnviz/resources/presets/*.json (the *Presets* menu).

A scene is a claim the app shows and a test proves: its settings, its length in
steps, one sentence in the lecture's words, and, for a comparison, the variants
trained beside each other from the same start on the same data. A file holds

    {"title": "...", "claim": "...", "steps": 3000,
     "settings": {Settings fields},
     "variants": [{"label": "...", "settings": {fields that differ}}, ...]}

Fields not given keep their defaults; without "variants" the scene is one run.
The window translates titles, claims and labels (context "presets").
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import InputError
from .trainer import Settings

__all__ = ["Scene", "load_scenes", "scene", "PRESET_DIR"]

PRESET_DIR = Path(__file__).resolve().parent.parent / "resources" / "presets"


@dataclass(frozen=True)
class Scene:
    key: str
    title: str
    claim: str
    steps: int
    settings: Settings                # the first run's settings (what ``nnviz train --preset`` runs)
    variants: tuple = ()              # ((label, Settings), ...) of a comparison; () for one run

    def runs(self):
        """[(label, Settings)] of every run the scene trains (one for a single run)."""
        return list(self.variants) or [(self.title, self.settings)]

    @property
    def is_comparison(self):
        return len(self.variants) > 1


def _scene(key, spec):
    base = spec.get("settings", {})
    variants = tuple((v["label"], Settings.from_dict({**base, **v.get("settings", {})}))
                     for v in spec.get("variants", ()))
    first = variants[0][1] if variants else Settings.from_dict(base)
    return Scene(key, spec["title"], spec.get("claim", ""), int(spec.get("steps", 2000)), first, variants)


def load_scenes(folder=PRESET_DIR):
    """Every :class:`Scene`, sorted by file name; the key is the file stem without its number."""
    return [_scene(path.stem.split("_", 1)[-1], json.loads(path.read_text(encoding="utf-8")))
            for path in sorted(Path(folder).glob("*.json"))]


def scene(key):
    """The :class:`Scene` named ``key``; InputError listing the known keys."""
    scenes = {s.key: s for s in load_scenes()}
    if key not in scenes:
        raise InputError("unknown preset {name!r}; choose one of {names}", name=key, names=", ".join(scenes))
    return scenes[key]
