"""Save-to-verdict latency: the warm runner against a cold `python -m pytest`, in the same run.

Run: .venv/bin/python benchmarks/warm.py
For one NumPy problem (prefix-sum) and one torch problem (activation-memory), grades the
reference on the visible tests REPEATS times each way and prints the medians and their
ratio. The goal: warm under 0.2 s for both, at least 10x faster than cold for torch.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from engine.catalog import Catalog  # noqa: E402
from engine.runner import run_tests  # noqa: E402
from engine.warm import WarmRunner  # noqa: E402

REPEATS = 7
CASES = (("prefix-sum", "sequence-offsets"), ("activation-memory", "saved-bytes"))


def median_seconds(run, variant, problem) -> tuple[float, float]:
    """Median latency, and the median time the tests themselves took (the floor)."""
    times, floors = [], []
    for _ in range(REPEATS):
        started = time.perf_counter()
        verdict = run(variant.reference, variant.tests, api=variant.api, timeout_seconds=problem.timeout_seconds,
                      visible_only=True)
        times.append(time.perf_counter() - started)
        floors.append(sum(test.duration_s for test in verdict.tests))
        assert verdict.ok, verdict.message
    return statistics.median(times), statistics.median(floors)


def main() -> None:
    book = Catalog.load(REPO / "problems")
    with WarmRunner() as warm:
        for problem_id, variant_id in CASES:
            problem = book.get(problem_id)
            variant = problem.variant(variant_id)
            warm.preload(list(problem.requires))
            median_seconds(warm.run_tests, variant, problem)  # the first run waits for the preload
            hot, floor = median_seconds(warm.run_tests, variant, problem)
            cold, _ = median_seconds(run_tests, variant, problem)
            print(f"{problem_id} ({variant_id}, requires {', '.join(problem.requires)}):")
            print(f"  cold python -m pytest : {cold * 1000:7.0f} ms (median of {REPEATS})")
            print(f"  warm runner           : {hot * 1000:7.0f} ms   -> {cold / hot:.1f}x faster")
            print(f"  the tests themselves  : {floor * 1000:7.0f} ms (pytest's call durations)")


if __name__ == "__main__":
    main()
