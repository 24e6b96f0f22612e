"""Lesson files: the shipped ones load, a broken one is refused with one clear message,
checks are data evaluated from a State, typed answers are checked to 3 significant digits."""
import json

import numpy as np
import pytest

from nnviz.core.errors import InputError
from nnviz.core.trace import Trace
from nnviz.training.lessons import (MAX_BYTES, State, answer_ok, holds, load_lesson, load_lessons, parse_answer,
                                    trace_number, worked)
from nnviz.training.scenes import load_scenes
from nnviz.training.trainer import Settings, build

SCENES = {s.key for s in load_scenes()}
GOOD = {"format": "nnviz-lesson", "version": 1, "title": {"ja": "題", "en": "Title"},
        "text": {"ja": "本文", "en": "Text"}, "scene": "xor_hidden",
        "tasks": [{"id": "a", "text": {"ja": "課題", "en": "Task"},
                   "check": {"metric": "test_accuracy", "at_least": 0.95}}]}


def test_the_seven_lessons_load_in_both_languages():
    lessons, errors = load_lessons(scenes=SCENES)
    assert errors == [] and len(lessons) == 7
    for lesson in lessons:
        assert lesson.scene in SCENES and 2 <= len(lesson.tasks) <= 4
        assert all(t.text["ja"] != t.text["en"] for t in lesson.tasks)


def _write(tmp_path, spec, name="8_mine.json"):
    path = tmp_path / name
    path.write_text(spec if isinstance(spec, str) else json.dumps(spec), encoding="utf-8")
    return path


def _with(**changes):
    return {**GOOD, **changes}


def _task(check, **more):
    return _with(tasks=[{"id": "a", "text": {"ja": "課題", "en": "Task"}, "check": check, **more}])


@pytest.mark.parametrize("spec, words", [
    ("{not json", "not valid JSON"),
    ([], "one JSON object"),
    (_with(format="other"), "not an nnviz lesson"),
    (_with(title={"en": "only English"}), "title needs exactly the languages ja and en"),
    (_with(text={"ja": "", "en": "x"}), "text (ja) must be text of 1 to"),
    (_with(title={"ja": "x" * 500, "en": "x"}), "title (ja) must be text of 1 to 120"),
    (_with(scene="no_such_scene"), "unknown scene 'no_such_scene'"),
    (_with(tasks=[]), "tasks must be a list of 1 to 8"),
    (_with(extra=1), "unknown key 'extra'"),
    (_task({"python": "__import__('os').system('rm -rf /')"}), "task 1: a check needs exactly one of"),
    (_task({"metric": "cpu_time", "at_least": 1}), "task 1: metric must be one of"),
    (_task({"metric": "test_accuracy"}), "task 1: a metric check needs one of"),
    (_task({"metric": "test_accuracy", "at_least": "high"}), "task 1: at_least has a value of the wrong type"),
    (_task({"setting": "eps", "at_least": 1, "shell": "x"}), "task 1: unknown key 'shell' in a setting check"),
    (_task({"trace_value": "delta", "layer": 2}), "task 1: trace_value needs layer and unit"),
    (_task({"loss_rises_share": {"at_least": 2}}), "task 1: loss_rises_share needs"),
    (_task({"all": [{"all": [{"all": [{"all": [{"metric": "step", "at_least": 1}]}]}]}]}), "nested at most 3 deep"),
    (_task({"arena": "anything"}), "task 1: arena must be one of"),
])
def test_a_broken_lesson_is_refused_with_its_file_and_problem(tmp_path, spec, words):
    path = _write(tmp_path, spec)
    with pytest.raises(InputError) as e:
        load_lesson(path, SCENES)
    assert str(e.value).startswith("lesson file 8_mine.json: ") and words in str(e.value), str(e.value)


def test_a_too_large_file_is_refused_before_it_is_read(tmp_path):
    path = _write(tmp_path, json.dumps(GOOD) + " " * MAX_BYTES)
    with pytest.raises(InputError, match="larger than 64000 bytes"):
        load_lesson(path, SCENES)


