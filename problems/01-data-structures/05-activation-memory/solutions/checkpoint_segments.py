"""Gradient checkpointing with torch.utils.checkpoint: store only every k-th block's input."""

from collections.abc import Sequence

import torch
from torch import nn
from torch.utils.checkpoint import checkpoint


def checkpointed_forward(blocks: Sequence[nn.Module], x: torch.Tensor, every: int) -> torch.Tensor:
    """Run `blocks` in order on `x`, checkpointing each run of `every` consecutive blocks.

    Segments are blocks[0:every], blocks[every:2*every], ...; the last one may be
    shorter and is checkpointed too. Raises ValueError if `every` < 1.
    """
    # BEGIN SOLUTION: split into segments of `every` blocks; run each through checkpoint(use_reentrant=False)
    if every < 1:
        raise ValueError(f"every must be at least 1, got {every}")
    blocks = list(blocks)

    def run(segment: list[nn.Module], h: torch.Tensor) -> torch.Tensor:
        for block in segment:
            h = block(h)
        return h

    h = x
    for start in range(0, len(blocks), every):
        h = checkpoint(run, blocks[start:start + every], h, use_reentrant=False)
    return h
    # END SOLUTION
