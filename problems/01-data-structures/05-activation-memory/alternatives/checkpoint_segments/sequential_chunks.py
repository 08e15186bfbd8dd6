"""Chunks the blocks into nn.Sequential segments first, then checkpoints each module directly."""

import torch
from torch import nn
from torch.utils.checkpoint import checkpoint


def checkpointed_forward(blocks, x: torch.Tensor, every: int) -> torch.Tensor:
    if every <= 0:
        raise ValueError("every must be a positive integer")
    blocks = list(blocks)
    chunks = [nn.Sequential(*blocks[i:i + every]) for i in range(0, len(blocks), every)]
    out = x
    for chunk in chunks:
        out = checkpoint(chunk, out, use_reentrant=False, preserve_rng_state=True)
    return out
