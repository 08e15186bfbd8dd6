import pytest


def test_worked_example(solution):
    assert solution.sequence_offsets([3, 1, 4]) == [0, 3, 4, 8]


def test_empty_and_zero_lengths(solution):
    assert solution.sequence_offsets([]) == [0]
    assert solution.sequence_offsets([0, 2, 0]) == [0, 0, 2, 2]


def test_offsets_slice_every_sequence(solution):
    lengths = [5, 1, 7, 3, 9, 2]
    sequences = [[i] * n for i, n in enumerate(lengths)]
    buffer = [token for sequence in sequences for token in sequence]
    offsets = solution.sequence_offsets(lengths)
    assert len(offsets) == len(lengths) + 1
    assert [buffer[offsets[i]:offsets[i + 1]] for i in range(len(lengths))] == sequences


def test_negative_length_rejected(solution):
    with pytest.raises(ValueError):
        solution.sequence_offsets([2, -1, 3])


@pytest.mark.hidden
def test_accepts_numpy_lengths_and_returns_ints(solution):
    np = pytest.importorskip("numpy")
    offsets = solution.sequence_offsets(np.array([2, 3], dtype=np.int64))
    assert offsets == [0, 2, 5]
    assert all(type(value) is int for value in offsets)
