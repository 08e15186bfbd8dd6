"""Gradient checkpointing by hand: a custom autograd.Function that recomputes in backward."""

from collections.abc import Sequence

import torch
from torch import nn
from torch.autograd.function import FunctionCtx


def _run(segment: Sequence[nn.Module], h: torch.Tensor) -> torch.Tensor:
    """Apply the blocks of `segment` to `h`, in order."""
    for block in segment:
        h = block(h)
    return h


class _RecomputeSegment(torch.autograd.Function):
    """Runs a segment without recording a graph and rebuilds that graph in backward."""

    @staticmethod
    def forward(ctx: FunctionCtx, segment: list[nn.Module], x: torch.Tensor, *params: torch.Tensor) -> torch.Tensor:  # type: ignore[override]
        # BEGIN SOLUTION: remember the segment and the RNG state, save only x, run the blocks
        ctx.segment = segment
        ctx.rng_state = torch.get_rng_state()
        ctx.save_for_backward(x)
        return _run(segment, x)  # grad mode is off inside Function.forward: nothing else is saved
        # END SOLUTION

    @staticmethod
    def backward(ctx: FunctionCtx, grad_output: torch.Tensor) -> tuple[torch.Tensor | None, ...]:  # type: ignore[override]
        # BEGIN SOLUTION: replay the segment with grad on and the same RNG, then differentiate it
        (x,) = ctx.saved_tensors
        params = [p for block in ctx.segment for p in block.parameters()]
        x = x.detach().requires_grad_(ctx.needs_input_grad[1])
        with torch.enable_grad(), torch.random.fork_rng(devices=[]):
            torch.set_rng_state(ctx.rng_state)
            output = _run(ctx.segment, x)
        needs = ctx.needs_input_grad[1:]
        wanted = [t for t, need in zip([x, *params], needs) if need]
        found = iter(torch.autograd.grad(output, wanted, grad_output, allow_unused=True))
        return (None, *[next(found) if need else None for need in needs])
        # END SOLUTION


def checkpointed_forward(blocks: Sequence[nn.Module], x: torch.Tensor, every: int) -> torch.Tensor:
    """Run `blocks` in order on `x`, recomputing each run of `every` consecutive blocks in backward.

    Segments are blocks[0:every], blocks[every:2*every], ...; the last one may be
    shorter and is treated the same way. Raises ValueError if `every` < 1.
    Must not use torch.utils.checkpoint.
    """
    # BEGIN SOLUTION: apply _RecomputeSegment to each segment, passing its parameters as inputs
    if every < 1:
        raise ValueError(f"every must be at least 1, got {every}")
    blocks = list(blocks)
    h = x
    for start in range(0, len(blocks), every):
        segment = blocks[start:start + every]
        h = _RecomputeSegment.apply(segment, h, *[p for block in segment for p in block.parameters()])
    return h
    # END SOLUTION
