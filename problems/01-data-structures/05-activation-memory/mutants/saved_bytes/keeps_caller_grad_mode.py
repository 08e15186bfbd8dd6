"""Profiles under whatever grad mode the caller set: under torch.no_grad() autograd saves nothing and the answer is 0."""

import torch
from torch import nn
from torch.autograd.graph import saved_tensors_hooks


def _profile(model: nn.Module, x: torch.Tensor) -> dict[str, int]:
    names = {id(m): name for name, m in model.named_modules()}
    state = {t.untyped_storage().data_ptr() for t in (*model.parameters(), *model.buffers())}
    running: list[str] = []
    owner: dict[int, str] = {}
    size: dict[int, int] = {}
    kept: list[torch.Tensor] = []

    def pack(t: torch.Tensor) -> torch.Tensor:
        ptr = t.untyped_storage().data_ptr()
        if ptr not in state:
            if ptr in owner:
                return t
            owner[ptr] = running[-1] if running else ""
            size[ptr] = t.untyped_storage().nbytes()
            kept.append(t)
        return t

    handles = [m.register_forward_pre_hook(lambda m, a: running.append(names[id(m)])) for m in model.modules()]

    def leave(m: nn.Module, a: tuple, o: object) -> None:
        running.pop()

    handles += [m.register_forward_hook(leave) for m in model.modules()]
    try:
        with saved_tensors_hooks(pack, lambda t: t):
            model(x)
    finally:
        for h in handles:
            h.remove()
    charged: dict[str, int] = {}
    for ptr, name in owner.items():
        charged[name] = charged.get(name, 0) + size[ptr]
    return charged


def saved_activation_bytes(model: nn.Module, x: torch.Tensor) -> int:
    return sum(_profile(model, x).values())


def saved_bytes_by_module(model: nn.Module, x: torch.Tensor) -> dict[str, int]:
    return _profile(model, x)
