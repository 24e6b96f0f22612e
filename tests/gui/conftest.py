"""Fixtures for the GUI tests: real snapshots of small real training runs."""
import pytest

from nnviz.training.snapshot import take
from nnviz.training.trainer import Settings, build


def make_snapshot(steps=20, version=1, **settings):
    """A Snapshot of a real run: ``settings`` are Settings fields (default XOR, 2-4-4-1)."""
    trainer = build(Settings(**settings))
    for _ in range(steps):
        trainer.step()
        take(trainer, version)
    return take(trainer, version)


@pytest.fixture
def snapshot():
    return make_snapshot()


@pytest.fixture
def snapshot_factory():
    return make_snapshot
