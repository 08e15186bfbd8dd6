"""Turns off preserve_rng_state to save time: dropout draws new masks during recomputation, so gradients are wrong."""

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
    for start in range(0, len(blocks), every):
        h = checkpoint(_run, blocks[start:start + every], h, use_reentrant=False, preserve_rng_state=False)
    return h
