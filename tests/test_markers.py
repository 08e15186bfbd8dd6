import pytest

from engine.markers import MarkerError, count_regions, to_solution, to_starter

REFERENCE = '''def f(x):
    """Doc."""
    # BEGIN SOLUTION: double it
    y = x * 2
    return y
    # END SOLUTION


def g():
    # BEGIN SOLUTION
    return 1
    # END SOLUTION
'''


def test_starter_replaces_each_region_with_todo_and_raise():
    starter = to_starter(REFERENCE)
    assert "x * 2" not in starter and "return 1" not in starter
    assert '    """Doc."""\n    # TODO: double it\n    raise NotImplementedError\n' in starter
    assert "    # TODO: implement this\n    raise NotImplementedError" in starter
    namespace: dict = {}
    exec(starter, namespace)
    with pytest.raises(NotImplementedError):
        namespace["f"](3)


def test_solution_drops_only_marker_lines():
    solution = to_solution(REFERENCE)
    assert "SOLUTION" not in solution
    namespace: dict = {}
    exec(solution, namespace)
    assert namespace["f"](3) == 6
    assert count_regions(REFERENCE) == 2


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("# BEGIN SOLUTION\nx = 1\n", "never closed"),
        ("x = 1\n# END SOLUTION\n", "without a BEGIN"),
        ("# BEGIN SOLUTION\n# BEGIN SOLUTION\n# END SOLUTION\n", "inside the region"),
        ("x = 1  # BEGIN SOLUTION\n", "stand alone"),
        ("x = 1\n", "no '# BEGIN SOLUTION'"),
    ],
)
def test_malformed_markers_are_errors_with_line_numbers(source, problem):
    with pytest.raises(MarkerError, match=problem):
        to_starter(source, "ref.py")
