"""Uses the plain |Y| ** alpha penalty instead of GNMT's ((5 + |Y|) / 6) ** alpha."""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

NextLogProbs = Callable[[tuple[int, ...]], np.ndarray]


@dataclass(frozen=True)
class Hypothesis:
    """One result: the generated tokens, their summed log-probability and the ranking score."""

    tokens: tuple[int, ...]
    log_prob: float
    score: float


class TopKBeamSearch:
    """Beam search that returns the k best hypotheses by length-normalised score."""

    def __init__(
        self,
        next_log_probs: NextLogProbs,
        eos_id: int,
        beam_width: int,
        max_length: int,
        k: int,
        alpha: float = 0.0,
    ) -> None:
        """Store the model and the settings.

        Raises ValueError if beam_width, max_length or k is below 1, or alpha is negative.
        """
        if beam_width < 1 or max_length < 1 or k < 1:
            raise ValueError(f"beam_width, max_length and k must be >= 1, got {beam_width}, {max_length}, {k}")
        if alpha < 0:
            raise ValueError(f"alpha must be non-negative, got {alpha}")
        self.next_log_probs = next_log_probs
        self.eos_id = eos_id
        self.beam_width = beam_width
        self.max_length = max_length
        self.k = k
        self.alpha = alpha

    def length_penalty(self, length: int) -> float:
        """GNMT's lp(Y) for a hypothesis of `length` tokens (EOS included)."""
        return float(length) ** self.alpha

    def search(self) -> list[Hypothesis]:
        """Run the search; return at most k hypotheses, best score first."""
        live: list[tuple[tuple[int, ...], float]] = [((), 0.0)]
        finished: list[tuple[tuple[int, ...], float]] = []
        for _ in range(self.max_length):
            candidates: list[tuple[float, tuple[int, ...]]] = []
            for tokens, log_prob in live:
                step = np.asarray(self.next_log_probs(tokens), dtype=np.float64)
                for token in np.flatnonzero(np.isfinite(step)):  # a zero-probability token is never kept
                    candidates.append((log_prob + float(step[token]), tokens + (int(token),)))
            candidates.sort(key=lambda candidate: (-candidate[0], candidate[1]))
            live = []
            for log_prob, tokens in candidates[: self.beam_width]:
                if tokens[-1] == self.eos_id:
                    finished.append((tokens, log_prob))  # out of the beam for good, never extended
                else:
                    live.append((tokens, log_prob))
            if not live:
                break
        finished.extend(live)  # prefixes that reached max_length without EOS are results too
        ranked = [Hypothesis(tokens, lp, lp / self.length_penalty(len(tokens))) for tokens, lp in finished]
        ranked.sort(key=lambda hypothesis: (-hypothesis.score, hypothesis.tokens))
        return ranked[: self.k]
