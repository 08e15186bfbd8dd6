"""The content model: chapters, problems, variants and parts, as plain frozen objects."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from engine import markers

FORMAT_VERSION = 1
DIFFICULTIES = ("Easy", "Easy-Medium", "Medium", "Medium-Hard", "Hard")
STATEMENT_SECTIONS = ("Context", "Key concepts", "Problem", "Requirements", "Example")


@dataclass(frozen=True)
class Part:
    """A later stage of a variant: the earlier parts' tests plus a new requirement."""

    number: int
    title: str
    brief: str


@dataclass(frozen=True)
class Variant:
    """One buildable version of a problem, with its own reference and tests."""

    id: str
    title: str
    brief: str
    target_minutes: int
    hints: tuple[str, ...]
    parts: tuple[Part, ...]
    reference: Path
    tests: Path
    mutants: tuple[Path, ...]
    alternatives: tuple[Path, ...]

    @cached_property
    def reference_source(self) -> str:
        return self.reference.read_text(encoding="utf-8")

    @cached_property
    def starter(self) -> str:
        return markers.to_starter(self.reference_source, str(self.reference))

    @cached_property
    def solution(self) -> str:
        return markers.to_solution(self.reference_source, str(self.reference))

    @cached_property
    def api(self) -> tuple[str, ...]:
        """Public top-level functions and classes the candidate's file must define."""
        tree = ast.parse(self.reference_source, filename=str(self.reference))
        return tuple(
            node.name
            for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and not node.name.startswith("_")
        )


@dataclass(frozen=True)
class Problem:
    """A self-contained problem package under ``problems/<chapter>/<problem>/``."""

    id: str
    title: str
    chapter: int
    position: int
    difficulty: str
    target_minutes: int
    tags: tuple[str, ...]
    requires: tuple[str, ...]
    timeout_seconds: int
    hints: tuple[str, ...]
    statement: str
    path: Path
    variants: tuple[Variant, ...]

    @property
    def number(self) -> str:
        """The short address, e.g. ``1.3``."""
        return f"{self.chapter}.{self.position}"

    @property
    def example(self) -> Path:
        return self.path / "example.py"

    def variant(self, variant_id: str | None) -> Variant:
        """The named variant, or the first one when ``variant_id`` is None."""
        if variant_id is None:
            return self.variants[0]
        for variant in self.variants:
            if variant.id == variant_id:
                return variant
        known = ", ".join(v.id for v in self.variants)
        raise LookupError(f"problem `{self.id}` has no variant `{variant_id}` (variants: {known})")

    def hints_for(self, variant: Variant) -> tuple[str, ...]:
        """Progressive hints: the problem's, then the variant's own."""
        return self.hints + variant.hints


@dataclass(frozen=True)
class Chapter:
    number: int
    title: str
    objectives: tuple[str, ...]
    overview: str
    path: Path
    problems: tuple[Problem, ...] = field(default=())
