"""Beam search that stops as soon as no live hypothesis can beat the best finished one."""

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

    def decode(self) -> Hypothesis:
        """Run the search and return (tokens, score) of the best hypothesis it found.

        The candidates are every finished hypothesis (ending in EOS) and every live
        hypothesis still in the beam at the end. Stop early, after any step, once the best
        finished score is at least the best live score.
        """
        # BEGIN SOLUTION: the same search, plus a stop test after each step
        live_tokens: list[tuple[int, ...]] = [()]
        live_scores = np.zeros(1)
        finished: list[Hypothesis] = []
        best_finished = -np.inf
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
                    best_finished = max(best_finished, score)
                else:
                    next_tokens.append(tokens)
                    next_scores.append(score)
            live_tokens, live_scores = next_tokens, np.array(next_scores)
            if not live_tokens:
                break
            # Log-probabilities are <= 0, so no live hypothesis can ever score above its current score.
            if best_finished >= live_scores.max():
                break
        pool = finished + list(zip(live_tokens, live_scores.tolist()))
        return max(pool, key=lambda hypothesis: hypothesis[1])
        # END SOLUTION
