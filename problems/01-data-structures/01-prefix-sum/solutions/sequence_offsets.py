"""Offsets of sequences packed end to end (an exclusive scan plus the total)."""


def sequence_offsets(lengths: list[int]) -> list[int]:
    """Return [0, l0, l0 + l1, ..., sum(lengths)] for the given sequence lengths.

    Raises ValueError if any length is negative.
    """
    # BEGIN SOLUTION: start from 0 and append each running total
    offsets = [0]
    for length in lengths:
        if length < 0:
            raise ValueError(f"sequence length must be non-negative, got {length}")
        offsets.append(offsets[-1] + int(length))
    return offsets
    # END SOLUTION
