"""The authoring check: every reference passes, every starter and mutant fails, every example runs.

In the manner of rustlings' developer check. Also computes the plan's per-chapter quality
checklist from the same results.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from engine import markers
from engine.problem import Chapter, Problem, Variant
from engine.runner import RunTests, Verdict, grade
from engine.warm import WarmRunner

MIN_VISIBLE_TESTS, MAX_VISIBLE_TESTS = 2, 4
MIN_CONTEXT_WORDS = 60
EXAMPLE_TIMEOUT_SECONDS = 120


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str = ""


@dataclass
class VariantReport:
    variant: Variant
    checks: list[Check] = field(default_factory=list)
    visible_tests: int = 0

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)


@dataclass
class ProblemReport:
    problem: Problem
    checks: list[Check] = field(default_factory=list)
    variants: list[VariantReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks) and all(v.ok for v in self.variants)

    def failures(self) -> list[str]:
        found = [f"{self.problem.id}: {c.name}: {c.detail}" for c in self.checks if not c.ok]
        for report in self.variants:
            found += [f"{self.problem.id}:{report.variant.id}: {c.name}: {c.detail}" for c in report.checks if not c.ok]
        return found


def _grade_source(problem: Problem, variant: Variant, source: str, run: RunTests | None) -> Verdict:
    with tempfile.TemporaryDirectory(prefix="mlprep-validate-") as folder:
        path = Path(folder) / "candidate.py"
        path.write_text(source, encoding="utf-8")
        return grade(problem, variant, path, run=run)


def _failing(verdict: Verdict) -> str:
    names = [t.name for t in verdict.tests if t.outcome != "passed"]
    return f"{verdict.status}: {verdict.message}; failing: {', '.join(names) or '-'}"


def check_variant(problem: Problem, variant: Variant, run: RunTests | None = None) -> VariantReport:
    """Run the reference, the starter, every mutant and every alternative against the tests.

    ``run`` is a warm runner's ``run_tests`` (verdicts equal to the cold path's, which a test
    checks); None runs each grading in a fresh interpreter.
    """
    report = VariantReport(variant)
    add = report.checks.append
    try:
        regions = markers.count_regions(variant.reference_source, str(variant.reference))
        starter = variant.starter
    except markers.MarkerError as error:
        add(Check("solution markers", False, str(error)))
        return report
    add(Check("solution markers", True, f"{regions} TODO region(s)"))

    reference = grade(problem, variant, variant.reference, run=run)
    add(Check("reference passes every test", reference.ok, "" if reference.ok else _failing(reference)))
    report.visible_tests = sum(not t.hidden for t in reference.tests)
    add(Check(
        f"{MIN_VISIBLE_TESTS}-{MAX_VISIBLE_TESTS} visible tests",
        MIN_VISIBLE_TESTS <= report.visible_tests <= MAX_VISIBLE_TESTS,
        f"{report.visible_tests} visible, {len(reference.tests) - report.visible_tests} hidden",
    ))
    declared_parts = 1 + len(variant.parts)
    used_parts = max((t.part for t in reference.tests), default=1)
    add(Check("parts declared match part markers", declared_parts == used_parts,
              f"problem.toml declares {declared_parts} part(s), tests use {used_parts}"))

    starter_verdict = _grade_source(problem, variant, starter, run)
    add(Check("starter fails every test", starter_verdict.total > 0 and starter_verdict.passed == 0,
              f"starter passed {starter_verdict.passed} of {starter_verdict.total}"))

    add(Check("at least one mutant", len(variant.mutants) > 0, "add plausible wrong solutions under mutants/"))
    for mutant in variant.mutants:
        verdict = grade(problem, variant, mutant, run=run)
        caught = [t.name for t in verdict.tests if t.outcome != "passed"]
        add(Check(f"mutant {mutant.stem} is rejected", not verdict.ok,
                  f"caught by {', '.join(caught)}" if caught else f"{verdict.status}: {verdict.message}"))
    for alternative in variant.alternatives:
        verdict = grade(problem, variant, alternative, run=run)
        add(Check(f"alternative {alternative.stem} passes", verdict.ok, "" if verdict.ok else _failing(verdict)))
    return report


def run_example(problem: Problem) -> Check:
    """The example script runs to completion in a scratch folder."""
    with tempfile.TemporaryDirectory(prefix="mlprep-example-") as folder:
        try:
            result = subprocess.run(
                [sys.executable, str(problem.example)], cwd=folder, capture_output=True, text=True,
                timeout=EXAMPLE_TIMEOUT_SECONDS, stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            return Check("example runs", False, f"still running after {EXAMPLE_TIMEOUT_SECONDS} s")
    ok = result.returncode == 0 and bool(result.stdout.strip())
    detail = "" if ok else (result.stderr.strip().splitlines() or ["printed nothing"])[-1]
    return Check("example runs", ok, detail)


def _section_words(markdown: str, heading: str) -> int:
    match = re.search(rf"^##\s+{re.escape(heading)}\s*$(.*?)(?=^##\s|\Z)", markdown, flags=re.MULTILINE | re.DOTALL | re.IGNORECASE)
    return len(match.group(1).split()) if match else 0


def check_problem(problem: Problem, workers: int = 2, *, warm: bool = True) -> ProblemReport:
    """The whole authoring check of one problem, its variants checked ``workers`` at a time.

    With ``warm``, each worker thread grades through its own warm runner, so a torch
    problem's twenty-odd gradings do not each pay for importing torch.
    """
    report = ProblemReport(problem)
    context_words = _section_words(problem.statement, "Context")
    report.checks.append(Check("contextual introduction", context_words >= MIN_CONTEXT_WORDS, f"{context_words} words"))
    report.checks.append(Check("at least 2 progressive hints", len(problem.hints) >= 2, f"{len(problem.hints)} hints"))
    runners: list[WarmRunner] = []
    local = threading.local()

    def check(variant: Variant) -> VariantReport:
        if not warm:
            return check_variant(problem, variant)
        if not hasattr(local, "runner"):
            local.runner = WarmRunner()
            local.runner.preload(list(problem.requires))
            runners.append(local.runner)
        return check_variant(problem, variant, local.runner.run_tests)

    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            example = pool.submit(run_example, problem)
            report.variants = list(pool.map(check, problem.variants))
            report.checks.append(example.result())
    finally:
        for runner in runners:
            runner.close()
    return report


def chapter_checklist(chapter: Chapter, reports: list[ProblemReport]) -> list[Check]:
    """The plan's quality checklist for one chapter, each item ✓ or ✗."""
    mine = [r for r in reports if r.problem.chapter == chapter.number]

    def every(predicate) -> bool:  # type: ignore[no-untyped-def]
        return bool(mine) and all(predicate(r) for r in mine)

    def check(report: ProblemReport, name: str) -> bool:
        return all(c.ok for c in report.checks if c.name == name)

    def variant_check(report: ProblemReport, prefix: str) -> bool:
        return all(c.ok for v in report.variants for c in v.checks if c.name.startswith(prefix))

    return [
        Check(f"{len(mine)} problems (the plan asks for 5)", len(mine) == 5),
        Check("contextual introductions with real-world cases", every(lambda r: check(r, "contextual introduction"))),
        Check("example code that runs", every(lambda r: check(r, "example runs"))),
        Check("starter code with TODOs that fails the tests", every(lambda r: variant_check(r, "starter") and variant_check(r, "solution markers"))),
        Check(f"{MIN_VISIBLE_TESTS}-{MAX_VISIBLE_TESTS} focused tests per variant", every(lambda r: variant_check(r, f"{MIN_VISIBLE_TESTS}-"))),
        Check("tests pass with the reference", every(lambda r: variant_check(r, "reference"))),
        Check("tests reject plausible wrong solutions", every(lambda r: variant_check(r, "mutant") and variant_check(r, "at least one mutant"))),
        Check("progressive hints", every(lambda r: check(r, "at least 2 progressive hints"))),
    ]
