"""Each verdict the runner can give, on tiny candidates against the fixture tests."""

from pathlib import Path

import pytest

from engine.runner import OUTPUT_LIMIT, grade, run_tests
from tests.conftest import write

TESTS = '''
import pytest

def test_one(solution):
    assert solution.f(1) == 2

def test_two(solution):
    assert solution.f(2) == 4

@pytest.mark.hidden
def test_hidden(solution):
    assert solution.f(0) == 0

@pytest.mark.part(2)
def test_part_two(solution):
    assert solution.g() == "g"
'''


@pytest.fixture
def tests_file(tmp_path: Path) -> Path:
    return write(tmp_path / "content" / "tests" / "test_f.py", TESTS)


def check(tmp_path: Path, tests_file: Path, source: str, **options):
    candidate = write(tmp_path / "attempt.py", source)
    return run_tests(candidate, tests_file, api=("f",), timeout_seconds=options.pop("timeout", 20), **options)


def test_pass(tmp_path, tests_file):
    verdict = check(tmp_path, tests_file, "def f(x):\n    return 2 * x\n\ndef g():\n    return 'g'\n")
    assert verdict.status == "passed" and (verdict.passed, verdict.total) == (4, 4)
    assert [t.name for t in verdict.tests] == ["test_one", "test_two", "test_hidden", "test_part_two"]
    assert [t.hidden for t in verdict.tests] == [False, False, True, False]
    assert [t.part for t in verdict.tests] == [1, 1, 1, 2]


def test_fail_reports_each_test_with_a_trimmed_message(tmp_path, tests_file):
    verdict = check(tmp_path, tests_file, "def f(x):\n    return x + 1\n\ndef g():\n    return 'g'\n")
    assert verdict.status == "failed" and verdict.passed == 2
    failing = {t.name: t.message for t in verdict.tests if t.outcome == "failed"}
    assert set(failing) == {"test_two", "test_hidden"}
    assert "assert 3 == 4" in failing["test_two"]


def test_visible_only_and_part_filters(tmp_path, tests_file):
    source = "def f(x):\n    return 2 * x\n"
    visible = check(tmp_path, tests_file, source, visible_only=True, max_part=1)
    assert visible.status == "passed" and [t.name for t in visible.tests] == ["test_one", "test_two"]


def test_syntax_error_is_an_error_verdict(tmp_path, tests_file):
    verdict = check(tmp_path, tests_file, "def f(x)\n    return x\n")
    assert verdict.status == "error" and verdict.passed == 0 and verdict.total == 4
    assert "SyntaxError" in verdict.message and "line 1" in verdict.message


def test_missing_function_is_an_error_verdict(tmp_path, tests_file):
    verdict = check(tmp_path, tests_file, "def h(x):\n    return x\n")
    assert verdict.status == "error" and "does not define `f`" in verdict.message


def test_import_error_names_the_line(tmp_path, tests_file):
    verdict = check(tmp_path, tests_file, "x = 1\nimport module_that_does_not_exist\n")
    assert verdict.status == "error" and "ModuleNotFoundError" in verdict.message and "line 2" in verdict.message


def test_infinite_loop_in_a_test_times_out(tmp_path, tests_file):
    verdict = check(tmp_path, tests_file, "def f(x):\n    while True:\n        pass\n", timeout=2)
    assert verdict.status == "timeout"
    assert verdict.duration_s < 15


def test_infinite_loop_at_import_is_killed(tmp_path, tests_file):
    verdict = check(tmp_path, tests_file, "while True:\n    pass\n", timeout=2)
    assert verdict.status == "timeout"


def test_segfault_is_a_crash(tmp_path, tests_file):
    source = "import ctypes\n\ndef f(x):\n    return ctypes.string_at(0)\n"
    verdict = check(tmp_path, tests_file, source)
    assert verdict.status == "crashed" and "SIGSEGV" in verdict.message


def test_os_exit_is_a_crash_even_with_code_zero(tmp_path, tests_file):
    verdict = check(tmp_path, tests_file, "import os\n\ndef f(x):\n    os._exit(0)\n")
    assert verdict.status == "crashed"


def test_huge_output_is_capped(tmp_path, tests_file):
    source = "print('x' * 10_000_000)\n\ndef f(x):\n    print('y' * 1_000_000)\n    return 2 * x\n\ndef g():\n    return 'g'\n"
    verdict = check(tmp_path, tests_file, source)
    assert verdict.status == "passed"
    assert len(verdict.output) <= OUTPUT_LIMIT + 100


def test_runaway_writer_is_stopped_by_the_file_size_cap(tmp_path, tests_file):
    source = "import sys\n\ndef f(x):\n    while True:\n        sys.stdout.write('z' * 1_000_000)\n"
    verdict = check(tmp_path, tests_file, source, timeout=30)
    assert verdict.status in ("failed", "timeout")
    assert verdict.passed == 0


def test_tests_run_on_a_copy_in_a_scratch_folder(tmp_path, tests_file):
    source = "import os\n\ndef f(x):\n    open('litter.txt', 'w').write('x')\n    return 2 * x\n"
    check(tmp_path, tests_file, source)
    assert not (tmp_path / "litter.txt").exists() and not (tests_file.parent / "litter.txt").exists()


def test_grade_uses_the_variants_api_and_timeout(fixture_catalog, tmp_path):
    problem = fixture_catalog.get("add")
    variant = problem.variant("pair")
    assert grade(problem, variant, variant.reference).ok
    wrong = write(tmp_path / "wrong.py", "def add_all(values):\n    return 0\n")
    assert grade(problem, variant, wrong).status == "error"
