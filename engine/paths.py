"""Where things live: the content root (``problems/``) and the user's home (``drills/``, ``db/``)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
HOME_VARIABLE = "MLPREP_HOME"
PROBLEMS_VARIABLE = "MLPREP_PROBLEMS"


def problems_root() -> Path:
    """The content tree; ``MLPREP_PROBLEMS`` points elsewhere (tests use tiny fixture trees)."""
    return Path(os.environ.get(PROBLEMS_VARIABLE) or REPO_ROOT / "problems").resolve()


def home(override: Path | None = None) -> Path:
    """The folder holding ``drills/`` and ``db/``: ``--home``, else ``MLPREP_HOME``, else the repository."""
    chosen = override if override is not None else Path(os.environ.get(HOME_VARIABLE) or REPO_ROOT)
    return chosen.expanduser().resolve()


def drills_dir(root: Path) -> Path:
    return root / "drills"


def database_path(root: Path) -> Path:
    return root / "db" / "mlprep.sqlite3"
