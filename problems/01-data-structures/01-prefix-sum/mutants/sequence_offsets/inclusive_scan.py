"""Returns the inclusive scan: no leading 0, so offsets[i] is where sequence i ends."""


def sequence_offsets(lengths: list[int]) -> list[int]:
    offsets, total = [], 0
    for length in lengths:
        if length < 0:
            raise ValueError("negative length")
        total += length
        offsets.append(total)
    return offsets
