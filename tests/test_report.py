"""The weakest-chapters report against a hand computation on a small fixture."""

from datetime import timedelta

import pytest

from engine.history import Outcome
from engine.report import chapter_reports, next_steps, problem_recalls, weakness_score
from engine.scheduler import make_scheduler
from engine.settings import Settings
from engine.store import CardRow


def test_weakness_formula():
    assert weakness_score(1.0, 1.0, 1.0) == 0
    assert weakness_score(0.0, None, None) == pytest.approx(0.8)  # unseen: no recall, no passes
    assert weakness_score(0.5, 0.75, 3.0) == pytest.approx(0.5 * 0.5 + 0.3 * 0.25 + 0.2 * 1.0)


def test_report_matches_a_hand_computation(fixture_catalog, clock):
    now = clock.now
    cards = {"add": CardRow(problem_id="add", state=2, stability=10.0, difficulty=5.0, due=now + timedelta(days=10),
                            last_review=now, reviews=3, lapses=2)}
    outcomes = [
        Outcome("add", "pair", True, 300.0, 0),  # 5 of 10 min: share 0.5
        Outcome("add", "many", True, 360.0, 1),  # 6 of 4 min: share 1.5
        Outcome("add", "pair", False, 900.0, 2),
        Outcome("stack", "plain", True, 1200.0, 0),  # 20 of 20 min: share 1.0
        Outcome("gone", "x", True, 1.0, 0),  # a problem no longer in the book is ignored
    ]
    [row] = chapter_reports(fixture_catalog, cards, outcomes, now, make_scheduler(Settings(fuzz=False)))
    # Recall: add was reviewed just now (R = 1), stack has no card (0): mean 0.5.
    assert (row.seen, row.problems, row.recall) == (2, 2, 0.5)
    assert (row.submissions, row.pass_rate, row.median_time_share) == (4, 0.75, 1.0)
    assert (row.lapses, row.hints_used) == (2, 3)
    assert row.weakness == pytest.approx(0.5 * 0.5 + 0.3 * 0.25 + 0.2 * 0.0)


def test_next_steps_name_forgotten_problems_and_weak_chapters(fixture_catalog, clock):
    scheduler = make_scheduler(Settings(fuzz=False))
    old = clock.now - timedelta(days=40)
    cards = {"add": CardRow(problem_id="add", state=2, stability=5.0, difficulty=5.0, due=old, last_review=old)}
    recalls = problem_recalls(fixture_catalog, cards, clock.now, scheduler)
    reports = chapter_reports(fixture_catalog, cards, [Outcome("add", "pair", True, 60.0, 0)], clock.now, scheduler)
    steps = next_steps(reports, recalls, desired_retention=0.9)
    assert steps[0].startswith("drill `add` (retrievability 0.")
    assert steps[-1] == "take a mock on chapter 1: `mlprep mock --chapter 1`"
