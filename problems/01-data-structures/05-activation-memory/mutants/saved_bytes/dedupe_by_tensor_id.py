"""Removes duplicates by id(tensor): two views of one storage are different objects, so the storage counts twice."""

import torch
from torch import nn
from torch.autograd.graph import saved_tensors_hooks


def _profile(model: nn.Module, x: torch.Tensor) -> dict[str, int]:
    names = {id(m): name for name, m in model.named_modules()}
    state = {t.untyped_storage().data_ptr() for t in (*model.parameters(), *model.buffers())}
    running: list[str] = []
    seen: dict[int, torch.Tensor] = {}
    charged: dict[str, int] = {}

    def pack(t: torch.Tensor) -> torch.Tensor:
        if t.untyped_storage().data_ptr() not in state and id(t) not in seen:
            seen[id(t)] = t
            owner = running[-1] if running else ""
            charged[owner] = charged.get(owner, 0) + t.untyped_storage().nbytes()
        return t

    handles = [m.register_forward_pre_hook(lambda m, a: running.append(names[id(m)])) for m in model.modules()]

    def leave(m: nn.Module, a: tuple, o: object) -> None:
        running.pop()

    handles += [m.register_forward_hook(leave) for m in model.modules()]
    try:
        with torch.enable_grad(), saved_tensors_hooks(pack, lambda t: t):
            model(x)
    finally:
        for h in handles:
            h.remove()
    return charged


def saved_activation_bytes(model: nn.Module, x: torch.Tensor) -> int:
    return sum(_profile(model, x).values())


def saved_bytes_by_module(model: nn.Module, x: torch.Tensor) -> dict[str, int]:
    return _profile(model, x)
