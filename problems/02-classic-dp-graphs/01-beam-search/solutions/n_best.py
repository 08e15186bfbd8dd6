"""Beam search over a next-token model, returning a ranked n-best list."""

from collections.abc import Callable

import numpy as np

NextLogProbs = Callable[[tuple[int, ...]], np.ndarray]
Hypothesis = tuple[tuple[int, ...], float]


class BeamSearch:
    """Left-to-right beam search: keep the `beam_width` best prefixes at every step."""

    def __init__(self, next_log_probs: NextLogProbs, eos_id: int, beam_width: int, max_length: int) -> None:
        """Store the model and the settings; raise ValueError if beam_width or max_length is below 1."""
        # BEGIN SOLUTION: validate beam_width and max_length, then store the four settings
        if beam_width < 1:
            raise ValueError(f"beam_width must be at least 1, got {beam_width}")
        if max_length < 1:
            raise ValueError(f"max_length must be at least 1, got {max_length}")
        self.next_log_probs = next_log_probs
        self.eos_id = eos_id
        self.beam_width = beam_width
        self.max_length = max_length
        # END SOLUTION

    def search(self, n: int) -> list[Hypothesis]:
        """Run the search and return its n best hypotheses as (tokens, score), best first.

        The pool is every finished hypothesis (ending in EOS) and every live hypothesis
        still in the beam after max_length steps; return fewer than n if the pool is
        smaller. Raise ValueError if n is below 1.
        """
        # BEGIN SOLUTION: run the search keeping every finished hypothesis, then rank the pool
        if n < 1:
            raise ValueError(f"n must be at least 1, got {n}")
        live_tokens: list[tuple[int, ...]] = [()]
        live_scores = np.zeros(1)
        finished: list[Hypothesis] = []
        for _ in range(self.max_length):
            # One model call per live hypothesis; row i holds the scores of its V extensions.
            step = np.stack([np.asarray(self.next_log_probs(tokens), dtype=np.float64) for tokens in live_tokens])
            totals = (live_scores[:, None] + step).ravel()
            keep = min(self.beam_width, totals.size)
            best = np.argpartition(-totals, keep - 1)[:keep]  # global top-B over all B x V candidates
            vocab = step.shape[1]
            next_tokens: list[tuple[int, ...]] = []
            next_scores: list[float] = []
            for flat in best:
                parent, token = divmod(int(flat), vocab)
                tokens, score = live_tokens[parent] + (token,), float(totals[flat])
                if token == self.eos_id:
                    finished.append((tokens, score))  # leaves the beam, never extended again
                else:
                    next_tokens.append(tokens)
                    next_scores.append(score)
            live_tokens, live_scores = next_tokens, np.array(next_scores)
            if not live_tokens:
                break
        pool = finished + list(zip(live_tokens, live_scores.tolist()))
        pool.sort(key=lambda hypothesis: hypothesis[1], reverse=True)
        return pool[:n]
        # END SOLUTION
