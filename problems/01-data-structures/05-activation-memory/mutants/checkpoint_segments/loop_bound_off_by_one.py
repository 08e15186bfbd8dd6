"""Off by one in the loop bound, range(0, n - 1, every): the last block is skipped whenever n - 1 is a multiple of every."""

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
    h = x
    for start in range(0, len(blocks) - 1, every):
        h = checkpoint(_run, blocks[start:start + every], h, use_reentrant=False)
    return h
