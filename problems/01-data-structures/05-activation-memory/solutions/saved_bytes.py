"""Profile the activation memory that autograd keeps alive for the backward pass."""

import torch
from torch import nn
from torch.autograd.graph import saved_tensors_hooks


def saved_activation_bytes(model: nn.Module, x: torch.Tensor) -> int:
    """Bytes of the distinct storages autograd saves for backward while running `model(x)`.

    Each storage counts once, at its full size; the storages of the model's parameters
    and buffers are left out. The forward runs with gradient recording on.
    """
    # BEGIN SOLUTION: observe every saved tensor with an identity pack hook; sum distinct storages
    state = {t.untyped_storage().data_ptr() for t in (*model.parameters(), *model.buffers())}
    sizes: dict[int, int] = {}
    kept: list[torch.Tensor] = []  # keeps each storage alive, so no address is reused mid-run

    def pack(tensor: torch.Tensor) -> torch.Tensor:
        storage = tensor.untyped_storage()
        if storage.data_ptr() not in state:
            sizes[storage.data_ptr()] = storage.nbytes()
            kept.append(tensor)
        return tensor

    with torch.enable_grad(), saved_tensors_hooks(pack, lambda tensor: tensor):
        model(x)
    return sum(sizes.values())
    # END SOLUTION


def saved_bytes_by_module(model: nn.Module, x: torch.Tensor) -> dict[str, int]:
    """Split the bytes counted by `saved_activation_bytes` by the module that saved them.

    A storage is charged to the innermost module whose forward is running when the
    storage is saved for the first time. Keys are names from `model.named_modules()`
    (`""` is the model itself); modules charged nothing may be left out.
    """
    # BEGIN SOLUTION: track the running module with forward pre-hooks and hooks; charge first saves
    names = {id(module): name for name, module in model.named_modules()}
    state = {t.untyped_storage().data_ptr() for t in (*model.parameters(), *model.buffers())}
    running: list[str] = []
    charged: dict[str, int] = {}
    seen: set[int] = set()
    kept: list[torch.Tensor] = []

    def enter(module: nn.Module, args: tuple) -> None:
        running.append(names[id(module)])

    def leave(module: nn.Module, args: tuple, output: object) -> None:
        running.pop()

    def pack(tensor: torch.Tensor) -> torch.Tensor:
        storage = tensor.untyped_storage()
        pointer = storage.data_ptr()
        if pointer not in state and pointer not in seen:
            seen.add(pointer)
            kept.append(tensor)
            owner = running[-1] if running else ""
            charged[owner] = charged.get(owner, 0) + storage.nbytes()
        return tensor

    handles = []
    for module in model.modules():
        handles.append(module.register_forward_pre_hook(enter))
        handles.append(module.register_forward_hook(leave))
    try:
        with torch.enable_grad(), saved_tensors_hooks(pack, lambda tensor: tensor):
            model(x)
    finally:
        for handle in handles:
            handle.remove()
    return charged
    # END SOLUTION
