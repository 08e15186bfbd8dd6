"""Attempts: start, resume, hints, solutions, skip and submit, with nothing lost."""

import pytest

from engine.workspace import Workspace, WorkspaceError, elapsed_seconds
from tests.conftest import write


def test_start_writes_the_starter_and_persists_the_attempt(workspace):
    problem = workspace.catalog.get("add")
    attempt = workspace.start(problem)
    path = workspace.attempt_path(problem, problem.variant("pair"))
    assert attempt.file_path == str(path)
    assert "raise NotImplementedError" in path.read_text()
    assert workspace.open_attempt(problem).id == attempt.id


def test_a_second_process_sees_the_attempt_and_resumes_it(workspace, isolated_home, fixture_catalog, clock):
    problem = workspace.catalog.get("add")
    first = workspace.start(problem)
    write(workspace.attempt_path(problem, problem.variant("pair")), "def add(a, b):\n    return a + b\n")
    workspace.pause(first)
    clock.advance(hours=5)
    with Workspace.open(isolated_home, fixture_catalog) as again:
        resumed = again.start(problem)
        assert resumed.id == first.id and resumed.paused_at is None
        assert resumed.paused_seconds == pytest.approx(5 * 3600)
        # The user's work was not overwritten by a fresh starter.
        assert "a + b" in again.attempt_path(problem, problem.variant("pair")).read_text()


def test_elapsed_time_excludes_pauses(workspace, clock):
    problem = workspace.catalog.get("add")
    attempt = workspace.start(problem)
    clock.advance(minutes=4)
    workspace.pause(attempt)
    clock.advance(hours=10)
    attempt = workspace.start(problem)
    clock.advance(minutes=2)
    assert elapsed_seconds(attempt, clock.now) == pytest.approx(6 * 60)


def test_earlier_work_is_kept_beside_a_new_starter(workspace, clock):
    problem = workspace.catalog.get("add")
    workspace.start(problem, "pair")
    path = workspace.attempt_path(problem, problem.variant("pair"))
    write(path, "# my old work\n")
    workspace.skip(problem)
    clock.advance(days=1)
    workspace.start(problem, "pair")
    backups = list(path.parent.glob("pair.*.py.bak"))
    assert len(backups) == 1 and backups[0].read_text() == "# my old work\n"


def test_hints_are_progressive_and_counted(workspace):
    problem = workspace.catalog.get("add")
    workspace.start(problem, "many")
    shown = [workspace.reveal_hint(problem) for _ in range(4)]
    assert [s[0] for s in shown] == [1, 2, 3, 3]
    assert shown[2][2] == "Start from 0."  # the variant's own hint comes last
    assert workspace.open_attempt(problem).hints_used == 3


def test_solution_needs_an_attempt_or_force(workspace):
    problem = workspace.catalog.get("add")
    with pytest.raises(WorkspaceError, match="not attempted"):
        workspace.solution(problem)
    workspace.start(problem)
    with pytest.raises(WorkspaceError, match="rates it Again"):
        workspace.solution(problem)
    _, text = workspace.solution(problem, force=True)
    assert "return a + b" in text and "SOLUTION" not in text
    result = workspace.submit(problem, problem.variant("pair").reference)
    assert result.verdict.ok and result.grade.name == "Again"


def test_submit_records_everything(workspace, clock):
    problem = workspace.catalog.get("add")
    workspace.start(problem)
    path = write(workspace.attempt_path(problem, problem.variant("pair")), "def add(a, b):\n    return a + b\n")
    clock.advance(minutes=7)
    result = workspace.submit(problem)
    attempt = workspace.attempts("add")[-1]
    assert (attempt.status, attempt.verdict, attempt.tests_passed, attempt.tests_total) == ("submitted", "passed", 3, 3)
    assert attempt.source == path.read_text() and attempt.elapsed_seconds == pytest.approx(420)
    assert attempt.rating == 3 and result.grade.name == "Good"  # 7 of 10 minutes
    assert workspace.open_attempt(problem) is None


def test_hidden_test_failure_fails_the_submission(workspace):
    problem = workspace.catalog.get("add")
    workspace.start(problem)
    write(workspace.attempt_path(problem, problem.variant("pair")), "def add(a, b):\n    return int(float(a) + float(b))\n")
    assert workspace.run_visible(problem).ok
    result = workspace.submit(problem)
    assert not result.verdict.ok and result.grade.name == "Again"


def test_actions_without_an_open_attempt_explain_themselves(workspace):
    problem = workspace.catalog.get("add")
    for action in (workspace.submit, workspace.skip, workspace.run_visible, workspace.reveal_hint):
        with pytest.raises(WorkspaceError, match="mlprep start add"):
            action(problem)


def test_deleted_attempt_file_is_a_clear_error(workspace):
    problem = workspace.catalog.get("add")
    attempt = workspace.start(problem)
    import os

    os.remove(attempt.file_path)
    with pytest.raises(WorkspaceError, match="missing"):
        workspace.submit(problem)
    assert workspace.open_attempt(problem) is not None


def test_open_attempt_blocks_a_different_variant(workspace):
    problem = workspace.catalog.get("add")
    workspace.start(problem, "pair")
    with pytest.raises(WorkspaceError, match="already open"):
        workspace.start(problem, "many")
