"""The warm runner: a worker process with pytest (and numpy, torch, ... on request) already imported.

Each grading run is a ``fork`` of the worker, so it pays only for the tests themselves,
yet still runs in its own process group with the same wall-clock limit, memory and
output caps as a cold run. A crash or hang kills the child, never the worker or the CLI.
The child imports the attempt fresh (the worker never imports it), and it leaves with
``os._exit`` so that no interpreter teardown is paid. Objects alive in the worker are
moved out of the garbage collector's reach with ``gc.freeze()`` before forking, so a
collection in the child does not walk torch's object graph.

Protocol: JSON lines on the worker's stdin/stdout. Requests are
``{"op": "preload", "modules": [...]}`` and ``{"op": "run", "args": [...], "cwd": ...,
"output": ..., "limit": seconds}``; a run answers ``{"pid": ...}`` when the child starts
and ``{"returncode": ..., "timed_out": ...}`` when it ends.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

from engine.runner import (
    KILL_GRACE_SECONDS, Verdict, collect_verdict, kill_group, limit_resources, run_environment, run_tests, scratch,
)

POLL_SECONDS = 0.002


# --- the worker (runs as `python -m engine.warm`) -------------------------------------------


def _preload(modules: list[str]) -> list[str]:
    import gc
    import importlib

    loaded = []
    for name in modules:
        try:
            importlib.import_module(name)
            loaded.append(name)
        except Exception:  # noqa: BLE001 - a module that fails here fails again, visibly, in the run
            pass
    gc.freeze()
    return loaded


def _run_child(args: list[str], cwd: str, output: str) -> None:  # pragma: no cover - runs in the forked child
    code = 1
    try:
        os.setpgid(0, 0)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        limit_resources()
        out = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(out, 1)
        os.dup2(out, 2)
        os.chdir(cwd)
        import pytest

        code = int(pytest.main(args))
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _wait(pid: int, limit: float) -> tuple[int, bool]:
    """Wait for the child up to ``limit`` seconds; kill its group past that. Returns (exit code, timed out)."""
    deadline = time.monotonic() + limit
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status), False
        if time.monotonic() > deadline:
            kill_group(pid)
            _, status = os.waitpid(pid, 0)
            return os.waitstatus_to_exitcode(status), True
        time.sleep(POLL_SECONDS)


def serve(requests: IO[str], replies: IO[str]) -> None:
    """Answer requests until stdin closes."""
    import pytest  # noqa: F401 - imported once here, inherited by every child
    from _pytest.config import default_plugins
    import importlib

    for name in default_plugins:
        importlib.import_module(f"_pytest.{name}")
    _preload(["pytest_timeout", "engine.pytest_plugin"])

    def reply(message: dict[str, Any]) -> None:
        replies.write(json.dumps(message) + "\n")
        replies.flush()

    for line in requests:
        request = json.loads(line)
        if request["op"] == "preload":
            reply({"loaded": _preload(request["modules"])})
        elif request["op"] == "run":
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:
                _run_child(request["args"], request["cwd"], request["output"])
            reply({"pid": pid})
            returncode, timed_out = _wait(pid, request["limit"])
            reply({"returncode": returncode, "timed_out": timed_out})


# --- the client, used by the CLI --------------------------------------------------------------


class WarmRunner:
    """Runs tests through a warm worker; falls back to a cold run if the worker is lost."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self._preloaded: set[str] = set()

    def __enter__(self) -> WarmRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _worker(self) -> subprocess.Popen[str]:
        if self._process is None or self._process.poll() is not None:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "engine.warm"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, text=True, env=run_environment(), start_new_session=True,
            )
            self._preloaded = set()
        return self._process

    def _send(self, message: dict[str, Any]) -> None:
        worker = self._worker()
        assert worker.stdin is not None
        worker.stdin.write(json.dumps(message) + "\n")
        worker.stdin.flush()

    def _receive(self, timeout: float) -> dict[str, Any]:
        """The next answer to a run; answers to earlier preloads are skipped."""
        worker = self._worker()
        assert worker.stdout is not None
        deadline = time.monotonic() + timeout
        while True:
            ready, _, _ = select.select([worker.stdout], [], [], max(0.0, deadline - time.monotonic()))
            line = worker.stdout.readline() if ready else ""
            if not line:
                raise ConnectionError("the warm worker did not answer")
            message = json.loads(line)
            if "loaded" not in message:
                return message

    def preload(self, modules: tuple[str, ...] | list[str]) -> None:
        """Start importing these modules in the worker, without waiting, so later runs do not pay for them."""
        wanted = [m for m in modules if m not in self._preloaded]
        if not wanted:
            return
        try:
            self._send({"op": "preload", "modules": wanted})
            self._preloaded.update(wanted)
        except OSError:
            self.close()

    def run_tests(self, candidate: Path, tests: Path, *, api: tuple[str, ...] = (), timeout_seconds: float = 60,
                  visible_only: bool = False, max_part: int = 0) -> Verdict:
        """Same contract as :func:`engine.runner.run_tests`, through the worker."""
        started = time.monotonic()
        limit = timeout_seconds + KILL_GRACE_SECONDS
        with scratch(candidate, tests, api=api, timeout_seconds=timeout_seconds,
                     visible_only=visible_only, max_part=max_part) as work:
            child = None
            try:
                self._send({"op": "run", "args": work.args, "cwd": str(work.folder), "output": str(work.output), "limit": limit})
                child = self._receive(timeout=120)["pid"]  # may wait behind a preload of torch
                answer = self._receive(timeout=limit + 30)
            except (ConnectionError, OSError, ValueError, KeyError):
                self.close()
                return run_tests(candidate, tests, api=api, timeout_seconds=timeout_seconds,
                                 visible_only=visible_only, max_part=max_part)
            except BaseException:
                if child is not None:
                    kill_group(child)  # Ctrl-C while the user's code runs
                self.close()
                raise
            return collect_verdict(work, answer["returncode"], answer["timed_out"], started, limit)

    def close(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None


if __name__ == "__main__":
    serve(sys.stdin, sys.stdout)
