import pytest

from engine.scoring import Grade, Performance, rate


@pytest.mark.parametrize(
    ("solved", "minutes", "hints", "viewed", "expected"),
    [
        (False, 5, 0, False, Grade.Again),
        (True, 5, 0, True, Grade.Again),
        (True, 25, 0, False, Grade.Hard),  # over the 20-minute target
        (True, 5, 1, False, Grade.Hard),  # a hint
        (True, 15, 0, False, Grade.Good),
        (True, 10, 0, False, Grade.Easy),  # exactly half the target
        (True, 10.5, 0, False, Grade.Good),
        (True, 20, 0, False, Grade.Good),  # exactly on target
    ],
)
def test_rating_rule(solved, minutes, hints, viewed, expected):
    assert rate(Performance(solved, minutes * 60, 20, hints, viewed)) == expected


def test_grades_match_fsrs_ratings():
    import fsrs

    assert [g.value for g in Grade] == [r.value for r in (fsrs.Rating.Again, fsrs.Rating.Hard, fsrs.Rating.Good, fsrs.Rating.Easy)]
