"""Checkpoints a lambda that reads the loop variable: the replay in backward runs after the loop has
finished, so every segment is recomputed with the last segment's blocks."""

import torch
from torch.utils.checkpoint import checkpoint


def checkpointed_forward(blocks, x: torch.Tensor, every: int) -> torch.Tensor:
    if every < 1:
        raise ValueError("every must be positive")
    blocks = list(blocks)

    def run(segment, h):
        for block in segment:
            h = block(h)
        return h

    h = x
    for start in range(0, len(blocks), every):
        h = checkpoint(lambda t: run(blocks[start:start + every], t), h, use_reentrant=False)
    return h
