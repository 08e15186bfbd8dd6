"""`mlprep report --plot`: retention per chapter and review history as a PNG (matplotlib, imported here only)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from engine.report import ChapterReport


def write_plot(path: Path, reports: Sequence[ChapterReport], per_day: Mapping[date, int]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (bars, line) = plt.subplots(1, 2, figsize=(12, 4.5))
    ordered = sorted(reports, key=lambda r: r.chapter)
    bars.bar([str(r.chapter) for r in ordered], [r.recall for r in ordered], color="tab:green")
    bars.set_ylim(0, 1)
    bars.set_xlabel("chapter")
    bars.set_ylabel("mean retrievability now")
    bars.set_title("Retention per chapter")
    days = sorted(per_day)
    if days:
        line.plot(days, [per_day[d] for d in days], marker=".", linewidth=1)
    line.set_title("Reviews per day")
    line.set_ylabel("submissions")
    figure.autofmt_xdate()
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
