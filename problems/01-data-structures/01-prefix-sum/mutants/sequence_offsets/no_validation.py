"""Correct offsets, but a negative length silently produces a decreasing offset."""


def sequence_offsets(lengths: list[int]) -> list[int]:
    offsets = [0]
    for length in lengths:
        offsets.append(offsets[-1] + int(length))
    return offsets
