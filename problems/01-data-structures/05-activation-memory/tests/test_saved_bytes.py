import pytest
import torch
from torch import nn

FP32 = 4


def tanh_chain(depth: int, width: int) -> nn.Sequential:
    torch.manual_seed(0)
    return nn.Sequential(*[layer for _ in range(depth) for layer in (nn.Linear(width, width), nn.Tanh())])


class TwoSlices(nn.Module):
    """Reads two column blocks of one input: both saved tensors are views of x's storage."""

    def __init__(self) -> None:
        super().__init__()
        self.left, self.right = nn.Linear(8, 4), nn.Linear(8, 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.left(x[:, :8]) + self.right(x[:, 8:16])


class Residual(nn.Module):
    def __init__(self, width: int) -> None:
        super().__init__()
        self.inner = nn.Linear(width, width)

    def forward(self, h: torch.Tensor) -> torch.Tensor:
        return h + torch.tanh(self.inner(h))  # tanh is called here, not in a submodule


class Net(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.blocks = nn.Sequential(Residual(8), Residual(8))

    def forward(self, h: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self.blocks(h))


def nonzero(charged: dict[str, int]) -> dict[str, int]:
    return {name: int(size) for name, size in charged.items() if size}


def test_counts_distinct_storages_at_full_size(solution):
    # Each Linear saves its input and each Tanh its output; a Tanh output *is* the next
    # Linear's input. Distinct storages: x and three Tanh outputs, 4 x 16 floats each.
    model, x = tanh_chain(depth=3, width=16), torch.randn(4, 16)
    assert solution.saved_activation_bytes(model, x) == 4 * (4 * 16 * FP32)
    # Two 4x8 views of a 4x32 input are saved: one storage of 512 bytes, counted once and in full.
    torch.manual_seed(4)
    assert solution.saved_activation_bytes(TwoSlices(), torch.randn(4, 32)) == 4 * 32 * FP32


def test_parameters_excluded(solution):
    # x needs a gradient, so the Linear also saves its weight (as weight.t()): model state, not counted.
    torch.manual_seed(1)
    model = nn.Linear(8, 4).double()
    x = torch.randn(5, 8, dtype=torch.float64, requires_grad=True)
    assert solution.saved_activation_bytes(model, x) == 5 * 8 * 8


@pytest.mark.part(2)
def test_charged_to_first_saver(solution):
    # The ReLU output is saved by the ReLU and again by the last Linear: charged to the ReLU.
    torch.manual_seed(2)
    model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 4))
    charged = solution.saved_bytes_by_module(model, torch.randn(2, 8))
    assert nonzero(charged) == {"0": 2 * 8 * FP32, "1": 2 * 16 * FP32}


@pytest.mark.part(2)
def test_functional_ops_charged_to_the_running_module(solution):
    torch.manual_seed(3)
    one = 3 * 8 * FP32
    charged = solution.saved_bytes_by_module(Net(), torch.randn(3, 8))
    assert nonzero(charged) == {"blocks.0.inner": one, "blocks.0": one, "blocks.1.inner": one, "blocks.1": one, "": one}


@pytest.mark.hidden
def test_buffers_excluded(solution):
    # Training-mode BatchNorm saves x, its weight, running_mean, running_var and two new
    # per-channel statistics; only x and the two statistics are activations.
    model = nn.BatchNorm1d(6)
    assert solution.saved_activation_bytes(model, torch.randn(5, 6)) == (5 * 6 + 6 + 6) * FP32


@pytest.mark.hidden
def test_profiles_training_forward_even_under_no_grad(solution):
    model, x = tanh_chain(depth=2, width=8), torch.randn(3, 8)
    with torch.no_grad():
        size = solution.saved_activation_bytes(model, x)
    assert type(size) is int
    assert size == 3 * (3 * 8 * FP32)


@pytest.mark.hidden
@pytest.mark.part(2)
def test_breakdown_sums_to_total(solution):
    model, x = tanh_chain(depth=4, width=12), torch.randn(5, 12)
    charged = nonzero(solution.saved_bytes_by_module(model, x))
    assert sum(charged.values()) == solution.saved_activation_bytes(model, x) == 5 * (5 * 12 * FP32)
    assert charged == {"0": 5 * 12 * FP32, **{str(i): 5 * 12 * FP32 for i in (1, 3, 5, 7)}}


@pytest.mark.hidden
@pytest.mark.part(2)
def test_reused_module_keeps_its_first_name(solution):
    torch.manual_seed(5)
    shared = nn.Linear(4, 4)
    model = nn.Sequential(shared, nn.Tanh(), shared)  # named_modules() lists `shared` once, as "0"
    charged = solution.saved_bytes_by_module(model, torch.randn(2, 4))
    assert nonzero(charged) == {"0": 2 * 4 * FP32, "1": 2 * 4 * FP32}
