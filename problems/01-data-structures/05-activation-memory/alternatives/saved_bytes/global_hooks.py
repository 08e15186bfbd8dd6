"""A profiler object with process-wide module hooks and a storage table, used as a context manager."""

import torch
from torch import nn
from torch.autograd.graph import saved_tensors_hooks
from torch.nn.modules.module import register_module_forward_hook, register_module_forward_pre_hook


class _Profiler:
    def __init__(self, model: nn.Module) -> None:
        self.names = {id(m): n for n, m in model.named_modules()}
        self.skip = {p.untyped_storage().data_ptr() for p in model.state_dict(keep_vars=True).values()}
        self.stack: list[str] = []
        self.storages: dict[int, tuple[str, int, torch.Tensor]] = {}

    def pack(self, t: torch.Tensor) -> torch.Tensor:
        key = t.untyped_storage().data_ptr()
        if key not in self.skip and key not in self.storages:
            self.storages[key] = (self.stack[-1] if self.stack else "", t.untyped_storage().nbytes(), t)
        return t

    def run(self, model: nn.Module, x: torch.Tensor) -> dict[str, int]:
        def enter(module: nn.Module, args: tuple) -> None:  # a hook that returns a value replaces the input
            self.stack.append(self.names.get(id(module), self.stack[-1] if self.stack else ""))

        def leave(module: nn.Module, args: tuple, output: object) -> None:  # ... or the output
            self.stack.pop()

        pre = register_module_forward_pre_hook(enter)
        post = register_module_forward_hook(leave)
        try:
            with torch.enable_grad(), saved_tensors_hooks(self.pack, lambda t: t):
                model(x)
        finally:
            pre.remove()
            post.remove()
        result: dict[str, int] = {}
        for name, size, _ in self.storages.values():
            result[name] = result.get(name, 0) + size
        return result


def saved_bytes_by_module(model: nn.Module, x: torch.Tensor) -> dict[str, int]:
    return _Profiler(model).run(model, x)


def saved_activation_bytes(model: nn.Module, x: torch.Tensor) -> int:
    return sum(_Profiler(model).run(model, x).values())
