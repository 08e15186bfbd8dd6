"""The SQLite store: FSRS card state, every attempt, and settings (SQLModel).

WAL mode and a busy timeout let a second `mlprep` wait instead of failing; every write
runs in a transaction. SQLite keeps naive datetimes, so :class:`UTCDateTime` converts at
the boundary and the rest of the engine only ever sees aware UTC values. The schema
version lives in ``PRAGMA user_version``; :data:`MIGRATIONS` upgrades older stores after
taking a backup copy.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

from sqlalchemy import Column, Engine, Index, event, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.types import DateTime, TypeDecorator
from sqlmodel import Field, Session, SQLModel, create_engine

from engine import history

BUSY_TIMEOUT_MS = 5_000


class StoreError(RuntimeError):
    """The store cannot be used; the message says what to do."""


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as naive UTC and returns them aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("refusing to store a naive datetime; use engine.clock.as_utc")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=timezone.utc)


def _utc_column(*, nullable: bool, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable, index=index))


class CardRow(SQLModel, table=True):
    """FSRS memory state of one problem (all its variants share it)."""

    __tablename__ = "card"

    problem_id: str = Field(primary_key=True)
    state: int
    step: Optional[int] = None
    stability: Optional[float] = None
    difficulty: Optional[float] = None
    due: datetime = _utc_column(nullable=False, index=True)
    last_review: Optional[datetime] = _utc_column(nullable=True)
    reviews: int = 0
    lapses: int = 0


class AttemptRow(SQLModel, table=True):
    """One attempt at one variant: opened when it starts, closed by submit or skip."""

    __tablename__ = "attempt"
    __table_args__ = (Index("ix_attempt_problem_status", "problem_id", "status"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    problem_id: str
    variant: str
    mode: str  # "drill" or "mock"
    mock_id: Optional[int] = Field(default=None, foreign_key="mock.id", index=True)
    parts_passed: Optional[int] = None  # for multi-part variants: how many parts passed in full
    status: str  # "open", "submitted" or "skipped"
    file_path: str
    started_at: datetime = _utc_column(nullable=False, index=True)
    paused_at: Optional[datetime] = _utc_column(nullable=True)
    paused_seconds: float = 0.0
    submitted_at: Optional[datetime] = _utc_column(nullable=True)
    elapsed_seconds: Optional[float] = None
    tests_passed: Optional[int] = None
    tests_total: Optional[int] = None
    verdict: Optional[str] = None
    rating: Optional[int] = None
    hints_used: int = 0
    solution_viewed: bool = False
    source: Optional[str] = None


class MockRow(SQLModel, table=True):
    """One timed interview simulation; its problems are attempts with ``mock_id`` set."""

    __tablename__ = "mock"

    id: Optional[int] = Field(default=None, primary_key=True)
    status: str  # "open", "finished" or "abandoned"
    minutes: int
    started_at: datetime = _utc_column(nullable=False)
    paused_at: Optional[datetime] = _utc_column(nullable=True)
    paused_seconds: float = 0.0
    finished_at: Optional[datetime] = _utc_column(nullable=True)
    tests_passed: Optional[int] = None
    tests_total: Optional[int] = None
    result: Optional[str] = None


class SettingRow(SQLModel, table=True):
    __tablename__ = "setting"

    key: str = Field(primary_key=True)
    value: str  # JSON


def _add_mocks(connection: Any) -> None:
    """Version 1 -> 2: mock interviews, and an attempt's mock and parts passed."""
    MockRow.__table__.create(connection)  # type: ignore[attr-defined]
    connection.execute(text("ALTER TABLE attempt ADD COLUMN mock_id INTEGER REFERENCES mock (id)"))
    connection.execute(text("ALTER TABLE attempt ADD COLUMN parts_passed INTEGER"))
    connection.execute(text("CREATE INDEX ix_attempt_mock_id ON attempt (mock_id)"))


# MIGRATIONS[n - 1] upgrades a store at schema version n to n + 1. Append, never edit.
# A new store is created at the latest version directly from the models.
MIGRATIONS: list[Callable[[Any], None]] = [_add_mocks]
SCHEMA_VERSION = len(MIGRATIONS) + 1
assert SCHEMA_VERSION == history.SCHEMA_VERSION, "engine.history's read queries must match the latest schema"


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _explain(error: Exception, path: Path) -> StoreError:
    message = str(getattr(error, "orig", error))
    if "locked" in message or "busy" in message:
        return StoreError(f"the store {path} is locked by another mlprep process; finish or close it and try again")
    return StoreError(
        f"the store {path} cannot be read ({message}). Nothing was changed. Move it aside "
        f"(mv {path} {path}.corrupt) to start a fresh history; your files in drills/ are untouched"
    )


class Store:
    """An open store at one path."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create {path.parent}: {error}") from None
        self.engine: Engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(self.engine, "connect", _on_connect)
        try:
            self._migrate()
        except (DatabaseError, sqlite3.DatabaseError) as error:
            self.engine.dispose()
            raise _explain(error, path) from None

    def _migrate(self) -> None:
        with self.engine.connect() as connection:
            version = connection.execute(text("PRAGMA user_version")).scalar_one()
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"the store {self.path} has schema version {version}, newer than this mlprep "
                    f"understands ({SCHEMA_VERSION}); upgrade mlprep"
                )
            if version == SCHEMA_VERSION:
                return
            tables = connection.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'table'")).scalar_one()
        with self.engine.begin() as connection:
            if version == 0 and not tables:
                SQLModel.metadata.create_all(connection)
            elif version == 0:
                raise StoreError(f"{self.path} is an SQLite file but not an mlprep store; move it aside")
            else:
                shutil.copyfile(self.path, self.path.with_name(f"{self.path.name}.v{version}.bak"))
                for step in MIGRATIONS[version - 1:]:
                    step(connection)
            connection.execute(text(f"PRAGMA user_version = {SCHEMA_VERSION}"))

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work commits on success and rolls back on any error."""
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except OperationalError as error:
            raise _explain(error, self.path) from None

    def close(self) -> None:
        self.engine.dispose()
