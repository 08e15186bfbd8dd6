"""Time `mlprep --help` against a bare `python -c pass`, in the same run.

Run: .venv/bin/python benchmarks/startup.py
Prints the median wall time of each over repeated runs, and the difference (the CLI's
own start-up cost). The goal: `mlprep --help` well under 0.5 s on a 2-core machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

REPEATS = 15
ENTRY = [sys.executable, "-c", "from engine.cli import main; import sys; sys.argv = ['mlprep', '--help']; main()"]


def median_seconds(command: list[str]) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                       cwd=Path(__file__).resolve().parent.parent)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    bare = median_seconds([sys.executable, "-c", "pass"])
    cli = median_seconds(ENTRY)
    print(f"python -c pass : {bare * 1000:6.0f} ms (median of {REPEATS})")
    print(f"mlprep --help  : {cli * 1000:6.0f} ms (median of {REPEATS})")
    print(f"CLI's own cost : {(cli - bare) * 1000:6.0f} ms; ratio {cli / bare:.1f}x a bare interpreter")


if __name__ == "__main__":
    main()
