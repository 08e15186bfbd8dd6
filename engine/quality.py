"""A short, informative code-quality note on an attempt, from ruff (interviewers read code too).

Never affects a score. If ruff is not installed the note says so instead.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# pyflakes (unused names), pep8-naming, mccabe complexity, bugbear, simplify.
RULES = "F,N,C90,B,SIM"
MAX_NOTES = 3


def _ruff() -> list[str] | None:
    found = shutil.which("ruff") or shutil.which("ruff", path=str(Path(sys.executable).parent))
    return [found] if found else None


def quality_notes(source: str) -> list[str]:
    """Up to three findings such as 'line 4: F841 local variable `x` is assigned to but never used'."""
    ruff = _ruff()
    if ruff is None:
        return ["(ruff is not installed; no code-quality note)"]
    with tempfile.TemporaryDirectory(prefix="mlprep-lint-") as folder:
        path = Path(folder) / "attempt.py"
        path.write_text(source, encoding="utf-8")
        result = subprocess.run(
            [*ruff, "check", "--no-cache", "--isolated", "--output-format", "json", "--select", RULES, str(path)],
            capture_output=True, text=True, timeout=30,
        )
    try:
        findings = json.loads(result.stdout or "[]")
    except json.JSONDecodeError:
        return []
    notes = [f"line {f['location']['row']}: {f['code']} {f['message']}" for f in findings[:MAX_NOTES]]
    if len(findings) > MAX_NOTES:
        notes.append(f"... and {len(findings) - MAX_NOTES} more")
    return notes
