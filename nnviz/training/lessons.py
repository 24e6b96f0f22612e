"""Lessons: the lecture's sections as guided tasks the app checks from its own state (no Qt).

A lesson is a JSON file in nnviz/resources/lessons/ (or a teacher's own folder)::

    {"format": "nnviz-lesson", "version": 1,
     "title": {"ja": "...", "en": "..."}, "text": {"ja": "...", "en": "..."},
     "scene": "xor_hidden",
     "tasks": [{"id": "learn", "text": {"ja": "...", "en": "..."},
                "check": {"all": [{"setting": "hidden_units", "at_least": 5},
                                  {"metric": "test_accuracy", "at_least": 0.95}]}}]}

``scene`` is the key of a preset (nnviz/resources/presets, the *Presets* menu). A
check is data, never code: one of the conditions of :data:`CONDITIONS`, evaluated by
:func:`holds` from a :class:`State` (what the window shows: its latest snapshot's
numbers, its Settings, the recorded step-through Trace, the arena's paths). A
``trace_value`` check compares a typed answer with the trace (:func:`answer_ok`) and
:func:`worked` writes out its arithmetic. :func:`load_lesson` validates a whole file
and raises one InputError naming the file and the problem.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..core.errors import InputError, Message, Term
from .trainer import Settings

__all__ = ["Lesson", "Task", "State", "load_lesson", "load_lessons", "holds", "answer_ok", "trace_number",
           "worked", "parse_answer", "LESSON_DIR", "LANGUAGES"]

LESSON_DIR = Path(__file__).resolve().parent.parent / "resources" / "lessons"
FORMAT, VERSION, LANGUAGES = "nnviz-lesson", 1, ("ja", "en")
MAX_BYTES, MAX_TITLE, MAX_TEXT, MAX_TASK_TEXT, MAX_TASKS, MAX_ALL, MAX_DEPTH = 64_000, 120, 2000, 500, 8, 8, 3
METRICS = ("test_accuracy", "train_accuracy", "train_loss", "test_loss", "step", "epoch")
DERIVED = ("hidden_units", "hidden_layers", "update_rule")   # n of all hidden units, of hidden layers; the rule
SETTINGS = tuple(Settings.__dataclass_fields__) + DERIVED
#: Metrics the loss curve (Snapshot.history) keeps, and their columns (training.history.COLUMNS).
HISTORY_COLUMNS = {"step": 0, "epoch": 1, "train_loss": 2, "test_loss": 3, "train_accuracy": 4, "test_accuracy": 5}
ARENA_CLAIMS = ("momentum_beats_sgd", "saddle_escape")
ARENA_SETTINGS = ("mu", "eps", "surface")
TRACE_VALUES = ("u", "z", "delta", "dW")
COMPARE = ("at_least", "at_most", "equals", "one_of", "none_of")
#: Every condition a check may use: its kind (the one key naming it) and the keys it allows.
CONDITIONS = {
    "metric": set(COMPARE) | {"by_step"}, "setting": set(COMPARE), "arena_setting": set(COMPARE),
    "loss_rises_share": {"over"}, "arena": set(), "all": set(),
    "trace_value": {"layer", "unit", "from", "digits"},
}
_ID = re.compile(r"[a-z0-9_-]{1,40}")


@dataclass(frozen=True)
class Task:
    id: str
    text: dict                 # language → sentence
    check: dict                # a condition (see CONDITIONS)

    @property
    def needs_answer(self):
        """True for a task the student answers with a number (a ``trace_value`` check)."""
        return "trace_value" in self.check


@dataclass(frozen=True)
class Lesson:
    id: str                    # the file's stem, e.g. "7_backprop"
    title: dict
    text: dict
    scene: str | None
    tasks: tuple
    path: str = ""


@dataclass(frozen=True)
class State:
    """What the window shows now, read in the GUI thread.

    ``metrics``: name → number of :data:`METRICS` (from the latest Snapshot);
    ``history``: Snapshot.history, (n, 6); ``settings``: the Settings in force;
    ``trace``: the recorded step-through Trace or None; ``arena``: {"surface": Surface,
    "mu": μ, "eps": ε, "paths": name → Path} or None.
    """
    metrics: dict = field(default_factory=dict)
    history: np.ndarray = None
    settings: Settings = None
    trace: object = None
    arena: dict = None


# ----------------------------------------------------------------------------- validation
def _texts(obj, where, limit):
    """A {"ja": str, "en": str} of both languages, each 1..limit characters."""
    if not isinstance(obj, dict) or set(obj) != set(LANGUAGES):
        raise _Bad("{where} needs exactly the languages ja and en", where=where)
    for lang, text in obj.items():
        if not isinstance(text, str) or not text.strip() or len(text) > limit:
            raise _Bad("{where} ({lang}) must be text of 1 to {limit} characters",
                       where=where, lang=lang, limit=limit)
    return dict(obj)


def _number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _condition(c, where, depth=0):
    """Check one condition (recursively for "all"); raise _Bad with the problem."""
    if not isinstance(c, dict):
        raise _Bad("{where}: a check must be an object", where=where)
    kinds = [k for k in c if k in CONDITIONS]
    if len(kinds) != 1:
        raise _Bad("{where}: a check needs exactly one of {kinds}", where=where,
                   kinds=", ".join(CONDITIONS))
    kind, value = kinds[0], c[kinds[0]]
    extra = set(c) - {kind} - CONDITIONS[kind]
    if extra:
        raise _Bad("{where}: unknown key {key!r} in a {kind} check", where=where,
                   key=sorted(extra)[0], kind=kind)
    if kind == "all":
        if depth >= MAX_DEPTH or not isinstance(value, list) or not 1 <= len(value) <= MAX_ALL:
            raise _Bad("{where}: \"all\" needs a list of 1 to {n} checks, nested at most {depth} deep",
                       where=where, n=MAX_ALL, depth=MAX_DEPTH)
        for sub in value:
            _condition(sub, where, depth + 1)
        return
    names = {"metric": METRICS, "setting": SETTINGS, "arena_setting": ARENA_SETTINGS, "arena": ARENA_CLAIMS,
             "trace_value": TRACE_VALUES}.get(kind)
    if names is not None and value not in names:
        raise _Bad("{where}: {kind} must be one of {names}", where=where, kind=kind,
                   names=", ".join(names))
    if "by_step" in c and not (isinstance(c["by_step"], int) and not isinstance(c["by_step"], bool)
                               and c["by_step"] >= 0 and c["metric"] in HISTORY_COLUMNS):
        raise _Bad("{where}: by_step must be a whole number ≥ 0, for a metric of the loss curve", where=where)
    if kind in ("metric", "setting", "arena_setting"):
        tests = [k for k in COMPARE if k in c]
        if not tests:
            raise _Bad("{where}: a {kind} check needs one of {names}", where=where, kind=kind,
                       names=", ".join(COMPARE))
        for k in tests:
            ok = _number(c[k]) if k in ("at_least", "at_most") else \
                isinstance(c[k], list) and len(c[k]) <= 20 if k in ("one_of", "none_of") else \
                isinstance(c[k], (str, int, float, list)) or c[k] is None
            if not ok:
                raise _Bad("{where}: {key} has a value of the wrong type", where=where, key=k)
    elif kind == "loss_rises_share":
        share = value if isinstance(value, dict) else None
        if not share or set(share) - {"at_least", "at_most"} or \
                not all(_number(v) and 0 <= v <= 1 for v in share.values()):
            raise _Bad("{where}: loss_rises_share needs at_least or at_most, a share from 0 to 1",
                       where=where)
        if "over" in c and not (isinstance(c["over"], int) and 2 <= c["over"] <= 1000):
            raise _Bad("{where}: over must be a whole number 2..1000", where=where)
    elif kind == "trace_value":
        for key, lo in (("layer", 1), ("unit", 1), ("from", 1), ("digits", 1)):
            if key in c and not (isinstance(c[key], int) and not isinstance(c[key], bool) and lo <= c[key] <= 100):
                raise _Bad("{where}: {key} must be a whole number 1..100", where=where, key=key)
        if "layer" not in c or "unit" not in c or (value == "dW") != ("from" in c):
            raise _Bad("{where}: trace_value needs layer and unit (and from, for dW only)", where=where)


class _Bad(Message, ValueError):
    """What is wrong in a lesson file (the ``problem`` of load_lesson's InputError)."""


def _lesson(spec, stem, scenes):
    if not isinstance(spec, dict):
        raise _Bad("the file must hold one JSON object")
    if spec.get("format") != FORMAT or spec.get("version") != VERSION:
        raise _Bad("not an nnviz lesson: it needs \"format\": \"{format}\" and \"version\": {version}",
                   format=FORMAT, version=VERSION)
    unknown = set(spec) - {"format", "version", "title", "text", "scene", "tasks"}
    if unknown:
        raise _Bad("unknown key {key!r}", key=sorted(unknown)[0])
    title, text = _texts(spec.get("title"), "title", MAX_TITLE), _texts(spec.get("text"), "text", MAX_TEXT)
    scene = spec.get("scene")
    if scene is not None and (not isinstance(scene, str) or (scenes is not None and scene not in scenes)):
        raise _Bad("unknown scene {name!r}; choose one of {names}", name=scene,
                   names=", ".join(scenes or ()))
    tasks = spec.get("tasks")
    if not isinstance(tasks, list) or not 1 <= len(tasks) <= MAX_TASKS:
        raise _Bad("tasks must be a list of 1 to {n} tasks", n=MAX_TASKS)
    out = []
    for k, t in enumerate(tasks, 1):
        where = Term("task {k}", k=k)
        if not isinstance(t, dict) or set(t) - {"id", "text", "check"}:
            raise _Bad("{where} must be an object of id, text and check", where=where)
        if not isinstance(t.get("id"), str) or not _ID.fullmatch(t["id"]) or t["id"] in {x.id for x in out}:
            raise _Bad("{where}: id must be unique, 1 to 40 of a-z 0-9 _ -", where=where)
        _condition(t.get("check"), where)
        out.append(Task(t["id"], _texts(t.get("text"), where, MAX_TASK_TEXT), t["check"]))
    return Lesson(stem, title, text, scene, tuple(out))


def load_lesson(path, scenes=None):
    """The :class:`Lesson` in ``path``; ``scenes``: the known scene keys (None: any).

    Raises InputError "lesson file {file}: {problem}" for anything but a valid lesson
    (too large, not JSON, a missing language, an unknown condition, ...)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise _Bad("larger than {n} bytes", n=MAX_BYTES)
        try:
            spec = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise _Bad("not valid JSON ({reason})", reason=str(e)) from None
        lesson = _lesson(spec, path.stem, scenes)
    except _Bad as bad:
        raise InputError("lesson file {file}: {problem}", file=path.name, problem=bad) from None
    except OSError as e:
        raise InputError("lesson file {file}: {problem}", file=path.name, problem=e.strerror or str(e)) from None
    return Lesson(lesson.id, lesson.title, lesson.text, lesson.scene, lesson.tasks, str(path))


def load_lessons(folder=LESSON_DIR, scenes=None):
    """([Lesson], [InputError]) of every *.json in ``folder``, sorted by name: a broken
    file is refused with its error and does not stop the others."""
    lessons, errors = [], []
    for path in sorted(Path(folder).glob("*.json")):
        try:
            lessons.append(load_lesson(path, scenes))
        except InputError as e:
            errors.append(e)
    return lessons, errors


# ----------------------------------------------------------------------------- evaluation
def _compare(value, c):
    """Whether ``value`` passes the comparisons of condition ``c``."""
    items = list(value) if isinstance(value, (tuple, list)) else [value]
    for key in COMPARE:
        if key not in c:
            continue
        want = c[key]
        if key in ("at_least", "at_most"):
            if not _number(value) or (value < want if key == "at_least" else value > want):
                return False
        elif key == "equals":
            if (list(value) if isinstance(value, tuple) else value) != want:
                return False
        elif key == "one_of" and not all(v in want for v in items):
            return False
        elif key == "none_of" and any(v in want for v in items):
            return False
    return True


def _setting(settings, name):
    if name == "hidden_units":
        return sum(settings.hidden)
    if name == "hidden_layers":
        return len(settings.hidden)
    if name == "update_rule":
        return settings.optimizer_name
    return getattr(settings, name)


def rises_share(history, over=20):
    """The share of the last ``over`` rows of a history (n, 6) whose training loss is above
    the row before; None with fewer rows than over + 1."""
    if history is None or len(history) < over + 1:
        return None
    loss = history[-over - 1:, 2]
    return float(np.mean(loss[1:] > loss[:-1]))


def _arena_claim(name, arena):
    from ..core.surfaces import claim_holds
    wanted = {"momentum_beats_sgd": "ravine", "saddle_escape": "saddle"}[name]
    return arena["surface"].name == wanted and claim_holds(arena["surface"], arena["paths"])


def holds(check, state):
    """Whether condition ``check`` (validated) holds in :class:`State` ``state``.
    A ``trace_value`` check holds only through a typed answer: see :func:`answer_ok`."""
    if "all" in check:
        return all(holds(c, state) for c in check["all"])
    if "metric" in check and "by_step" in check:      # reached by then: any row of the loss curve up to by_step
        h = state.history
        if h is None:
            return False
        col = h[h[:, 0] <= check["by_step"], HISTORY_COLUMNS[check["metric"]]]
        return any(v == v and _compare(float(v), check) for v in col)
    if "metric" in check:
        v = state.metrics.get(check["metric"])
        return v is not None and v == v and _compare(v, check)
    if "setting" in check:
        return state.settings is not None and _compare(_setting(state.settings, check["setting"]), check)
    if "loss_rises_share" in check:
        share = rises_share(state.history, check.get("over", 20))
        return share is not None and _compare(share, check["loss_rises_share"])
    if "arena_setting" in check:
        name = check["arena_setting"]
        return state.arena is not None and _compare(
            state.arena["surface"].name if name == "surface" else state.arena[name], check)
    if "arena" in check:
        return state.arena is not None and _arena_claim(check["arena"], state.arena)
    return False


# ----------------------------------------------------------------------------- typed answers
def parse_answer(text):
    """A typed number (accepts −, a comma as decimal point, spaces); None when it is none."""
    text = str(text).strip().replace("−", "-").replace("，", ",").replace(" ", "")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    if len(text) > 40 or not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", text):
        return None
    return float(text)


def trace_number(trace, check):
    """The value a ``trace_value`` check asks for in ``trace`` (units numbered from 1, as on
    the slides), or None when the trace has no such layer or unit."""
    kind, l, j = check["trace_value"], check["layer"], check["unit"] - 1
    phase = _phase(trace, kind, l)
    if phase is None:
        return None
    a = np.asarray(phase.values["dW_n" if kind == "dW" else kind], dtype=float)
    try:
        return float(a[j, check["from"] - 1] if kind == "dW" else a[j])
    except IndexError:
        return None


def _phase(trace, kind, l):
    if trace is None:
        return None
    for name in {"u": ("forward",), "z": ("forward",), "delta": ("output_delta", "backward"),
                 "dW": ("gradient",)}[kind]:
        k = trace.find(name, l)
        if k >= 0:
            return trace.phases[k]
    return None


def answer_ok(value, answer, digits=3):
    """Whether ``answer`` equals ``value`` to ``digits`` significant digits (within half a
    unit of the last digit)."""
    if answer is None or value is None:
        return False
    if value == 0:
        return abs(answer) < 0.5 * 10 ** -digits
    unit = 10 ** (math.floor(math.log10(abs(value))) - digits + 1)
    return abs(answer - value) <= 0.5 * unit * (1 + 1e-9)


def _g(x):
    return f"{x:.4g}".replace("-", "−")


def _f(x):
    """A factor of a product: a negative number in parentheses."""
    return f"({_g(x)})" if x < 0 else _g(x)


def worked(trace, check):
    """The arithmetic of a ``trace_value`` check, in the lecture's notation, with the trace's
    numbers; "" when the trace does not have it."""
    value = trace_number(trace, check)
    if value is None:
        return ""
    kind, l, j = check["trace_value"], check["layer"], check["unit"]
    p, n = _phase(trace, kind, l).values, j - 1
    if kind == "u":
        terms = " + ".join(f"{_f(w)}·{_f(z)}" for w, z in zip(p["W"][n], p["z_prev"]))
        rule, numbers = f"Σ_i w_{j}i^({l}) z_i^({l - 1}) + b_{j}^({l})", f"{terms} + {_g(p['b'][n])}"
    elif kind == "z":
        rule, numbers = f"f(u_{j}^({l}))", f"f({_g(p['u'][n])})"
    elif kind == "dW":
        i = check["from"]
        rule, numbers = f"δ_{j}^({l}) z_{i}^({l - 1})", f"{_f(p['delta'][n])} × {_f(p['z_prev'][i - 1])}"
        return f"∂L_n/∂w_{j}{i}^({l}) = {rule} = {numbers} = {_g(value)}"
    elif "delta_next" not in p and p.get("matched", True):     # the output layer, a matched pair
        rule, numbers = f"z_{j}^({l}) − d_{j}", f"{_g(p['z'][n])} − {_g(p['d'][n])}"
    elif "delta_next" not in p:                                  # the output layer, the chain rule
        rule, numbers = f"∂L_n/∂z_{j} · f'(u_{j}^({l}))", f"{_f(p['dLdz'][n])} × {_f(p['df'][n])}"
    else:
        terms = " + ".join(f"{_f(w)}·{_f(d)}" for w, d in zip(np.asarray(p["W_next"])[:, n], p["delta_next"]))
        rule = f"f'(u_{j}^({l})) Σ_k w_k{j}^({l + 1}) δ_k^({l + 1})"
        numbers = f"{_f(p['df'][n])} × ({terms})"
    return f"{kind.replace('delta', 'δ')}_{j}^({l}) = {rule} = {numbers} = {_g(value)}"
