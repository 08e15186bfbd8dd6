"""Mock interviews: choice of problems, parts, the deadline snapshot, scoring and resumption."""

import random
from pathlib import Path

import pytest

from engine import mock as mock_module
from engine.mock import MockSession, choose, verdict_label
from engine.report import ChapterReport
from tests.conftest import write

STACK = """class Stack:
    def __init__(self):
        self.items = []

    def push(self, item):
        self.items.append(item)

    def pop(self):
        return self.items.pop()

    def __len__(self):
        return len(self.items)
"""
PEEK = STACK + "\n    def peek(self):\n        if not self.items:\n            raise IndexError\n        return self.items[-1]\n"


@pytest.mark.parametrize(("share", "label"), [(1.0, "strong hire"), (0.9, "strong hire"), (0.8, "hire"),
                                              (0.5, "lean no hire"), (0.49, "no hire"), (0.0, "no hire")])
def test_rubric(share, label):
    assert verdict_label(share) == label


def test_choice_fits_the_time_and_favours_weak_chapters(fixture_catalog):
    problems = list(fixture_catalog.problems)
    assert [p.id for p in choose(problems, [], minutes=15, count=2, rng=random.Random(1))] == ["add"]
    both = choose(problems, [], minutes=45, count=2, rng=random.Random(1))
    assert [p.id for p in both] == ["add", "stack"]  # Easy before Medium
    assert choose(problems, [], minutes=5, count=2, rng=random.Random(1)) == []


def test_choice_weights_follow_weakness(fixture_catalog):
    weak = ChapterReport(1, "t", 2, 0, 0.0, None, None, 0, 0, 0, 0.8)
    picks = [choose(list(fixture_catalog.problems), [weak], minutes=60, count=1, rng=random.Random(seed))[0].id
             for seed in range(50)]
    assert set(picks) == {"add", "stack"}


def start(workspace, ids=("add", "stack"), minutes=45):
    return MockSession.start(workspace, [workspace.catalog.get(i) for i in ids], minutes)


def test_start_writes_files_apart_from_drills(workspace):
    session = start(workspace)
    attempts = session.attempts()
    assert [(a.problem_id, a.mode, a.status) for a in attempts] == [("add", "mock", "open"), ("stack", "mock", "open")]
    assert all(f"mock-{session.mock.id}" in a.file_path and Path(a.file_path).exists() for a in attempts)
    assert workspace.open_attempt(workspace.catalog.get("add")) is None  # a drill never resumes a mock's attempt
    assert workspace.today().items == ()  # and the mock's problems count as today's new ones


def test_parts_are_revealed_when_the_earlier_part_passes(workspace):
    session = start(workspace, ("stack",))
    attempt, problem, variant = session.items()[0]
    assert variant.id == "plain" and session.revealed_parts(attempt, variant) == 1
    write(Path(attempt.file_path), STACK)
    assert session.run_visible(attempt, problem, variant).ok
    assert session.revealed_parts(attempt, variant) == 2
    write(Path(attempt.file_path), PEEK)
    card = session.finish()
    [result] = card.results
    assert result.parts_passed == 2 and result.verdict.ok


def test_later_parts_also_appear_with_time(workspace, clock):
    session = start(workspace, ("stack",))
    attempt, _, variant = session.items()[0]
    clock.advance(minutes=mock_module.PART_MINUTES + 1)
    assert session.revealed_parts(attempt, variant) == 2


def test_deadline_snapshot_is_what_gets_graded(workspace, clock):
    session = start(workspace, ("add",), minutes=10)
    attempt = session.attempts()[0]
    write(Path(attempt.file_path), "def add(a, b):\n    return a + b\n")
    clock.advance(minutes=11)
    session.take_snapshot()
    write(Path(attempt.file_path), "def add(a, b):\n    return a - b\n")  # edited after time ran out
    card = session.finish()
    assert card.results[0].verdict.ok and card.share == 1.0 and card.mock.result == "strong hire"


def test_finish_records_attempts_and_schedules_reviews(workspace):
    session = start(workspace)
    add_attempt, stack_attempt = session.attempts()
    write(Path(add_attempt.file_path), "def add(a, b):\n    return int(float(a) + float(b))\n")  # fails a hidden test
    write(Path(stack_attempt.file_path), STACK)
    card = session.finish()
    scores = {r.problem.id: (r.verdict.passed, r.verdict.total, r.grade.name, r.parts_passed) for r in card.results}
    assert scores == {"add": (2, 3, "Again", 0), "stack": (2, 3, "Again", 1)}
    assert card.mock.result == "lean no hire" and card.mock.tests_passed == 4 and card.mock.tests_total == 6
    assert {a.status for a in session.attempts()} == {"submitted"}
    assert set(workspace.cards()) == {"add", "stack"}
    assert MockSession.find_open(workspace) is None


def test_pause_keeps_the_remaining_time(workspace, clock):
    session = start(workspace, minutes=30)
    clock.advance(minutes=10)
    session.pause()
    clock.advance(days=1)
    again = MockSession.find_open(workspace)
    again.resume()
    assert again.remaining() == pytest.approx(20 * 60)


def test_abandon_closes_without_reviews(workspace):
    session = start(workspace)
    session.abandon()
    assert {a.status for a in session.attempts()} == {"skipped"}
    assert workspace.cards() == {} and mock_module.history(workspace)[0].status == "abandoned"


def test_interactive_loop_with_early_submit(workspace):
    session = start(workspace)
    answers = iter(["?", "r", "n", "p", "s"])
    code = mock_module.run(session, lambda prompt: next(answers))
    assert code == 1  # starters fail
    assert mock_module.history(workspace)[0].status == "finished"


def test_interrupted_loop_pauses_the_mock(workspace):
    session = start(workspace)

    def interrupt(prompt):
        raise KeyboardInterrupt

    assert mock_module.run(session, interrupt) == 130
    assert MockSession.find_open(workspace).mock.paused_at is not None


def test_watch_loop_runs_the_saved_problem_and_submits(workspace):
    import queue

    from engine.watch import Event

    session = start(workspace)
    add_attempt, stack_attempt = session.attempts()
    write(Path(stack_attempt.file_path), STACK)
    events = queue.Queue()
    for event in (Event("change", str(Path(stack_attempt.file_path).resolve())), Event("key", "p"), Event("key", "s")):
        events.put(event)
    views = []
    assert mock_module.watch_loop(session, events, lambda view: views.append((view.current, dict(view.verdicts)))) == "finish"
    current, verdicts = views[1]
    assert current == 1 and verdicts[1].ok and session.attempts()[1].parts_passed == 1
    assert views[-1][0] == 0  # `p` moved back to the first problem


def test_watch_loop_ends_at_the_deadline(workspace, clock):
    import queue

    from engine.watch import Event

    session = start(workspace, minutes=10)
    events = queue.Queue()
    events.put(Event("tick"))
    clock.advance(minutes=11)
    assert mock_module.watch_loop(session, events, lambda view: None) == "finish"
