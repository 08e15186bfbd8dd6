"""Wraps the segment loop in one more checkpoint: stores a single input, but backward replays every block twice (3 forwards in all)."""

import torch
from torch import nn
from torch.utils.checkpoint import checkpoint, checkpoint_sequential


def _run(segment, h):
    for block in segment:
        h = block(h)
    return h


def checkpointed_forward(blocks, x: torch.Tensor, every: int) -> torch.Tensor:
    if every < 1:
        raise ValueError("every must be positive")
    blocks = list(blocks)
    def segments(h):
        for start in range(0, len(blocks), every):
            h = checkpoint(_run, blocks[start:start + every], h, use_reentrant=False)
        return h
    return checkpoint(segments, x, use_reentrant=False) if blocks else x
