"""No hooks on saved tensors: walk the autograd graph after the forward and read each node's `_saved_*` tensors.

Per-module attribution: a module claims the graph nodes created between its pre-hook and
its hook (reachable from its output, not from what existed before it started); each
storage goes to the module of the earliest-created node (lowest sequence number) saving it.
"""

import torch
from torch import nn


def _nodes(roots) -> list:
    seen, stack, out = set(), [r for r in roots if r is not None], []
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        out.append(node)
        stack.extend(next_node for next_node, _ in node.next_functions if next_node is not None)
    return out


def _saved_storages(node):
    for name in dir(node):
        if name.startswith("_saved_"):
            try:
                value = getattr(node, name)
            except RuntimeError:
                continue
            for item in value if isinstance(value, (tuple, list)) else (value,):
                if isinstance(item, torch.Tensor):
                    yield item.untyped_storage()


def _roots(value) -> list:
    if isinstance(value, torch.Tensor):
        return [value.grad_fn]
    if isinstance(value, (tuple, list)):
        return [root for item in value for root in _roots(item)]
    if isinstance(value, dict):
        return _roots(list(value.values()))
    return []


def saved_bytes_by_module(model: nn.Module, x: torch.Tensor) -> dict[str, int]:
    names = {id(m): name for name, m in model.named_modules()}
    owner: dict = {}
    before: list[set] = []

    def enter(module, args):
        before.append(set(_nodes(_roots(args))))

    def leave(module, args, output):
        existed = before.pop()
        for node in _nodes(_roots(output)):
            if node not in existed and node not in owner:
                owner[node] = names[id(module)]

    handles = [m.register_forward_pre_hook(enter) for m in model.modules()]
    handles += [m.register_forward_hook(leave) for m in model.modules()]
    try:
        with torch.enable_grad():
            output = model(x)
    finally:
        for handle in handles:
            handle.remove()
    state = {t.untyped_storage().data_ptr() for t in (*model.parameters(), *model.buffers())}
    first: dict[int, tuple[int, str, int]] = {}
    for node in _nodes(_roots(output)):
        for storage in _saved_storages(node):
            key = storage.data_ptr()
            if key in state:
                continue
            candidate = (node._sequence_nr(), owner.get(node, ""), storage.nbytes())
            if key not in first or candidate < first[key]:
                first[key] = candidate
    charged: dict[str, int] = {}
    for _, name, size in first.values():
        charged[name] = charged.get(name, 0) + size
    return charged


def saved_activation_bytes(model: nn.Module, x: torch.Tensor) -> int:
    return sum(saved_bytes_by_module(model, x).values())
