"""Checks each vocabulary token against a set of banned n-gram tuples (O(V) per call, independent
of the blocklist size) and selects the beam with heapq."""

import heapq

import numpy as np


class Constraint:
    def allowed_mask(self, prefix, vocab_size):
        raise NotImplementedError


class BannedTokens(Constraint):
    def __init__(self, token_ids):
        self.banned = set(token_ids)

    def allowed_mask(self, prefix, vocab_size):
        return [token not in self.banned for token in range(vocab_size)]


class BannedNGrams(Constraint):
    def __init__(self, ngrams):
        self.ngrams = {tuple(g) for g in ngrams}
        if () in self.ngrams:
            raise ValueError("empty n-gram")
        self.sizes = sorted({len(g) for g in self.ngrams})

    def allowed_mask(self, prefix, vocab_size):
        prefix = tuple(prefix)
        tails = [prefix[len(prefix) - (n - 1):] for n in self.sizes if n - 1 <= len(prefix)]
        return [not any(tail + (token,) in self.ngrams for tail in tails) for token in range(vocab_size)]


def constrained_beam_search(next_log_probs, eos_id, beam_width, max_length, constraints=()):
    if beam_width < 1 or max_length < 1:
        raise ValueError("beam_width and max_length must be positive")
    alive = [((), 0.0)]
    done = []
    for length in range(1, max_length + 1):
        pool = []
        for prefix, total in alive:
            lp = next_log_probs(prefix)
            masks = [c.allowed_mask(prefix, len(lp)) for c in constraints]
            for token in range(len(lp)):
                if length == max_length and token != eos_id:
                    continue
                if lp[token] == -np.inf or not all(m[token] for m in masks):
                    continue
                pool.append((prefix + (token,), total + float(lp[token])))
        chosen = heapq.nsmallest(beam_width, pool, key=lambda h: (-h[1], h[0]))
        done += [h for h in chosen if h[0][-1] == eos_id]
        alive = [h for h in chosen if h[0][-1] != eos_id]
        if not alive:
            break
    return min(done, key=lambda h: (-h[1], h[0])) if done else None
