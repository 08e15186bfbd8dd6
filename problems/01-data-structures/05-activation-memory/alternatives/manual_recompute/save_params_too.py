"""Independent take: the segment's parameters travel through save_for_backward as well (they are model
state, so they cost no activation memory), and the RNG state is restored by hand instead of fork_rng."""

import torch


class _Replay(torch.autograd.Function):
    @staticmethod
    def forward(ctx, run, x, *params):
        ctx.run = run
        ctx.rng = torch.get_rng_state()
        ctx.save_for_backward(x, *params)
        return run(x)

    @staticmethod
    def backward(ctx, grad):
        x, *params = ctx.saved_tensors
        x = x.detach()
        x.requires_grad = ctx.needs_input_grad[1]
        outer_rng = torch.get_rng_state()
        torch.set_rng_state(ctx.rng)
        try:
            with torch.enable_grad():
                out = ctx.run(x)
        finally:
            torch.set_rng_state(outer_rng)
        targets = [(i, t) for i, t in enumerate([x, *params]) if ctx.needs_input_grad[i + 1]]
        grads = torch.autograd.grad([out], [t for _, t in targets], [grad], allow_unused=True)
        result = [None] * (1 + len(params))
        for (i, _), g in zip(targets, grads):
            result[i] = g
        return (None, *result)


def checkpointed_forward(blocks, x, every):
    if not isinstance(every, int) or every < 1:
        raise ValueError(f"every must be a positive int, got {every!r}")
    blocks = list(blocks)
    for i in range(0, len(blocks), every):
        segment = blocks[i:i + every]

        def run(h, segment=segment):
            for block in segment:
                h = block(h)
            return h

        x = _Replay.apply(run, x, *(p for block in segment for p in block.parameters()))
    return x
