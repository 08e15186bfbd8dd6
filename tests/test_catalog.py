"""Loading content: the fixture tree, the real book, and malformed packages."""

import shutil

import pytest

from engine.catalog import Catalog, ContentError, UnknownProblemError
from engine.paths import REPO_ROOT
from tests.conftest import FIXTURE_PROBLEMS


def test_fixture_tree_loads_with_derived_fields(fixture_catalog):
    add = fixture_catalog.get("1.1")
    assert add.id == "add" and add.chapter == 1 and add.position == 1
    assert [v.id for v in add.variants] == ["pair", "many"]
    many = add.variant("many")
    assert many.target_minutes == 4 and add.variant("pair").target_minutes == 10
    assert many.api == ("add_all",)
    assert add.hints_for(many)[-1] == "Start from 0."
    stack = fixture_catalog.get("stack").variant("plain")
    assert [(p.number, p.title) for p in stack.parts] == [(2, "Peek")]
    assert [m.stem for m in add.variant("pair").mutants] == ["subtracts", "wraps"]


def test_unknown_id_suggests_neighbours(fixture_catalog):
    with pytest.raises(UnknownProblemError) as raised:
        fixture_catalog.get("ad")
    assert "add" in raised.value.suggestions


def test_the_real_book_loads():
    book = Catalog.load(REPO_ROOT / "problems")
    assert book.chapters and all(len(p.variants) >= 2 for p in book.problems)
    assert [c.number for c in book.chapters] == sorted(c.number for c in book.chapters)


@pytest.fixture
def broken(tmp_path):
    root = tmp_path / "problems"
    shutil.copytree(FIXTURE_PROBLEMS, root)
    return root / "01-basics" / "01-add"


def edit(path, old, new):
    path.write_text(path.read_text().replace(old, new))


@pytest.mark.parametrize(
    ("damage", "file", "field"),
    [
        (lambda p: edit(p / "problem.toml", "format = 1", "format = 9"), "problem.toml", "format"),
        (lambda p: edit(p / "problem.toml", 'id = "add"', 'id = "Add Numbers"'), "problem.toml", "id"),
        (lambda p: edit(p / "problem.toml", "target_minutes = 10", 'target_minutes = "ten"'), "problem.toml", "target_minutes"),
        (lambda p: edit(p / "problem.toml", 'title = "Add Numbers"', 'title = "x'), "problem.toml", "(syntax)"),
        (lambda p: edit(p / "problem.toml", 'hints = ["Use the + operator.", ', "hints = ["), "problem.toml", "hints"),
        (lambda p: (p / "solutions" / "many.py").unlink(), "problem.toml", "variants[1] (many)"),
        (lambda p: edit(p / "statement.md", "## Requirements", "## Needs"), "statement.md", "sections"),
        (lambda p: (p / "example.py").unlink(), "example.py", "(file)"),
        (lambda p: edit(p / "problem.toml", 'id = "many"', 'id = "pair"'), "problem.toml", "variants"),
    ],
)
def test_malformed_package_names_file_field_and_expectation(broken, damage, file, field):
    damage(broken)
    with pytest.raises(ContentError) as raised:
        Catalog.load(broken.parent.parent)
    assert raised.value.path.name == file
    assert raised.value.field == field
    assert raised.value.expected


def test_duplicate_problem_ids_are_refused(broken):
    edit(broken.parent / "02-stack" / "problem.toml", 'id = "stack"', 'id = "add"')
    with pytest.raises(ContentError, match="unique id"):
        Catalog.load(broken.parent.parent)
