"""Measures the forward pass with tracemalloc, which never sees PyTorch's CPU tensor buffers (they bypass Python's allocator)."""

import tracemalloc

import torch
from torch import nn


def _traced_bytes(run) -> int:
    tracemalloc.start()
    try:
        kept = run()
        current, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del kept
    return current


def saved_activation_bytes(model: nn.Module, x: torch.Tensor) -> int:
    with torch.enable_grad():
        return _traced_bytes(lambda: model(x))


def saved_bytes_by_module(model: nn.Module, x: torch.Tensor) -> dict[str, int]:
    charged: dict[str, int] = {}
    for name, module in model.named_children():
        charged[name] = saved_activation_bytes(module, x)
        x = module(x)
    return charged
