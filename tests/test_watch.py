"""Watch mode's event loop, driven by a scripted queue, and the file watcher itself."""

import queue
import threading
from pathlib import Path

from engine.watch import Event, watch_attempt, watch_files
from tests.conftest import write


def scripted(*events):
    box = queue.Queue()
    for event in events:
        box.put(event)
    return box


def test_only_the_last_of_quick_saves_is_run_and_shown(workspace):
    problem = workspace.catalog.get("add")
    workspace.start(problem)
    runs, shown = [], []
    events = scripted(Event("change"), Event("change"), Event("change"), Event("key", "q"))
    action, _ = watch_attempt(workspace, problem, events, draw=lambda s: shown.append(s.runs),
                              run=lambda: runs.append(1) or workspace.run_visible(problem))
    assert action == "quit" and len(runs) == 1 and shown[-1] == 1
    assert workspace.open_attempt(problem).paused_at is not None


def test_a_save_during_a_run_discards_the_stale_result(workspace):
    problem = workspace.catalog.get("add")
    workspace.start(problem)
    events = scripted(Event("change"))
    verdicts = []

    def run():
        verdict = workspace.run_visible(problem)
        if not verdicts:
            events.put(Event("change"))  # the user saved again while the tests ran
        verdicts.append(verdict)
        if len(verdicts) == 2:
            events.put(Event("key", "n"))
        return verdict

    shown = []
    action, _ = watch_attempt(workspace, problem, events, draw=lambda s: shown.append(s.verdict), run=run)
    assert action == "skip" and len(verdicts) == 2
    assert [v for v in shown if v is not None] == [verdicts[1]]


def test_keys_reveal_hints_and_submit(workspace):
    problem = workspace.catalog.get("add")
    attempt = workspace.start(problem)
    write(Path(attempt.file_path), "def add(a, b):\n    return a + b\n")
    states = []
    events = scripted(Event("key", "h"), Event("tick"), Event("key", "s"))
    action, result = watch_attempt(workspace, problem, events, draw=lambda s: states.append(list(s.hints)),
                                   run=lambda: workspace.run_visible(problem))
    assert action == "submit" and result.verdict.ok and result.grade.name == "Hard"  # a hint was used
    assert states[-1] == ["Use the + operator."]


def test_file_watcher_reports_saves_by_polling(tmp_path, monkeypatch):
    monkeypatch.setenv("MLPREP_WATCH_POLLING", "1")
    target = write(tmp_path / "attempt.py", "x = 1\n")
    write(tmp_path / "other.py", "y = 1\n")
    events, stop = queue.Queue(), threading.Event()
    thread = threading.Thread(target=watch_files, args=([target], events, stop), daemon=True)
    thread.start()
    try:
        write(tmp_path / "other.py", "y = 2\n")
        # The watcher takes its first snapshot after it starts: save until it reports one (at most ~15 s).
        for attempt in range(30):
            write(target, f"x = {attempt}\n")
            try:
                event = events.get(timeout=0.5)
                break
            except queue.Empty:
                continue
        assert event == Event("change", str(target.resolve()))
        assert events.empty() or all(e.value == str(target.resolve()) for e in list(events.queue))  # other.py never
    finally:
        stop.set()
        thread.join(timeout=5)
