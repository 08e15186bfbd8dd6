"""Time `mlprep report --json` and `mlprep today --json` over ten years of synthetic daily use.

Run: .venv/bin/python benchmarks/history.py
Builds, in a temporary folder, a book of 45 tiny problems (9 chapters of 5, two variants
each) and a store holding about 40,000 attempts, one FSRS card per problem, and a few
mocks, then prints the median wall time of each command against `python -c pass` in the
same run. The goal: under 0.5 s each on a 2-core machine.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "problems" / "01-basics" / "01-add"
REPEATS = 7
YEARS, ATTEMPTS_PER_DAY = 10, 11


def build_book(root: Path) -> list[tuple[str, list[str]]]:
    """Nine chapters of five copies of the fixture problem; returns (id, variants) per problem."""
    problems = []
    for chapter in range(1, 10):
        folder = root / f"{chapter:02d}-chapter"
        folder.mkdir(parents=True)
        (folder / "chapter.toml").write_text(f'format = 1\nnumber = {chapter}\ntitle = "Chapter {chapter}"\nobjectives = ["x"]\n')
        (folder / "chapter.md").write_text("Synthetic.\n")
        for position in range(1, 6):
            problem_id = f"problem-{chapter}-{position}"
            target = folder / f"{position:02d}-{problem_id}"
            shutil.copytree(FIXTURE, target)
            toml = target / "problem.toml"
            toml.write_text(toml.read_text().replace('id = "add"', f'id = "{problem_id}"'))
            problems.append((problem_id, ["pair", "many"]))
    return problems


def fill_store(home: Path, problems: list[tuple[str, list[str]]], now: datetime) -> int:
    """Write the synthetic history straight into a store created by the engine."""
    sys.path.insert(0, str(REPO))
    from engine.store import Store

    store = Store(home / "db" / "mlprep.sqlite3")
    rng = random.Random(2026)
    start = now - timedelta(days=365 * YEARS)
    rows = []
    for day in range(365 * YEARS):
        for _ in range(rng.randint(ATTEMPTS_PER_DAY - 3, ATTEMPTS_PER_DAY + 2)):
            problem_id, variants = rng.choice(problems)
            began = start + timedelta(days=day, minutes=rng.randint(0, 600))
            elapsed = rng.uniform(120, 2400)
            passed = rng.random() < 0.8
            rows.append((problem_id, rng.choice(variants), "drill", "submitted", f"/tmp/{problem_id}.py",
                         began.replace(tzinfo=None), (began + timedelta(seconds=elapsed)).replace(tzinfo=None), elapsed,
                         3 if passed else 1, 3, "passed" if passed else "failed", 3 if passed else 1, rng.randint(0, 1),
                         "def add(a, b):\n    return a + b\n"))
    with store.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO attempt (problem_id, variant, mode, status, file_path, started_at, submitted_at, elapsed_seconds,"
            " tests_passed, tests_total, verdict, rating, hints_used, solution_viewed, paused_seconds, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)",
            rows,
        )
        connection.exec_driver_sql(
            "INSERT INTO card (problem_id, state, step, stability, difficulty, due, last_review, reviews, lapses)"
            " VALUES (?, 2, NULL, ?, ?, ?, ?, ?, ?)",
            [(pid, rng.uniform(5, 200), rng.uniform(2, 8), (now + timedelta(days=rng.randint(-3, 60))).replace(tzinfo=None),
              (now - timedelta(days=rng.randint(1, 30))).replace(tzinfo=None), 900, rng.randint(0, 20)) for pid, _ in problems],
        )
    store.close()
    return len(rows)


def median_seconds(command: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    now = datetime(2026, 12, 4, 9, 0, tzinfo=timezone.utc)
    with tempfile.TemporaryDirectory(prefix="mlprep-bench-") as scratch:
        root = Path(scratch)
        problems = build_book(root / "problems")
        count = fill_store(root / "home", problems, now)
        env = {**os.environ, "MLPREP_HOME": str(root / "home"), "MLPREP_PROBLEMS": str(root / "problems"),
               "MLPREP_NOW": now.isoformat(), "PYTHONPATH": str(REPO)}
        cli = [sys.executable, "-m", "engine"]
        bare = median_seconds([sys.executable, "-c", "pass"], env)
        report = median_seconds([*cli, "report", "--json"], env)
        today = median_seconds([*cli, "today", "--json"], env)
    print(f"history: {count} attempts over {len(problems)} problems, {YEARS} years")
    print(f"python -c pass        : {bare * 1000:6.0f} ms (median of {REPEATS})")
    print(f"mlprep report --json  : {report * 1000:6.0f} ms")
    print(f"mlprep today --json   : {today * 1000:6.0f} ms")
    print(f"goal 500 ms: report {'met' if report < 0.5 else 'MISSED'}, today {'met' if today < 0.5 else 'MISSED'}")


if __name__ == "__main__":
    main()
