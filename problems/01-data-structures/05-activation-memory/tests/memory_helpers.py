"""Shared helpers for the checkpointing tests: counting blocks, a plain baseline, a saved-bytes probe."""

from collections.abc import Callable, Sequence

import torch
from torch import nn
from torch.autograd.graph import saved_tensors_hooks


class CountingBlock(nn.Module):
    """Linear -> (Dropout) -> Tanh, counting how often its forward runs."""

    def __init__(self, width: int, dropout: float = 0.0) -> None:
        super().__init__()
        self.linear = nn.Linear(width, width)
        self.dropout = nn.Dropout(dropout) if dropout else nn.Identity()
        self.calls = 0

    def forward(self, h: torch.Tensor) -> torch.Tensor:
        self.calls += 1
        return torch.tanh(self.dropout(self.linear(h)))


def make_blocks(n: int, width: int, dropout: float = 0.0, seed: int = 0) -> list[CountingBlock]:
    torch.manual_seed(seed)
    return [CountingBlock(width, dropout) for _ in range(n)]


def parameters(blocks: Sequence[nn.Module]) -> list[nn.Parameter]:
    return [p for block in blocks for p in block.parameters() if p.requires_grad]


def plain_forward(blocks: Sequence[nn.Module], x: torch.Tensor) -> torch.Tensor:
    for block in blocks:
        x = block(x)
    return x


def loss_of(output: torch.Tensor) -> torch.Tensor:
    """A loss with a non-uniform upstream gradient, the same for every run."""
    weights = torch.linspace(-1.0, 2.0, output.numel(), dtype=output.dtype).reshape(output.shape)
    return (output * weights).sum()


def saved_bytes(run: Callable[[], torch.Tensor], blocks: Sequence[nn.Module]) -> tuple[int, torch.Tensor]:
    """Bytes of distinct non-parameter storages saved for backward while `run()` executes."""
    state = {p.untyped_storage().data_ptr() for p in (q for block in blocks for q in block.parameters())}
    sizes: dict[int, int] = {}
    kept: list[torch.Tensor] = []

    def pack(tensor: torch.Tensor) -> torch.Tensor:
        storage = tensor.untyped_storage()
        if storage.data_ptr() not in state:
            sizes[storage.data_ptr()] = storage.nbytes()
            kept.append(tensor)
        return tensor

    with saved_tensors_hooks(pack, lambda tensor: tensor):
        output = run()
    return sum(sizes.values()), output


def assert_matches_plain(solution, n: int, every: int, x_requires_grad: bool = False, dropout: float = 0.0,
                         freeze_first: bool = False) -> None:
    """Same output and same gradients (via torch.autograd.grad) as running the blocks plainly."""
    blocks = make_blocks(n, width=16, dropout=dropout, seed=n + every)
    if freeze_first:
        blocks[0].requires_grad_(False)
    params = parameters(blocks)
    x = torch.randn(4, 16, requires_grad=x_requires_grad)
    inputs = [*params, x] if x_requires_grad else params

    torch.manual_seed(11)
    expected_out = plain_forward(blocks, x)
    expected = torch.autograd.grad(loss_of(expected_out), inputs)

    torch.manual_seed(11)
    out = solution.checkpointed_forward(blocks, x, every)
    assert out.shape == expected_out.shape
    torch.testing.assert_close(out, expected_out, rtol=1e-5, atol=1e-6)
    assert out.requires_grad, "the output must carry a graph back to the parameters"
    got = torch.autograd.grad(loss_of(out), inputs, allow_unused=True)
    for index, (g, e) in enumerate(zip(got, expected)):
        assert g is not None, f"no gradient reached input {index} of {len(inputs)} (a parameter or x)"
        torch.testing.assert_close(g, e, rtol=1e-5, atol=1e-6)


def assert_memory_and_compute(solution, n: int, every: int, batch: int = 8, width: int = 32) -> None:
    """Saved storages: one block input per segment. Compute: each block runs once forward, once again in backward."""
    blocks = make_blocks(n, width=width, seed=3)
    x = torch.randn(batch, width)
    size, out = saved_bytes(lambda: solution.checkpointed_forward(blocks, x, every), blocks)
    segments = -(-n // every)
    one_input = batch * width * x.element_size()
    assert size == segments * one_input, (
        f"n={n}, every={every}: saved {size} bytes = {size / one_input:g} block inputs; "
        f"expected {segments} (one per segment, the last included)")
    assert [b.calls for b in blocks] == [1] * n, "the forward pass should run each block exactly once"
    loss_of(out).backward()
    assert [b.calls for b in blocks] == [2] * n, (
        f"block forward calls after backward: {[b.calls for b in blocks]}; "
        "expected exactly one recomputation per block")
