"""The warm runner: isolation, freshness, and verdicts equal to the cold path."""


import pytest

from engine.catalog import Catalog
from engine.paths import REPO_ROOT
from engine.runner import run_tests
from engine.warm import WarmRunner
from tests.conftest import write

TESTS = "def test_one(solution):\n    assert solution.f(1) == 2\n\n\ndef test_two(solution):\n    assert solution.f(3) == 6\n"
GOOD = "def f(x):\n    return 2 * x\n"


@pytest.fixture(scope="module")
def warm():
    with WarmRunner() as runner:
        yield runner


@pytest.fixture
def tests_file(tmp_path):
    return write(tmp_path / "content" / "tests" / "test_f.py", TESTS)


def check(warm, tmp_path, tests_file, source, timeout=20):
    return warm.run_tests(write(tmp_path / "attempt.py", source), tests_file, api=("f",), timeout_seconds=timeout)


def test_a_crash_kills_only_the_child(warm, tmp_path, tests_file):
    crashed = check(warm, tmp_path, tests_file, "import ctypes\n\ndef f(x):\n    return ctypes.string_at(0)\n")
    assert crashed.status == "crashed"
    assert check(warm, tmp_path, tests_file, GOOD).status == "passed"


def test_an_infinite_loop_is_stopped_and_the_next_run_works(warm, tmp_path, tests_file):
    looped = check(warm, tmp_path, tests_file, "def f(x):\n    while True:\n        pass\n", timeout=1)
    assert looped.status == "timeout"
    assert check(warm, tmp_path, tests_file, GOOD).status == "passed"


def test_each_run_imports_the_attempt_afresh(warm, tmp_path, tests_file):
    assert check(warm, tmp_path, tests_file, "def f(x):\n    return x\n").status == "failed"
    assert check(warm, tmp_path, tests_file, GOOD).status == "passed"
    assert check(warm, tmp_path, tests_file, "import json\n\ndef f(x):\n    return 2 * x\n").status == "passed"


def test_an_import_of_a_deleted_module_is_an_error_not_a_stale_pass(warm, tmp_path, tests_file):
    helper = write(tmp_path / "mine" / "my_helper.py", "def double(x):\n    return 2 * x\n")
    source = f"import sys\nsys.path.insert(0, {str(helper.parent)!r})\nfrom my_helper import double\n\ndef f(x):\n    return double(x)\n"
    assert check(warm, tmp_path, tests_file, source).status == "passed"
    helper.unlink()
    verdict = check(warm, tmp_path, tests_file, source)
    assert verdict.status == "error" and "ModuleNotFoundError" in verdict.message


def test_a_lost_worker_falls_back_to_a_cold_run(tmp_path, tests_file):
    with WarmRunner() as runner:
        runner.preload(["json"])
        runner._worker().kill()
        assert check(runner, tmp_path, tests_file, GOOD).status == "passed"


def _signature(verdict):
    return verdict.status, verdict.passed, verdict.total, [(t.name, t.outcome, t.hidden, t.part) for t in verdict.tests]


@pytest.mark.slow
def test_warm_and_cold_verdicts_agree_on_chapter_one(warm, tmp_path):
    chapter = Catalog.load(REPO_ROOT / "problems").chapter(1)
    for problem in chapter.problems:
        warm.preload(list(problem.requires))
        for variant in problem.variants:
            starter = write(tmp_path / f"{problem.id}-{variant.id}.py", variant.starter)
            for candidate in (variant.reference, starter):
                options = {"api": variant.api, "timeout_seconds": problem.timeout_seconds}
                cold = run_tests(candidate, variant.tests, **options)
                hot = warm.run_tests(candidate, variant.tests, **options)
                assert _signature(hot) == _signature(cold), f"{problem.id}:{variant.id} {candidate.name}"
