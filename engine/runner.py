"""Grade a candidate file against a variant's canonical tests in an isolated subprocess.

In the manner of exercism's test runner: the tests (always read from ``problems/``) and
the candidate are copied into a fresh temporary folder, pytest runs there in its own
process group under a wall-clock limit, memory and output caps, and the result comes
back as a :class:`Verdict`. Nothing here imports pytest.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from engine.problem import Problem, Variant

Status = Literal["passed", "failed", "error", "timeout", "crashed"]

OUTPUT_LIMIT = 4_000
MEMORY_LIMIT_BYTES = 8 * 1024**3
FILE_SIZE_LIMIT_BYTES = 64 * 1024**2
KILL_GRACE_SECONDS = 5.0
CANDIDATE_NAME = "candidate.py"


@dataclass(frozen=True)
class TestResult:
    name: str
    outcome: str
    message: str = ""
    hidden: bool = False
    part: int = 1
    duration_s: float = 0.0


@dataclass(frozen=True)
class Verdict:
    """The outcome of one grading run."""

    status: Status
    passed: int
    total: int
    duration_s: float
    tests: tuple[TestResult, ...] = field(default=())
    message: str = ""
    output: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "passed"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["tests"] = [asdict(t) for t in self.tests]
        return data


def limit_resources() -> None:  # pragma: no cover - runs in the child before exec
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT_BYTES, FILE_SIZE_LIMIT_BYTES))
    # A write past the file-size cap then fails with an error instead of killing the run.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _read_events(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    events = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:
            break  # a line cut off by a crash ends the usable record
    return events


def _tail(path: Path, limit: int = OUTPUT_LIMIT) -> str:
    if not path.exists():
        return ""
    size = path.stat().st_size
    with path.open("rb") as handle:
        handle.seek(max(0, size - limit))
        text = handle.read().decode("utf-8", errors="replace")
    return ("…(output trimmed)\n" + text) if size > limit else text


def _signal_name(returncode: int) -> str:
    try:
        return signal.Signals(-returncode).name
    except ValueError:
        return f"signal {-returncode}"


def _verdict(events: list[dict[str, Any]], returncode: int | None, timed_out: bool, duration: float, output: str, limit: float) -> Verdict:
    collected = next((e["tests"] for e in events if e["event"] == "collected"), None)
    results = {e["id"]: e for e in events if e["event"] == "result"}
    load_error = next((e["message"] for e in events if e["event"] == "load_error"), None)
    finished = any(e["event"] == "finished" for e in events)
    tests = tuple(
        TestResult(
            name=t["name"],
            outcome=results[t["id"]]["outcome"] if t["id"] in results else "not run",
            message=results[t["id"]]["message"] if t["id"] in results else "",
            hidden=t["hidden"],
            part=t["part"],
            duration_s=results[t["id"]]["duration"] if t["id"] in results else 0.0,
        )
        for t in collected or []
    )
    passed = sum(t.outcome == "passed" for t in tests)
    total = len(tests)

    def make(status: Status, message: str) -> Verdict:
        return Verdict(status, passed, total, round(duration, 3), tests, message, output)

    if timed_out:
        return make("timeout", f"the run was stopped after {limit:.0f} s (an infinite loop, or far too slow)")
    if load_error is not None:
        return make("error", load_error)
    if collected is None:
        return make("error", "the tests could not be collected; see the output")
    if not finished:
        cause = _signal_name(returncode) if returncode is not None and returncode < 0 else f"exit code {returncode}"
        return make("crashed", f"the test process died ({cause}) before the tests finished")
    if total == 0:
        return make("error", "no tests were selected")
    if any(t.outcome == "timeout" for t in tests):
        return make("timeout", "a test ran past the time limit")
    if passed == total:
        return make("passed", f"all {total} tests passed")
    return make("failed", f"{passed} of {total} tests passed")


# Plugins a grading run never needs; dropping them also skips pytest's end-of-session gc.collect().
DISABLED_PLUGINS = ("cacheprovider", "pastebin", "junitxml", "doctest", "stepwise", "unraisableexception", "threadexception")
# Same hash seed and no third-party plugin autoloading in every run, warm or cold, so verdicts agree.
RUN_ENVIRONMENT = {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0", "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}


@dataclass(frozen=True)
class Scratch:
    """A grading run's private folder: copies of the tests and the candidate, and its outputs."""

    folder: Path
    args: list[str]

    @property
    def report(self) -> Path:
        return self.folder / "report.jsonl"

    @property
    def output(self) -> Path:
        return self.folder / "output.txt"


