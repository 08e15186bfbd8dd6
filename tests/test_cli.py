"""The CLI through typer's test runner, over the fixture catalog."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from engine.cli import app
from tests.conftest import FIXTURE_PROBLEMS, write

runner = CliRunner()


@pytest.fixture(autouse=True)
def fixture_content(fixture_problems, clock):
    """Every CLI test reads the fixture catalog at a fixed time."""


def invoke(*args):
    return runner.invoke(app, list(args))


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.startswith("mlprep ")


def test_list_json_shape():
    result = invoke("list", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [row["id"] for row in rows] == ["add", "stack"]
    assert rows[0] | {"due": None} == {
        "id": "add", "number": "1.1", "chapter": 1, "title": "Add Numbers", "difficulty": "Easy",
        "target_minutes": 10, "variants": ["pair", "many"], "state": "new", "due": None,
        "stability": None, "reviews": 0, "lapses": 0,
    }


def test_unknown_id_suggests_the_nearest_without_a_traceback():
    result = invoke("show", "stak")
    assert result.exit_code == 2
    assert "no problem `stak`" in result.stderr and "stack" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_variant_is_a_user_error():
    result = invoke("show", "add", "--variant", "triple")
    assert result.exit_code == 2 and "no variant `triple`" in result.stderr


def test_show_starter_prints_generated_code():
    result = invoke("show", "1.1", "--starter", "--variant", "many")
    assert result.exit_code == 0 and "raise NotImplementedError" in result.stdout and "total +=" not in result.stdout


def test_check_passes_a_correct_file_and_fails_a_wrong_one(tmp_path):
    good = write(tmp_path / "good.py", "def add(a, b):\n    return b + a\n")
    bad = write(tmp_path / "bad.py", "def add(a, b):\n    return a * b\n")
    passed = invoke("check", "add", "--file", str(good), "--json")
    assert passed.exit_code == 0 and json.loads(passed.stdout)["status"] == "passed"
    failed = invoke("check", "add", "--file", str(bad))
    assert failed.exit_code == 1 and "FAILED" in failed.stdout


def test_check_missing_file():
    result = invoke("check", "add", "--file", "/nonexistent.py")
    assert result.exit_code == 2 and "no file" in result.stderr


def test_start_submit_cycle_moves_the_due_date(clock, isolated_home):
    started = invoke("start", "add")
    assert started.exit_code == 0
    path = isolated_home / "drills" / "add" / "pair.py"
    assert path.exists()
    write(path, "def add(a, b):\n    return a + b\n")
    submitted = invoke("submit", "add", "--json")
    assert submitted.exit_code == 0
    data = json.loads(submitted.stdout)
    assert data["passed"] and data["rating"] == "Easy" and data["variant"] == "pair"
    due = data["next_due"]
    listed = {row["id"]: row for row in json.loads(invoke("list", "--json").stdout)}
    assert listed["add"]["due"] == due and listed["add"]["state"] == "review"
    today = json.loads(invoke("today", "--json").stdout)
    assert [item["id"] for item in today["items"]] == ["stack"]


def test_failed_submit_exits_non_zero(isolated_home):
    invoke("start", "add")
    result = invoke("submit", "add")
    assert result.exit_code == 1 and "Again" in result.stdout


def test_hint_skip_and_solution():
    assert invoke("hint", "add").exit_code == 2  # nothing open
    invoke("start", "add")
    hint = invoke("hint", "add")
    assert hint.exit_code == 0 and "hint 1/2" in hint.stdout
    assert invoke("solution", "add").exit_code == 2
    assert invoke("skip", "add").exit_code == 0
    shown = invoke("solution", "add", "--force")
    assert shown.exit_code == 0 and "return a + b" in shown.stdout


def test_settings_show_and_change():
    assert invoke("settings", "new_per_day", "3").exit_code == 0
    shown = invoke("settings", "new_per_day")
    assert "new_per_day = 3" in shown.stdout
    bad = invoke("settings", "desired_retention", "2")
    assert bad.exit_code == 2 and "between 0.7 and 0.99" in bad.stderr


def test_corrupt_store_is_reported_without_traceback(isolated_home):
    write(isolated_home / "db" / "mlprep.sqlite3", "garbage" * 1000)
    result = invoke("list")
    assert result.exit_code == 2 and "cannot be read" in result.stderr and "Traceback" not in result.output


def test_home_option_moves_the_store(tmp_path):
    other = tmp_path / "elsewhere"
    assert invoke("--home", str(other), "start", "add").exit_code == 0
    assert (other / "db" / "mlprep.sqlite3").exists() and (other / "drills" / "add" / "pair.py").exists()


def test_malformed_content_names_file_and_field(tmp_path, monkeypatch):
    import shutil

    broken = tmp_path / "problems"
    shutil.copytree(FIXTURE_PROBLEMS, broken)
    toml = broken / "01-basics" / "01-add" / "problem.toml"
    toml.write_text(toml.read_text().replace('difficulty = "Easy"', 'difficulty = "Trivial"'))
    monkeypatch.setenv("MLPREP_PROBLEMS", str(broken))
    result = invoke("list")
    assert result.exit_code == 2
    assert "problem.toml" in result.stderr and "difficulty" in result.stderr and "Easy-Medium" in result.stderr


def test_validate_reports_counts_and_checklist():
    result = invoke("validate")
    assert result.exit_code == 0, result.output
    assert "Checked 2 problems and 4 variants: all OK" in result.stdout
    assert "quality checklist" in result.stdout


def test_help_imports_no_heavy_module():
    code = (
        "import sys\n"
        "from engine.cli import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'torch', 'numba', 'pytest', 'numpy', 'sqlmodel', 'sqlalchemy'})\n"
        "print(','.join(heavy) or 'none')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "none"


def test_report_and_stats_with_no_history():
    report = invoke("report")
    assert report.exit_code == 0 and "No history yet" in report.stdout and "mlprep drill" in report.stdout
    data = json.loads(invoke("report", "--json").stdout)
    assert data["chapters"][0]["seen"] == 0 and data["chapters"][0]["weakness"] == 0.8
    stats = invoke("stats")
    assert stats.exit_code == 0 and "Streak: 0" in stats.stdout and "no reviews yet" in stats.stdout
    assert json.loads(invoke("stats", "--json").stdout)["forecast"] == [0] * 30


def test_report_and_stats_after_one_attempt(isolated_home, tmp_path):
    invoke("start", "add")
    write(isolated_home / "drills" / "add" / "pair.py", "def add(a, b):\n    return a + b\n")
    invoke("submit", "add")
    data = json.loads(invoke("report", "--json").stdout)
    assert data["chapters"][0]["seen"] == 1 and data["chapters"][0]["pass_rate"] == 1.0
    assert json.loads(invoke("stats", "--json").stdout)["streak"] == 1
    picture = tmp_path / "progress.png"
    plotted = invoke("report", "--plot", str(picture))
    assert plotted.exit_code == 0 and picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_mock_history_and_abandon_with_nothing_open():
    assert "No mocks yet" in invoke("mock", "--history").stdout
    result = invoke("mock", "--abandon")
    assert result.exit_code == 2 and "no mock is open" in result.stderr


def test_mock_rejects_an_unknown_difficulty():
    result = invoke("mock", "--difficulty", "Trivial")
    assert result.exit_code == 2 and "unknown difficulty" in result.stderr


def test_mock_session_through_the_cli(isolated_home):
    result = runner.invoke(app, ["mock", "--minutes", "15", "--seed", "3"], input="s\n")
    assert result.exit_code == 1 and "scorecard" in result.stdout
    assert "finished │ 0/3" in invoke("mock", "--history").stdout


def test_reading_commands_do_not_import_sqlalchemy(isolated_home, fixture_problems):
    invoke("start", "add")  # creates the store at the current schema
    code = (
        "import sys\nfrom engine.cli import app\n"
        "for args in (['today', '--json'], ['list', '--json'], ['report', '--json']):\n"
        "    try:\n        app(args)\n    except SystemExit:\n        pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'sqlmodel', 'numpy', 'torch'}) or 'none')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "none"


def test_an_older_store_is_migrated_before_it_is_read(isolated_home):
    import sqlite3

    path = isolated_home / "db" / "mlprep.sqlite3"
    path.parent.mkdir(parents=True)
    connection = sqlite3.connect(path)
    connection.executescript((FIXTURE_PROBLEMS.parent / "store_v1.sql").read_text())
    connection.close()
    items = json.loads(invoke("today", "--json").stdout)["items"]
    assert (items[0]["id"], items[0]["kind"]) == ("add", "resume")  # release 1's open attempt survived
    assert (isolated_home / "db" / "mlprep.sqlite3.v1.bak").exists()
    tables = {row[0] for row in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "mock" in tables and sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 2
