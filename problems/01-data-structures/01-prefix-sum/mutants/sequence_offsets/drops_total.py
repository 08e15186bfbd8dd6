"""Exclusive scan without the final total: n offsets instead of n + 1."""


def sequence_offsets(lengths: list[int]) -> list[int]:
    offsets, total = [], 0
    for length in lengths:
        if length < 0:
            raise ValueError("negative length")
        offsets.append(total)
        total += length
    return offsets
