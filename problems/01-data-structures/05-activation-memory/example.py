"""Where activation memory comes from, how to see it, and what checkpointing trades.

Run: python example.py   (CPU only, a few seconds)
"""

import math
import tracemalloc
import warnings

import torch
from torch import nn
from torch.autograd.graph import saved_tensors_hooks
from torch.utils.checkpoint import checkpoint_sequential

torch.manual_seed(0)

# 1. tracemalloc is blind to PyTorch's CPU buffers: they are not allocated through Python.
tracemalloc.start()
a = torch.randn(1000, 1000)  # 4 MB
b = a * 2  # another 4 MB
traced, _ = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(f"1. two tensors of {a.nbytes / 1e6:.0f} MB each; tracemalloc traced {traced} bytes\n")


# 2. What does one operation save for backward? Watch it with an identity pack hook.
def show_saved(label: str, run, named: dict[str, torch.Tensor]) -> None:
    """Run `run()` and say whose storage each tensor saved for backward belongs to."""
    saved: list[torch.Tensor] = []

    def pack(tensor: torch.Tensor) -> torch.Tensor:
        saved.append(tensor)
        return tensor

    with saved_tensors_hooks(pack, lambda tensor: tensor):
        output = run()
    known = {**named, "output": output}

    def owner(tensor: torch.Tensor) -> str:
        pointer = tensor.untyped_storage().data_ptr()
        return next((name for name, t in known.items() if t.untyped_storage().data_ptr() == pointer), "new")

    described = [f"{owner(t)} {tuple(t.shape)}" for t in saved]
    print(f"   {label:<36} saves: {', '.join(described) or 'nothing'}")


x = torch.randn(4, 8, requires_grad=True)
linear = nn.Linear(8, 3)
print("2. what single operations save (x needs a gradient here):")
show_saved("torch.tanh(x)", lambda: torch.tanh(x), {"x": x})
show_saved("nn.functional.gelu(x)", lambda: nn.functional.gelu(x), {"x": x})
show_saved("x * 2 + 1", lambda: x * 2 + 1, {"x": x})
show_saved("linear(x)", lambda: linear(x), {"x": x, "linear.weight": linear.weight})
data = torch.ones(4, 8)  # a batch: needs no gradient
show_saved("linear(data)", lambda: linear(data), {"data": data, "linear.weight": linear.weight})
print("   (the weight is saved as weight.t(), a (8, 3) view of the (3, 8) parameter)\n")

# 3. The trade-off for n blocks cut into segments of k (in blocks' worth of activations).
n = 100
print(f"3. n = {n} blocks, segments of k: stored between forward and backward vs rough peak")
print("      k   stored ceil(n/k)   peak ~ ceil(n/k) + k")
for k in (1, 2, 5, 10, 20, 50, 100):
    stored = math.ceil(n / k)
    print(f"   {k:4d}   {stored:16d}   {stored + k:18d}")
print(f"   minimum near k = sqrt(n) = {math.isqrt(n)}\n")


# 4. checkpoint_sequential leaves its last chunk un-checkpointed: count block calls.
class Counted(nn.Module):
    def __init__(self, width: int) -> None:
        super().__init__()
        self.layer, self.calls = nn.Linear(width, width), 0

    def forward(self, h: torch.Tensor) -> torch.Tensor:
        self.calls += 1
        return torch.tanh(self.layer(h))


blocks = nn.Sequential(*[Counted(16) for _ in range(8)])
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    out = checkpoint_sequential(blocks, 4, torch.randn(2, 16), use_reentrant=False)
out.sum().backward()
print("4. checkpoint_sequential(8 blocks, segments=4): forward calls per block after backward")
print("  ", [block.calls for block in blocks], " <- 2 = recomputed, 1 = activations kept")
