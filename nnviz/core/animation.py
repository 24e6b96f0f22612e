"""What an animation for slides may be (File → Record, ``nnviz record``): its format, its
length, the memory its frames may take; which item (phase, iteration) each frame shows.
Standard library only: the window and the command line check the same things."""
from __future__ import annotations

import importlib.util
import os

from .errors import InputError

MAX_FPS = 30
MAX_FRAMES = 3000
MEMORY_LIMIT = 1 << 30          # bytes of RGB frames one recording may hold (frames × width × height × 3)
FORMATS = (".gif", ".mp4")


class RecordError(InputError):
    """A recording that cannot be made: its format, its size. Nothing was recorded."""


def video_available():
    """Whether MP4 recordings can be written (imageio-ffmpeg is installed)."""
    return importlib.util.find_spec("imageio_ffmpeg") is not None


def check(path, frames, width, height):
    """Raise RecordError unless ``frames`` frames of ``width`` × ``height`` pixels can be
    recorded into ``path`` (.gif; .mp4 with imageio-ffmpeg) within :data:`MEMORY_LIMIT`."""
    ext = os.path.splitext(str(path))[1].lower()
    folder = os.path.dirname(os.path.abspath(str(path)))
    if not os.path.isdir(folder):
        raise RecordError("{file}: cannot save (no folder {folder})", file=os.path.basename(str(path)), folder=folder)
    if ext not in FORMATS:
        raise RecordError("{file}: nnviz records .gif or .mp4 files", file=os.path.basename(str(path)))
    if ext == ".mp4" and not video_available():
        raise RecordError("MP4 recordings need imageio-ffmpeg: pip install 'nnviz[video]' (or record a .gif)")
    need = frames * width * height * 3
    if need > MEMORY_LIMIT:
        raise RecordError("{frames} frames of {width} × {height} pixels need {need:,} MB, more than the "
                          "{limit:,} MB a recording may hold: record fewer frames or a smaller picture",
                          frames=frames, width=width, height=height, need=need >> 20, limit=MEMORY_LIMIT >> 20)


def frame_of(k, frames, n):
    """Which of ``n`` items (phases, race iterations, trajectory points) frame ``k`` of
    ``frames`` shows: the first at the first frame, the last at the last."""
    return round(k * (n - 1) / (frames - 1)) if frames > 1 else n - 1
