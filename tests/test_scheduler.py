"""The daily queue and FSRS scheduling, over simulated days with an injected clock."""

from datetime import timedelta

import fsrs

from engine.scheduler import make_scheduler, next_variant
from engine.settings import Settings


def ids(queue):
    return [(item.problem.id, item.kind) for item in queue.items]


def solve(workspace, problem_id, *, correct=True):
    problem = workspace.catalog.get(problem_id)
    attempt = workspace.start(problem)
    variant = problem.variant(attempt.variant)
    file = variant.reference if correct else problem.variant(attempt.variant).tests  # tests file defines no API
    return workspace.submit(problem, file)


def test_first_day_offers_new_problems_in_curriculum_order(workspace):
    assert ids(workspace.today()) == [("add", "new"), ("stack", "new")]
    workspace.set_setting("new_per_day", "1")
    assert ids(workspace.today()) == [("add", "new")]


def test_daily_minutes_budget_bounds_the_queue(workspace):
    workspace.set_setting("minutes_per_day", "15")
    queue = workspace.today()
    assert ids(queue) == [("add", "new")] and queue.planned_minutes == 10


def test_done_work_counts_against_new_limit_and_budget(workspace):
    solve(workspace, "add")
    queue = workspace.today()
    assert ids(queue) == [("stack", "new")]
    assert queue.used_minutes == 10
    workspace.set_setting("new_per_day", "1")
    assert ids(workspace.today()) == []


def test_open_attempt_is_offered_first_for_resumption(workspace):
    workspace.start(workspace.catalog.get("stack"))
    assert ids(workspace.today())[0] == ("stack", "resume")


def test_due_reviews_come_first_least_retrievable_first(workspace, clock):
    solve(workspace, "add")  # Easy: long interval
    solve(workspace, "stack", correct=False)  # Again: short interval, lower stability
    clock.advance(days=60)
    queue = workspace.today()
    assert [kind for _, kind in ids(queue)] == ["review", "review"]
    recalls = [item.retrievability for item in queue.items]
    assert recalls == sorted(recalls) and ids(queue)[0][0] == "stack"


def test_failed_problem_returns_no_sooner_than_a_day(workspace, clock):
    result = solve(workspace, "add", correct=False)
    assert result.grade.name == "Again"
    assert result.card.due - clock.now >= timedelta(days=1)
    clock.advance(hours=3)
    assert ("add", "review") not in ids(workspace.today())


def test_variants_rotate_across_reviews(workspace, clock):
    first = solve(workspace, "add").attempt.variant
    clock.advance(days=400)
    second = solve(workspace, "add").attempt.variant
    clock.advance(days=400)
    third = solve(workspace, "add").attempt.variant
    assert (first, second, third) == ("pair", "many", "pair")
    problem = workspace.catalog.get("add")
    assert next_variant(problem, {}).id == "pair"


def test_schedule_over_simulated_weeks_matches_fsrs(workspace, clock):
    """Due dates move exactly as the fsrs package moves them for the same ratings."""
    reference = make_scheduler(Settings(fuzz=False, maximum_interval_days=365))
    card = fsrs.Card(card_id=1)
    card.due = clock.now
    intervals = []
    for _day in range(300):
        if any(item.problem.id == "add" for item in workspace.today().items):
            result = solve(workspace, "add", correct=len(intervals) != 2)  # the third review fails
            card, _ = reference.review_card(card, fsrs.Rating(int(result.grade)), review_datetime=clock.now)
            assert result.card.due == card.due
            assert abs(result.card.stability - card.stability) < 1e-9
            intervals.append((result.card.due - clock.now).days)
        clock.advance(days=1)
    assert len(intervals) >= 4
    assert intervals[1] > intervals[0]  # a success stretches the interval
    assert intervals[2] < intervals[1]  # a lapse shrinks it
    assert intervals[3] > intervals[2]
