"""Every problem in the book passes the authoring check (the same one `mlprep validate` runs)."""

import pytest

from engine.catalog import Catalog
from engine.paths import REPO_ROOT
from engine.validate import check_problem

BOOK = Catalog.load(REPO_ROOT / "problems")


@pytest.mark.slow
@pytest.mark.parametrize("problem", BOOK.problems, ids=[p.id for p in BOOK.problems])
def test_problem_passes_validation(problem):
    report = check_problem(problem)
    assert report.ok, "\n".join(report.failures())
