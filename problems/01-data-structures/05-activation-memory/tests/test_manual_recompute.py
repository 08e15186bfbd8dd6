import pytest
import torch
import torch.utils.checkpoint as torch_checkpoint

from memory_helpers import assert_matches_plain, assert_memory_and_compute, make_blocks


def test_matches_plain_model(solution):
    # 7 blocks in segments of 3: [0:3], [3:6], [6:7]. x needs no gradient, as in a real batch.
    assert_matches_plain(solution, n=7, every=3)


def test_one_checkpoint_per_segment_and_one_extra_forward(solution):
    for every in (3, 2, 1, 7, 10):  # 3, 4, 7, 1 and 1 segments
        assert_memory_and_compute(solution, n=7, every=every)


def test_dropout_masks_are_replayed(solution):
    assert_matches_plain(solution, n=6, every=2, dropout=0.5)


def test_does_not_use_torch_utils_checkpoint(solution, monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("this variant recomputes by hand: torch.utils.checkpoint is off limits")

    # Both code paths of torch.utils.checkpoint.checkpoint (and checkpoint_sequential) go through these.
    monkeypatch.setattr(torch_checkpoint, "CheckpointFunction", type("Forbidden", (), {"apply": staticmethod(forbidden)}))
    monkeypatch.setattr(torch_checkpoint, "_checkpoint_without_reentrant_generator", forbidden)
    blocks, x = make_blocks(4, width=8), torch.randn(2, 8)
    solution.checkpointed_forward(blocks, x, 2).sum().backward()
    assert all(block.linear.weight.grad is not None for block in blocks)


@pytest.mark.hidden
def test_input_gradient_and_frozen_block(solution):
    assert_matches_plain(solution, n=5, every=2, x_requires_grad=True, freeze_first=True)


@pytest.mark.hidden
def test_bad_every_and_no_blocks(solution):
    blocks, x = make_blocks(3, width=4), torch.randn(2, 4)
    for every in (0, -2):
        with pytest.raises(ValueError):
            solution.checkpointed_forward(blocks, x, every)
    assert solution.checkpointed_forward([], x, 2) is x
