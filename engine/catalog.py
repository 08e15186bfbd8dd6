"""Load the content tree: ``problems/NN-chapter/chapter.toml`` and ``NN-problem/problem.toml``.

Problems are found by walking the tree, so adding one needs no engine change. Every
malformed file fails with its path, the field and what was expected.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

from engine.problem import DIFFICULTIES, FORMAT_VERSION, STATEMENT_SECTIONS, Chapter, Part, Problem, Variant

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FOLDER_PATTERN = re.compile(r"^(?P<number>\d{2})-[a-z0-9-]+$")
DEFAULT_TIMEOUT_SECONDS = 60


class ContentError(ValueError):
    """A content file is malformed; the message names the file, field and expectation."""

    def __init__(self, path: Path, field: str, expected: str) -> None:
        self.path, self.field, self.expected = path, field, expected
        super().__init__(f"{path}: `{field}`: {expected}")


class UnknownProblemError(LookupError):
    """No problem has that id or number; carries the nearest candidates."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        self.query, self.suggestions = query, suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no problem `{query}`.{hint} (`mlprep list` shows them all)")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(path, "(file)", "file is missing") from None
    except tomllib.TOMLDecodeError as error:
        raise ContentError(path, "(syntax)", f"valid TOML ({error})") from None


def _get(data: dict[str, Any], key: str, kind: type | tuple[type, ...], path: Path, default: Any = ...) -> Any:
    if key not in data:
        if default is ...:
            raise ContentError(path, key, "required field is missing")
        return default
    value = data[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise ContentError(path, key, f"expected {names}, got {type(value).__name__} {value!r}")
    return value


def _strings(data: dict[str, Any], key: str, path: Path, *, minimum: int = 0) -> tuple[str, ...]:
    values = _get(data, key, list, path, [] if minimum == 0 else ...)
    if not all(isinstance(v, str) and v.strip() for v in values):
        raise ContentError(path, key, "expected a list of non-empty strings")
    if len(values) < minimum:
        raise ContentError(path, key, f"expected at least {minimum} entries, got {len(values)}")
    return tuple(values)


def _positive(data: dict[str, Any], key: str, path: Path, default: Any = ...) -> int:
    value = _get(data, key, int, path, default)
    if value <= 0:
        raise ContentError(path, key, f"expected a positive whole number, got {value}")
    return value


def _check_format(data: dict[str, Any], path: Path) -> None:
    version = _get(data, "format", int, path)
    if version != FORMAT_VERSION:
        raise ContentError(path, "format", f"expected format version {FORMAT_VERSION}, got {version}")


def _missing_sections(markdown: str) -> list[str]:
    headings = {match.strip().lower() for match in re.findall(r"^##\s+(.+)$", markdown, flags=re.MULTILINE)}
    return [section for section in STATEMENT_SECTIONS if section.lower() not in headings]


def file_stem(variant_id: str) -> str:
    """The file-name form of a variant id: ``exclusive-scan`` -> ``exclusive_scan``."""
    return variant_id.replace("-", "_")


def _python_files(folder: Path) -> tuple[Path, ...]:
    return tuple(sorted(folder.glob("*.py"))) if folder.is_dir() else ()


def _load_variant(data: Any, index: int, folder: Path, toml_path: Path, problem_minutes: int) -> Variant:
    where = f"variants[{index}]"
    if not isinstance(data, dict):
        raise ContentError(toml_path, where, "expected a [[variants]] table")
    variant_id = _get(data, "id", str, toml_path)
    if not ID_PATTERN.match(variant_id):
        raise ContentError(toml_path, f"{where}.id", f"expected a kebab-case id, got {variant_id!r}")
    stem = file_stem(variant_id)
    reference = folder / "solutions" / f"{stem}.py"
    tests = folder / "tests" / f"test_{stem}.py"
    for needed, what in ((reference, "reference solution"), (tests, "test file")):
        if not needed.is_file():
            raise ContentError(toml_path, f"{where} ({variant_id})", f"expected a {what} at {needed}")
    parts_data = _get(data, "parts", list, toml_path, [])
    parts = tuple(
        Part(number=n, title=_get(p, "title", str, toml_path), brief=_get(p, "brief", str, toml_path))
        for n, p in enumerate(parts_data, start=2)
    )
    return Variant(
        id=variant_id,
        title=_get(data, "title", str, toml_path),
        brief=_get(data, "brief", str, toml_path).strip(),
        target_minutes=_positive(data, "target_minutes", toml_path, problem_minutes),
        hints=_strings(data, "hints", toml_path),
        parts=parts,
        reference=reference,
        tests=tests,
        mutants=_python_files(folder / "mutants" / stem),
        alternatives=_python_files(folder / "alternatives" / stem),
    )


def load_problem(folder: Path, chapter: int) -> Problem:
    """Parse and check one problem package."""
    folder = folder.resolve()
    toml_path = folder / "problem.toml"
    data = _read_toml(toml_path)
    _check_format(data, toml_path)
    match = FOLDER_PATTERN.match(folder.name)
    if not match:
        raise ContentError(folder, "(folder name)", "expected NN-name, e.g. 01-prefix-sum")
    problem_id = _get(data, "id", str, toml_path)
    if not ID_PATTERN.match(problem_id):
        raise ContentError(toml_path, "id", f"expected a kebab-case id, got {problem_id!r}")
    difficulty = _get(data, "difficulty", str, toml_path)
    if difficulty not in DIFFICULTIES:
        raise ContentError(toml_path, "difficulty", f"expected one of {', '.join(DIFFICULTIES)}, got {difficulty!r}")
    statement_path = folder / "statement.md"
    if not statement_path.is_file():
        raise ContentError(statement_path, "(file)", "file is missing")
    statement = statement_path.read_text(encoding="utf-8")
    missing = _missing_sections(statement)
    if missing:
        raise ContentError(statement_path, "sections", f"expected '## ' headings {', '.join(missing)}")
    if not (folder / "example.py").is_file():
        raise ContentError(folder / "example.py", "(file)", "file is missing")
    minutes = _positive(data, "target_minutes", toml_path)
    variants_data = _get(data, "variants", list, toml_path)
    variants = tuple(_load_variant(v, i, folder, toml_path, minutes) for i, v in enumerate(variants_data))
    if len(variants) < 2:
        raise ContentError(toml_path, "variants", f"expected at least 2 variants, got {len(variants)}")
    ids = [v.id for v in variants]
    if len(set(ids)) != len(ids):
        raise ContentError(toml_path, "variants", f"expected unique variant ids, got {ids}")
    return Problem(
        id=problem_id,
        title=_get(data, "title", str, toml_path),
        chapter=chapter,
        position=int(match["number"]),
        difficulty=difficulty,
        target_minutes=minutes,
        tags=_strings(data, "tags", toml_path),
        requires=_strings(data, "requires", toml_path),
        timeout_seconds=_positive(data, "timeout_seconds", toml_path, DEFAULT_TIMEOUT_SECONDS),
        hints=_strings(data, "hints", toml_path, minimum=2),
        statement=statement,
        path=folder,
        variants=variants,
    )


def load_chapter(folder: Path, errors: list[ContentError] | None = None) -> Chapter:
    """Parse one chapter folder and every problem package inside it.

    With an ``errors`` list, a malformed problem is recorded there and skipped instead of
    stopping the load (the authoring check reports every broken package at once).
    """
    toml_path = folder / "chapter.toml"
    data = _read_toml(toml_path)
    _check_format(data, toml_path)
    number = _positive(data, "number", toml_path)
    match = FOLDER_PATTERN.match(folder.name)
    if not match or int(match["number"]) != number:
        raise ContentError(toml_path, "number", f"expected {number} to match the folder prefix of {folder.name!r}")
    overview_path = folder / "chapter.md"
    if not overview_path.is_file():
        raise ContentError(overview_path, "(file)", "file is missing")
    chapter = Chapter(
        number=number,
        title=_get(data, "title", str, toml_path),
        objectives=_strings(data, "objectives", toml_path, minimum=1),
        overview=overview_path.read_text(encoding="utf-8"),
        path=folder,
    )
    problems = []
    for sub in sorted(folder.iterdir()):
        if sub.is_dir() and (sub / "problem.toml").exists():
            try:
                problems.append(load_problem(sub, number))
            except ContentError as error:
                if errors is None:
                    raise
                errors.append(error)
    return replace(chapter, problems=tuple(problems))


class Catalog:
    """Every chapter and problem under a content root, addressable by id or number."""

    def __init__(self, chapters: tuple[Chapter, ...], errors: tuple[ContentError, ...] = ()) -> None:
        self.chapters = chapters
        self.errors = errors  # malformed packages skipped by a lenient load
        self.problems = tuple(p for c in chapters for p in c.problems)
        self._by_key: dict[str, Problem] = {}
        for problem in self.problems:
            for key in (problem.id, problem.number):
                if key in self._by_key:
                    other = self._by_key[key]
                    raise ContentError(problem.path / "problem.toml", "id", f"expected a unique id; {key!r} is also {other.path}")
                self._by_key[key] = problem

    @classmethod
    def load(cls, root: Path, *, strict: bool = True) -> Catalog:
        """Every chapter under ``root``; ``strict=False`` skips malformed problems and keeps their errors."""
        root = root.resolve()
        if not root.is_dir():
            raise ContentError(root, "(folder)", "the problems folder is missing")
        errors: list[ContentError] | None = None if strict else []
        chapters = tuple(load_chapter(sub, errors) for sub in sorted(root.iterdir()) if (sub / "chapter.toml").exists())
        numbers = [c.number for c in chapters]
        if len(set(numbers)) != len(numbers):
            raise ContentError(root, "chapter numbers", f"expected unique chapter numbers, got {numbers}")
        return cls(chapters, tuple(errors or ()))

    def get(self, key: str) -> Problem:
        """The problem with this id (``prefix-sum``) or number (``1.1``)."""
        try:
            return self._by_key[key.strip()]
        except KeyError:
            close = difflib.get_close_matches(key.strip().lower(), list(self._by_key), n=3, cutoff=0.5)
            raise UnknownProblemError(key, close) from None

    def chapter(self, number: int) -> Chapter:
        for chapter in self.chapters:
            if chapter.number == number:
                return chapter
        raise LookupError(f"no chapter {number} (chapters: {', '.join(str(c.number) for c in self.chapters)})")