@contextmanager
def scratch(candidate: Path, tests: Path, *, api: tuple[str, ...], timeout_seconds: float,
            visible_only: bool, max_part: int) -> Iterator[Scratch]:
    """Copy the tests' folder and the candidate into a temporary folder and build pytest's arguments."""
    with tempfile.TemporaryDirectory(prefix="mlprep-run-") as folder:
        work = Path(folder)
        shutil.copytree(tests.parent, work / "tests", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copyfile(candidate, work / CANDIDATE_NAME)
        args = [
            str(work / "tests" / tests.name), "-q", "--no-header",
            "-p", "engine.pytest_plugin", "-p", "pytest_timeout",
            *[item for name in DISABLED_PLUGINS for item in ("-p", f"no:{name}")],
            "--rootdir", str(work), "-c", os.devnull, f"--timeout={timeout_seconds}",
            f"--solution={work / CANDIDATE_NAME}", f"--mlprep-report={work / 'report.jsonl'}",
            f"--mlprep-api={','.join(api)}",
        ]
        if visible_only:
            args.append("--mlprep-visible-only")
        if max_part:
            args.append(f"--mlprep-max-part={max_part}")
        yield Scratch(work, args)


def run_environment() -> dict[str, str]:
    engine_root = str(Path(__file__).resolve().parent.parent)
    return {**os.environ, **RUN_ENVIRONMENT,
            "PYTHONPATH": os.pathsep.join(filter(None, [engine_root, os.environ.get("PYTHONPATH")]))}


def collect_verdict(work: Scratch, returncode: int | None, timed_out: bool, started: float, limit: float) -> Verdict:
    return _verdict(_read_events(work.report), returncode, timed_out, time.monotonic() - started, _tail(work.output), limit)


def run_tests(
    candidate: Path,
    tests: Path,
    *,
    api: tuple[str, ...] = (),
    timeout_seconds: float = 60,
    visible_only: bool = False,
    max_part: int = 0,
) -> Verdict:
    """Run the test file against ``candidate`` in a fresh Python subprocess (the cold path)."""
    started = time.monotonic()
    with scratch(candidate, tests, api=api, timeout_seconds=timeout_seconds,
                 visible_only=visible_only, max_part=max_part) as work:
        limit = timeout_seconds + KILL_GRACE_SECONDS
        timed_out = False
        with work.output.open("wb") as output:
            process = subprocess.Popen(
                [sys.executable, "-m", "pytest", *work.args], cwd=work.folder, stdin=subprocess.DEVNULL,
                stdout=output, stderr=subprocess.STDOUT, env=run_environment(), start_new_session=True,
                preexec_fn=limit_resources,
            )
            try:
                process.wait(timeout=limit)
            except subprocess.TimeoutExpired:
                timed_out = True
            except BaseException:
                kill_group(process.pid)  # Ctrl-C: never leave the user's code running
                process.wait()
                raise
            finally:
                kill_group(process.pid)
                process.wait()
        return collect_verdict(work, process.returncode, timed_out, started, limit)


def kill_group(pid: int) -> None:
    """Kill a run's whole process group (led by ``pid``): the user's code may have started children."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


RunTests = Callable[..., Verdict]


def grade(problem: Problem, variant: Variant, candidate: Path, *, visible_only: bool = False, max_part: int = 0,
          run: RunTests | None = None) -> Verdict:
    """Grade ``candidate`` against a variant's canonical tests, cold unless a warm ``run`` is given."""
    return (run or run_tests)(
        candidate, variant.tests, api=variant.api, timeout_seconds=problem.timeout_seconds,
        visible_only=visible_only, max_part=max_part,
    )
