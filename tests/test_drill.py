"""The interactive drill loop, driven by scripted answers."""

from engine import drill
from engine.workspace import Workspace
from tests.conftest import write


def scripted(answers, on_ask=None):
    queue = list(answers)

    def ask(prompt):
        if on_ask:
            on_ask(prompt)
        answer = queue.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    return ask


def test_a_whole_session(workspace):
    def solve_when_asked(prompt):
        for problem in workspace.catalog.problems:
            attempt = workspace.open_attempt(problem)
            if attempt and problem.id == "add":
                write(workspace.attempt_path(problem, problem.variant(attempt.variant)), "def add(a, b):\n    return a + b\n")

    code = drill.run(workspace, scripted(["?", "r", "h", "s", "k"], solve_when_asked))
    assert code == 0
    statuses = [(a.problem_id, a.status, a.hints_used) for a in workspace.attempts()]
    assert statuses == [("add", "submitted", 1), ("stack", "skipped", 0)]
    assert workspace.cards()["add"].reviews == 1


def test_quit_then_resume(workspace, isolated_home, fixture_catalog, clock):
    assert drill.run(workspace, scripted(["q"])) == 0
    attempt = workspace.attempts()[0]
    assert attempt.status == "open" and attempt.paused_at is not None
    clock.advance(hours=2)
    with Workspace.open(isolated_home, fixture_catalog) as again:
        assert [item.kind for item in again.today().items][0] == "resume"
        assert drill.run(again, scripted(["k", "q"])) == 0
    assert workspace.attempts()[0].status == "skipped"


def test_ctrl_c_mid_attempt_loses_nothing(workspace):
    assert drill.run(workspace, scripted(["r", KeyboardInterrupt()])) == 130
    attempt = workspace.attempts()[0]
    assert attempt.status == "open" and attempt.paused_at is not None
    assert workspace.today().items[0].kind == "resume"


def test_end_of_input_pauses(workspace):
    assert drill.run(workspace, scripted([EOFError()])) == 130
    assert workspace.attempts()[0].paused_at is not None


def test_nothing_to_do(workspace):
    workspace.set_setting("new_per_day", "0")
    assert drill.run(workspace, scripted([])) == 0