def test_a_broken_file_does_not_stop_the_others(tmp_path):
    _write(tmp_path, GOOD, "1_good.json")
    _write(tmp_path, _with(title={"en": "x"}), "2_bad.json")
    lessons, errors = load_lessons(tmp_path, SCENES)
    assert [l.id for l in lessons] == ["1_good"] and len(errors) == 1 and "2_bad.json" in str(errors[0])


def _history(losses):
    h = np.full((len(losses), 6), np.nan)
    h[:, 2] = losses
    return h


def test_conditions_read_the_state():
    s = Settings(hidden=(8,), activations=("relu",), eps=0.3)
    state = State({"test_accuracy": 0.96, "step": 100}, _history([1, 2] * 15), s)
    assert holds({"all": [{"setting": "hidden_units", "at_least": 5}, {"metric": "test_accuracy", "at_least": 0.95}]},
                 state)
    assert not holds({"metric": "test_accuracy", "at_least": 0.97}, state)
    assert not holds({"metric": "train_accuracy", "at_least": 0.1}, state)         # unknown now: not done
    assert holds({"setting": "activations", "one_of": ["relu"]}, state)
    assert not holds({"setting": "activations", "none_of": ["relu"]}, state)
    assert holds({"setting": "hidden", "equals": [8]}, state) and holds({"setting": "output", "equals": None}, state)
    assert holds({"loss_rises_share": {"at_least": 0.4}}, state)
    assert not holds({"loss_rises_share": {"at_least": 0.4}}, State(history=_history(np.linspace(2, 1, 30))))
    assert not holds({"loss_rises_share": {"at_most": 1.0}}, State(history=_history([1, 2, 3])))  # too few rows


def test_parse_answer_never_evaluates_text():
    assert parse_answer(" −0.0123 ") == -0.0123 and parse_answer("1,5") == 1.5 and parse_answer("2e-3") == 0.002
    for text in ("__import__('os')", "1+1", "", "nan", "inf", "0x10"):
        assert parse_answer(text) is None


def test_answers_match_to_three_significant_digits():
    assert answer_ok(-0.012345, -0.0123) and answer_ok(-0.012345, -0.01235) and not answer_ok(-0.012345, -0.0124)
    assert answer_ok(123.456, 123) and not answer_ok(123.456, 124) and answer_ok(0.0, 0.0001)


def test_trace_values_and_the_worked_arithmetic_of_the_slides_example():
    trainer = build(Settings(dataset="slides", samples=20, noise=0.0, test_ratio=0.0, hidden=(3,),
                             activations=("sigmoid",), eps=0.1, batch=1, reduction="sum"))
    trace = Trace.from_json(trainer.trace_step(0).to_json())      # plain data, as the window keeps it
    b = trace.phases[trace.find("backward", 2)].values
    d3 = trace.phases[trace.find("output_delta", 3)].values
    want = b["df"][0] * float(np.dot(b["W_next"][:, 0], b["delta_next"]))
    check = {"trace_value": "delta", "layer": 2, "unit": 1, "digits": 3}
    assert trace_number(trace, check) == pytest.approx(want)
    assert trace_number(trace, {"trace_value": "delta", "layer": 3, "unit": 1}) == pytest.approx(d3["z"][0] - d3["d"][0])
    text = worked(trace, check)
    assert text.startswith("δ_1^(2) = f'(u_1^(2)) Σ_k w_k1^(3) δ_k^(3) = ") and text.endswith(f"{want:.4g}".replace("-", "−"))
    assert trace_number(trace, {"trace_value": "u", "layer": 2, "unit": 9}) is None        # no such unit
    assert worked(None, check) == ""


def test_the_readme_example_is_a_valid_lesson(tmp_path):
    import pathlib
    import re
    readme = (pathlib.Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Lessons (授業)"):]
    example = re.search(r"```\n(.*?)```", section, re.S).group(1)
    lesson = load_lesson(_write(tmp_path, example, "4_mine.json"), SCENES)
    assert [t.id for t in lesson.tasks] == ["units", "delta"] and lesson.tasks[1].needs_answer
