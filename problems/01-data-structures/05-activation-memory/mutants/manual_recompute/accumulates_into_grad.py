"""Reentrant style: backward calls torch.autograd.backward on the replayed segment, which writes parameter
gradients straight into .grad and returns None for them, so torch.autograd.grad(loss, params) gets nothing."""

import torch


def _run(segment, h):
    for block in segment:
        h = block(h)
    return h


class _Recompute(torch.autograd.Function):
    @staticmethod
    def forward(ctx, segment, x, *params):
        ctx.segment = segment
        ctx.rng_state = torch.get_rng_state()
        ctx.save_for_backward(x)
        return _run(segment, x)

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        x = x.detach().requires_grad_(ctx.needs_input_grad[1])
        with torch.enable_grad(), torch.random.fork_rng(devices=[]):
            torch.set_rng_state(ctx.rng_state)
            output = _run(ctx.segment, x)
        torch.autograd.backward(output, grad_output)
        return (None, x.grad, *[None] * (len(ctx.needs_input_grad) - 2))


def checkpointed_forward(blocks, x, every):
    if every < 1:
        raise ValueError("every must be positive")
    blocks = list(blocks)
    h = x
    for start in range(0, len(blocks), every):
        segment = blocks[start:start + every]
        h = _Recompute.apply(segment, h, *[p for b in segment for p in b.parameters()])
    return h
