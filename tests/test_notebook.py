"""Chapter notebooks: valid, self-contained, in sync with the packages, and executable."""

import json

import nbformat
import pytest

from engine import notebook
from engine.catalog import Catalog
from engine.paths import REPO_ROOT

BOOK = Catalog.load(REPO_ROOT / "problems")


def test_hidden_tests_are_stripped():
    source = (
        "import pytest\n\n\ndef test_a(solution):\n    assert 1\n\n\n@pytest.mark.hidden\n"
        "@pytest.mark.parametrize('x', [1])\ndef test_b(solution, x):\n    assert x\n\n\ndef test_c(solution):\n    pass\n"
    )
    stripped = notebook.strip_hidden_tests(source)
    assert "test_a" in stripped and "test_c" in stripped and "test_b" not in stripped and "parametrize" not in stripped
    compile(stripped, "t.py", "exec")


@pytest.mark.parametrize("chapter", BOOK.chapters, ids=[c.path.name for c in BOOK.chapters])
def test_student_notebook_is_valid_and_gives_nothing_away(chapter):
    built = notebook.build(chapter)
    nbformat.validate(built)
    text = json.dumps(built)
    assert "colab.research.google.com/github/" in built.cells[0].source
    for problem in chapter.problems:
        variant = problem.variants[0]
        code = next(c for c in built.cells if c.get("id") == f"p{problem.chapter}-{problem.position}-code")
        assert code.source == variant.starter
        assert "BEGIN SOLUTION" not in text
    assert "<details>" in text and "mlprep_check(" in text


@pytest.mark.parametrize("chapter", BOOK.chapters, ids=[c.path.name for c in BOOK.chapters])
def test_committed_notebook_matches_the_generator(chapter):
    committed = notebook.NOTEBOOKS_DIR / notebook.notebook_name(chapter)
    assert committed.exists(), f"run `mlprep notebooks` to write {committed.name}"
    assert committed.read_text(encoding="utf-8") == notebook.render(chapter), (
        f"{committed.name} is stale: run `mlprep notebooks` and commit the result"
    )


def _execute(chapter, solutions, tmp_path):
    from nbclient import NotebookClient

    built = notebook.build(chapter, solutions=solutions)
    built.cells.append(nbformat.v4.new_code_cell("import sys\nprint('engine loaded:', 'engine' in sys.modules)", id="probe"))
    NotebookClient(built, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = {}
    for cell in built.cells:
        if cell.cell_type == "code":
            assert not [o for o in cell.outputs if o.output_type == "error"], f"cell {cell.id} raised"
            outputs[cell.id] = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
    assert outputs["probe"].strip() == "engine loaded: False"
    return outputs


@pytest.mark.slow
@pytest.mark.parametrize("chapter", BOOK.chapters, ids=[c.path.name for c in BOOK.chapters])
def test_notebooks_execute_in_a_fresh_kernel(chapter, tmp_path):
    student = _execute(chapter, False, tmp_path)
    solved = _execute(chapter, True, tmp_path)
    for problem in chapter.problems:
        key = f"p{problem.chapter}-{problem.position}-tests"
        summary = student[key].strip().splitlines()[-1]
        assert summary.startswith(f"{problem.id}: 0/") and "✅" not in student[key], student[key]
        done = solved[key].strip().splitlines()[-1]
        passed, total = done.split(": ")[1].split(" ")[0].split("/")
        assert passed == total and int(total) > 0 and "❌" not in solved[key], solved[key]
