"""Shared fixtures: an isolated home per test, a tiny fixture catalog and a settable clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from engine.catalog import Catalog
from engine.clock import as_utc
from engine.workspace import Workspace

FIXTURE_PROBLEMS = Path(__file__).parent / "fixtures" / "problems"
START = datetime.fromisoformat("2026-03-02T09:00:00+00:00")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own MLPREP_HOME, so none touches the real store."""
    home = tmp_path / "home"
    monkeypatch.setenv("MLPREP_HOME", str(home))
    monkeypatch.delenv("MLPREP_NOW", raising=False)
    monkeypatch.delenv("MLPREP_PROBLEMS", raising=False)
    return home


class Clock:
    """Sets MLPREP_NOW; starts on a Monday morning UTC."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch
        self.set(START)

    def set(self, moment: datetime) -> None:
        self.now = as_utc(moment)
        self._monkeypatch.setenv("MLPREP_NOW", self.now.isoformat())

    def advance(self, **delta: float) -> None:
        self.set(self.now + timedelta(**delta))


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


@pytest.fixture
def fixture_catalog() -> Catalog:
    return Catalog.load(FIXTURE_PROBLEMS)


@pytest.fixture
def fixture_problems(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the CLI at the fixture content tree."""
    monkeypatch.setenv("MLPREP_PROBLEMS", str(FIXTURE_PROBLEMS))
    return FIXTURE_PROBLEMS


@pytest.fixture
def workspace(isolated_home: Path, fixture_catalog: Catalog, clock: Clock) -> Iterator[Workspace]:
    """A workspace over the fixture catalog, with fuzzing off and UTC study days."""
    with Workspace.open(isolated_home, fixture_catalog) as ws:
        ws.set_setting("fuzz", "false")
        ws.set_setting("timezone", "UTC")
        yield ws


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
