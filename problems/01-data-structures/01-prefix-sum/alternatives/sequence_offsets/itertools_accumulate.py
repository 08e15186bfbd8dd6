"""Exclusive scan through itertools.accumulate with an initial value."""

from itertools import accumulate


def sequence_offsets(lengths):
    lengths = [int(n) for n in lengths]
    if any(n < 0 for n in lengths):
        raise ValueError("lengths must be non-negative")
    return list(accumulate(lengths, initial=0))
