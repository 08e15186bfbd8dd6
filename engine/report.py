"""Where the user is weak: per-chapter statistics, a weakness score and next steps.

Weakness score of a chapter (0 = mastered, 1 = weakest), documented in the README::

    weakness = 0.5 * (1 - recall) + 0.3 * (1 - pass_rate) + 0.2 * min(1, slowness)

- ``recall``: mean FSRS retrievability now over the chapter's problems, an unseen one counting 0;
- ``pass_rate``: share of submissions that passed every test (0 when there are none);
- ``slowness``: how far the median solve time exceeds the target, ``max(0, median share - 1)``.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import fsrs

from engine.catalog import Catalog
from engine.scheduler import retrievability
from engine.history import Card, Outcome

if TYPE_CHECKING:
    from engine.store import CardRow

RECALL_WEIGHT, PASS_WEIGHT, SLOWNESS_WEIGHT = 0.5, 0.3, 0.2


@dataclass(frozen=True)
class ChapterReport:
    chapter: int
    title: str
    problems: int
    seen: int
    recall: float
    pass_rate: float | None
    median_time_share: float | None
    lapses: int
    hints_used: int
    submissions: int
    weakness: float


@dataclass(frozen=True)
class ProblemRecall:
    problem_id: str
    chapter: int
    retrievability: float


def weakness_score(recall: float, pass_rate: float | None, median_time_share: float | None) -> float:
    slowness = 0.0 if median_time_share is None else min(1.0, max(0.0, median_time_share - 1.0))
    return round(RECALL_WEIGHT * (1 - recall) + PASS_WEIGHT * (1 - (pass_rate or 0.0)) + SLOWNESS_WEIGHT * slowness, 4)


def problem_recalls(catalog: Catalog, cards: Mapping[str, Card | CardRow], now: datetime, scheduler: fsrs.Scheduler) -> list[ProblemRecall]:
    """Current retrievability of every problem (0 for an unseen one)."""
    return [
        ProblemRecall(p.id, p.chapter, retrievability(cards[p.id], now, scheduler) if p.id in cards else 0.0)
        for p in catalog.problems
    ]


def chapter_reports(
    catalog: Catalog, cards: Mapping[str, Card | CardRow], outcomes: Sequence[Outcome], now: datetime, scheduler: fsrs.Scheduler
) -> list[ChapterReport]:
    """One row per chapter, weakest first, from the submitted attempts' outcomes."""
    recalls = {r.problem_id: r.retrievability for r in problem_recalls(catalog, cards, now, scheduler)}
    chapter_of = {p.id: p.chapter for p in catalog.problems}
    by_chapter: dict[int, list[Outcome]] = {}
    for outcome in outcomes:
        if outcome.problem_id in chapter_of:
            by_chapter.setdefault(chapter_of[outcome.problem_id], []).append(outcome)
    reports = []
    for chapter in catalog.chapters:
        ids = {p.id for p in chapter.problems}
        targets = {(p.id, v.id): v.target_minutes for p in chapter.problems for v in p.variants}
        mine = by_chapter.get(chapter.number, [])
        passed = [a for a in mine if a.passed]
        shares = [a.elapsed_seconds / (targets[(a.problem_id, a.variant)] * 60) for a in passed if (a.problem_id, a.variant) in targets]
        recall = sum(recalls[i] for i in ids) / len(ids) if ids else 0.0
        pass_rate = len(passed) / len(mine) if mine else None
        median_share = statistics.median(shares) if shares else None
        reports.append(ChapterReport(
            chapter=chapter.number,
            title=chapter.title,
            problems=len(ids),
            seen=len({a.problem_id for a in mine}),
            recall=round(recall, 4),
            pass_rate=None if pass_rate is None else round(pass_rate, 4),
            median_time_share=None if median_share is None else round(median_share, 4),
            lapses=sum(cards[i].lapses for i in ids if i in cards),
            hints_used=sum(a.hints_used for a in mine),
            submissions=len(mine),
            weakness=weakness_score(recall, pass_rate, median_share),
        ))
    return sorted(reports, key=lambda r: (-r.weakness, r.chapter))


def next_steps(
    reports: Sequence[ChapterReport], recalls: Sequence[ProblemRecall], desired_retention: float, limit: int = 3
) -> list[str]:
    """Concrete suggestions: seen problems recalled below the desired retention, then the weakest chapters."""
    seen = sorted((r for r in recalls if 0 < r.retrievability < desired_retention), key=lambda r: r.retrievability)
    steps = [f"drill `{r.problem_id}` (retrievability {r.retrievability:.2f})" for r in seen[:limit]]
    unseen = [r for r in reports if r.seen == 0]
    if unseen:
        steps.append(f"start chapter {unseen[0].chapter} ({unseen[0].title}): `mlprep list --chapter {unseen[0].chapter}`")
    weakest = [r.chapter for r in reports if r.seen > 0][:2]
    if weakest:
        chapters = " and ".join(str(c) for c in weakest)
        flags = " ".join(f"--chapter {c}" for c in weakest)
        steps.append(f"take a mock on chapter{'s' if len(weakest) > 1 else ''} {chapters}: `mlprep mock {flags}`")
    return steps


def as_json(reports: Sequence[ChapterReport], steps: Sequence[str]) -> dict[str, Any]:
    return {"chapters": [asdict(r) for r in reports], "next_steps": list(steps)}
