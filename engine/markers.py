"""Solution markers: one reference file yields both the solution and the starter.

A reference marks each region a candidate must write::

    def prefix_sum(values):
        \"\"\"Docstring stays in the starter.\"\"\"
        # BEGIN SOLUTION: accumulate the running total in place
        ...
        # END SOLUTION

The starter keeps everything outside the regions and replaces each region with a
``# TODO: <text>`` comment and ``raise NotImplementedError`` at the marker's
indentation, in the manner of nbgrader. Unterminated, nested or stray markers are
errors, never silently passed through.
"""

from __future__ import annotations

import re

BEGIN = re.compile(r"^(?P<indent>[ \t]*)#\s*BEGIN SOLUTION(?::\s*(?P<todo>.*\S))?\s*$")
END = re.compile(r"^[ \t]*#\s*END SOLUTION\s*$")


class MarkerError(ValueError):
    """A reference file's solution markers are malformed."""


def _regions(source: str, filename: str) -> list[tuple[int, int, str, str]]:
    """Return (begin line, end line, indent, todo) for each marked region, 0-based."""
    regions: list[tuple[int, int, str, str]] = []
    open_at: tuple[int, str, str] | None = None
    for number, line in enumerate(source.splitlines()):
        begin, end = BEGIN.match(line), END.match(line)
        if begin:
            if open_at is not None:
                raise MarkerError(f"{filename}:{number + 1}: BEGIN SOLUTION inside the region opened on line {open_at[0] + 1}")
            open_at = (number, begin["indent"], begin["todo"] or "implement this")
        elif end:
            if open_at is None:
                raise MarkerError(f"{filename}:{number + 1}: END SOLUTION without a BEGIN SOLUTION")
            regions.append((open_at[0], number, open_at[1], open_at[2]))
            open_at = None
        elif "BEGIN SOLUTION" in line or "END SOLUTION" in line:
            raise MarkerError(f"{filename}:{number + 1}: a solution marker must stand alone on its line as '# BEGIN SOLUTION[: todo]' or '# END SOLUTION'")
    if open_at is not None:
        raise MarkerError(f"{filename}:{open_at[0] + 1}: BEGIN SOLUTION is never closed by END SOLUTION")
    return regions


def count_regions(source: str, filename: str = "<reference>") -> int:
    """How many solution regions a reference marks (validates them too)."""
    return len(_regions(source, filename))


def to_starter(source: str, filename: str = "<reference>") -> str:
    """The starter: each solution region replaced by a TODO and ``raise NotImplementedError``."""
    lines = source.splitlines()
    regions = _regions(source, filename)
    if not regions:
        raise MarkerError(f"{filename}: no '# BEGIN SOLUTION' region, so the starter would be the full solution")
    out: list[str] = []
    cursor = 0
    for begin, end, indent, todo in regions:
        out.extend(lines[cursor:begin])
        out.append(f"{indent}# TODO: {todo}")
        out.append(f"{indent}raise NotImplementedError")
        cursor = end + 1
    out.extend(lines[cursor:])
    return "\n".join(out) + "\n"


def to_solution(source: str, filename: str = "<reference>") -> str:
    """The reference with its marker lines removed (what `mlprep solution` shows)."""
    regions = _regions(source, filename)
    marker_lines = {line for begin, end, _, _ in regions for line in (begin, end)}
    kept = [line for number, line in enumerate(source.splitlines()) if number not in marker_lines]
    return "\n".join(kept) + "\n"
