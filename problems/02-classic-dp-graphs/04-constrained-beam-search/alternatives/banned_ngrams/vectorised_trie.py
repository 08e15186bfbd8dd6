"""Trie of banned n-grams walked backwards from the end of the prefix; the search scores the
whole beam as one matrix, keeps only finite entries and stops early once nothing alive can win."""

from collections.abc import Callable, Iterable, Sequence

import numpy as np


class Constraint:
    def allowed_mask(self, prefix: tuple[int, ...], vocab_size: int) -> np.ndarray:
        raise NotImplementedError


class BannedTokens(Constraint):
    def __init__(self, token_ids: Iterable[int]) -> None:
        self.ids = np.array(sorted(set(token_ids)), dtype=np.int64)

    def allowed_mask(self, prefix: tuple[int, ...], vocab_size: int) -> np.ndarray:
        mask = np.full(vocab_size, True)
        mask[self.ids] = False
        return mask


class BannedNGrams(Constraint):
    """Trie keyed on the context read backwards: root -> last context token -> one before ..."""

    def __init__(self, ngrams: Iterable[Sequence[int]]) -> None:
        self.root: dict = {"banned": set(), "children": {}}
        self.depth = 0
        for ngram in ngrams:
            ngram = list(ngram)
            if len(ngram) == 0:
                raise ValueError("empty n-gram")
            node = self.root
            for token in reversed(ngram[:-1]):
                node = node["children"].setdefault(token, {"banned": set(), "children": {}})
            node["banned"].add(ngram[-1])
            self.depth = max(self.depth, len(ngram) - 1)

    def allowed_mask(self, prefix: tuple[int, ...], vocab_size: int) -> np.ndarray:
        mask = np.full(vocab_size, True)
        node = self.root
        banned = set(node["banned"])
        for back in range(1, min(self.depth, len(prefix)) + 1):
            node = node["children"].get(prefix[-back])
            if node is None:
                break
            banned |= node["banned"]
        if banned:
            mask[list(banned)] = False
        return mask


def constrained_beam_search(
    next_log_probs: Callable[[tuple[int, ...]], np.ndarray],
    eos_id: int,
    beam_width: int,
    max_length: int,
    constraints: Sequence[Constraint] = (),
):
    if beam_width <= 0 or max_length <= 0:
        raise ValueError("bad beam_width or max_length")
    prefixes: list[tuple[int, ...]] = [()]
    scores = np.zeros(1)
    best = None
    for position in range(max_length):
        rows = np.stack([np.array(next_log_probs(p), dtype=float) for p in prefixes])
        vocab = rows.shape[1]
        for i, p in enumerate(prefixes):
            for c in constraints:
                rows[i, ~np.asarray(c.allowed_mask(p, vocab), dtype=bool)] = -np.inf
        if position == max_length - 1:
            keep = rows[:, eos_id].copy()
            rows[:] = -np.inf
            rows[:, eos_id] = keep
        total = scores[:, None] + rows
        flat = np.flatnonzero(np.isfinite(total))
        ranked = sorted(flat, key=lambda f: (-total.flat[f], prefixes[f // vocab], f % vocab))[:beam_width]
        new_prefixes, new_scores = [], []
        for f in ranked:
            tokens, value = prefixes[f // vocab] + (int(f % vocab),), float(total.flat[f])
            if tokens[-1] == eos_id:
                if best is None or (-value, tokens) < (-best[1], best[0]):
                    best = (tokens, value)
            else:
                new_prefixes.append(tokens)
                new_scores.append(value)
        if not new_prefixes:
            break
        if best is not None and best[1] > max(new_scores):
            break  # scores only go down: nothing alive can overtake the best finished one
        prefixes, scores = new_prefixes, np.array(new_scores)
    return best
