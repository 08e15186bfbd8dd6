import sqlite3
from datetime import datetime, timezone

import pytest
from sqlmodel import select

from engine.store import SCHEMA_VERSION, CardRow, Store, StoreError


def test_new_store_uses_wal_and_records_the_schema_version(tmp_path):
    store = Store(tmp_path / "db" / "s.sqlite3")
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA user_version").scalar() == SCHEMA_VERSION
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    store.close()


def test_datetimes_come_back_aware_utc(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    due = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    with store.transaction() as session:
        session.add(CardRow(problem_id="p", state=2, due=due))
    with store.transaction() as session:
        row = session.exec(select(CardRow)).one()
    assert row.due == due and row.due.tzinfo == timezone.utc
    store.close()


def test_naive_datetimes_are_refused(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    with pytest.raises(Exception, match="naive"):
        with store.transaction() as session:
            session.add(CardRow(problem_id="p", state=2, due=datetime(2026, 1, 2)))
    store.close()


def test_a_failed_transaction_writes_nothing(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    with pytest.raises(RuntimeError):
        with store.transaction() as session:
            session.add(CardRow(problem_id="p", state=2, due=datetime.now(timezone.utc)))
            session.flush()
            raise RuntimeError("boom")
    with store.transaction() as session:
        assert session.exec(select(CardRow)).all() == []
    store.close()


def test_corrupt_file_is_reported_and_left_alone(tmp_path):
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot be read.*Move it aside"):
        Store(path)
    assert path.read_bytes() == b"this is not a database" * 100


def test_store_from_a_newer_release_is_refused(tmp_path):
    path = tmp_path / "s.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer than this mlprep"):
        Store(path)


def test_locked_store_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr("engine.store.BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "s.sqlite3"
    store = Store(path)
    blocker = sqlite3.connect(path)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked by another mlprep"):
            with store.transaction() as session:
                session.add(CardRow(problem_id="p", state=2, due=datetime.now(timezone.utc)))
    finally:
        blocker.rollback()
        blocker.close()
        store.close()


def test_migration_from_an_older_version_keeps_a_backup(tmp_path, monkeypatch):
    import engine.store as store_module

    path = tmp_path / "s.sqlite3"
    Store(path).close()
    added = []

    def add_column(connection):
        connection.exec_driver_sql("ALTER TABLE card ADD COLUMN note TEXT")
        added.append(True)

    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, add_column])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    Store(path).close()
    assert added == [True]
    assert (tmp_path / f"s.sqlite3.v{SCHEMA_VERSION}.bak").exists()
    columns = [row[1] for row in sqlite3.connect(path).execute("PRAGMA table_info(card)")]
    assert "note" in columns
