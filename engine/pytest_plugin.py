"""The pytest plugin loaded into every grading subprocess (``-p engine.pytest_plugin``).

It gives tests the candidate's code through the ``solution`` fixture, filters tests by
visibility and part, and streams one JSON line per event to the report file, so that a
run killed half-way (timeout, segfault, ``os._exit``) still reports what it finished.
This module runs only inside that subprocess; the CLI never imports it.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

MESSAGE_LIMIT = 800


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("mlprep")
    group.addoption("--solution", help="path of the Python file under test")
    group.addoption("--mlprep-report", help="write JSON lines describing the run here")
    group.addoption("--mlprep-api", default="", help="comma-separated names the file must define")
    group.addoption("--mlprep-visible-only", action="store_true", help="skip tests marked hidden")
    group.addoption("--mlprep-max-part", type=int, default=0, help="skip tests of later parts (0: all)")


class _Report:
    """Append-only JSON-lines writer, flushed per event."""

    def __init__(self, path: str | None) -> None:
        self._file = open(path, "a", encoding="utf-8") if path else None

    def write(self, event: str, **fields: Any) -> None:
        if self._file is not None:
            self._file.write(json.dumps({"event": event, **fields}) + "\n")
            self._file.flush()


class _State:
    report: _Report
    module: ModuleType | None = None
    load_error: str | None = None


_state = _State()


def _load_candidate(path: Path) -> ModuleType:
    """Import the file as a fresh top-level module named after its stem."""
    sys.path.insert(0, str(path.parent))
    sys.modules.pop(path.stem, None)
    return importlib.import_module(path.stem)


def _describe_load_error(error: BaseException, path: Path) -> str:
    if isinstance(error, SyntaxError):
        where = f"line {error.lineno}" if error.lineno else "unknown line"
        return f"SyntaxError in your file at {where}: {error.msg}"
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == str(path)]
    where = f" (line {frames[-1].lineno})" if frames else ""
    return f"importing your file raised {type(error).__name__}{where}: {error}"[:MESSAGE_LIMIT]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "hidden: scored on submit, not shown while practising")
    config.addinivalue_line("markers", "part(n): belongs to part n of a multi-part problem")
    _state.report = _Report(config.getoption("--mlprep-report"))
    solution = config.getoption("--solution")
    if not solution:
        return
    path = Path(solution).resolve()
    try:
        _state.module = _load_candidate(path)
    except BaseException as error:  # noqa: BLE001 - any failure to import is the candidate's error
        if isinstance(error, KeyboardInterrupt):
            raise
        _state.load_error = _describe_load_error(error, path)
        return
    api = [name for name in config.getoption("--mlprep-api").split(",") if name]
    missing = [name for name in api if not hasattr(_state.module, name)]
    if missing:
        _state.load_error = "your file does not define " + ", ".join(f"`{name}`" for name in missing)


def _part(item: pytest.Item) -> int:
    marker = item.get_closest_marker("part")
    return int(marker.args[0]) if marker else 1


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    visible_only = config.getoption("--mlprep-visible-only")
    max_part = config.getoption("--mlprep-max-part")
    kept, dropped = [], []
    for item in items:
        hidden = item.get_closest_marker("hidden") is not None
        if (visible_only and hidden) or (max_part and _part(item) > max_part):
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
    _state.report.write(
        "collected",
        tests=[
            {"id": item.nodeid, "name": item.name, "hidden": item.get_closest_marker("hidden") is not None, "part": _part(item)}
            for item in items
        ],
    )


def pytest_runtestloop(session: pytest.Session) -> bool | None:
    if _state.load_error is None:
        return None
    # The file cannot be graded: report every test as an error without running any.
    _state.report.write("load_error", message=_state.load_error)
    for item in session.items:
        _state.report.write("result", id=item.nodeid, outcome="error", message=_state.load_error, duration=0.0)
    return True


@pytest.fixture(scope="session")
def solution() -> ModuleType:
    """The candidate's module: the reference, a starter, or a user's attempt."""
    if _state.module is None:
        pytest.fail("no --solution file was given to the grading run", pytrace=False)
    return _state.module


def _message(report: pytest.TestReport, call_excinfo: pytest.ExceptionInfo[BaseException] | None) -> str:
    if call_excinfo is None:
        return str(report.longreprtext)[-MESSAGE_LIMIT:]
    text = call_excinfo.exconly()
    if not isinstance(call_excinfo.value, AssertionError):
        solution_path = _state.module.__file__ if _state.module else None
        lines = [entry.lineno + 1 for entry in call_excinfo.traceback if str(entry.path) == solution_path]
        if lines:
            text += f"\n(raised at line {lines[-1]} of your file)"
    return text[:MESSAGE_LIMIT]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        if report.passed:
            kind = "passed"
        elif report.skipped:
            kind = "skipped"
        elif call.excinfo is not None and "pytest-timeout" in call.excinfo.exconly():
            kind = "timeout"
        else:
            kind = "failed" if report.when == "call" else "error"
        message = "" if report.passed else _message(report, call.excinfo)
        _state.report.write("result", id=item.nodeid, outcome=kind, message=message, duration=round(report.duration, 4))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _state.report.write("finished", at=time.time())
