"""Divides the log-probs by T but never renormalises: every score is scaled by 1/T, so the beam's choices never change with T."""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

NextLogProbs = Callable[[tuple[int, ...]], np.ndarray]


@dataclass(frozen=True)
class Hypothesis:
    """One result: the generated tokens and their summed log-probability under the tempered model."""

    tokens: tuple[int, ...]
    log_prob: float


class TopKBeamSearch:
    """Beam search on log_softmax(log_probs / T) that penalises siblings by their rank while selecting."""

    def __init__(
        self,
        next_log_probs: NextLogProbs,
        eos_id: int,
        beam_width: int,
        max_length: int,
        k: int,
        temperature: float = 1.0,
        diversity_penalty: float = 0.0,
    ) -> None:
        """Store the model and the settings.

        Raises ValueError if beam_width, max_length or k is below 1, temperature is not
        positive, or diversity_penalty is negative.
        """
        if beam_width < 1 or max_length < 1 or k < 1:
            raise ValueError(f"beam_width, max_length and k must be >= 1, got {beam_width}, {max_length}, {k}")
        if not temperature > 0:
            raise ValueError(f"temperature must be positive, got {temperature}")
        if diversity_penalty < 0:
            raise ValueError(f"diversity_penalty must be non-negative, got {diversity_penalty}")
        self.next_log_probs = next_log_probs
        self.eos_id = eos_id
        self.beam_width = beam_width
        self.max_length = max_length
        self.k = k
        self.temperature = temperature
        self.diversity_penalty = diversity_penalty

    def search(self) -> list[Hypothesis]:
        """Run the search; return at most k hypotheses, highest tempered log-probability first."""
        live: list[tuple[tuple[int, ...], float]] = [((), 0.0)]
        finished: list[tuple[tuple[int, ...], float]] = []
        for _ in range(self.max_length):
            # (selection score, tokens, tempered log-prob) for every finite candidate
            candidates: list[tuple[float, tuple[int, ...], float]] = []
            for tokens, log_prob in live:
                scaled = np.asarray(self.next_log_probs(tokens), dtype=np.float64) / self.temperature
                top = scaled.max()
                tempered = scaled
                siblings = sorted(np.flatnonzero(np.isfinite(tempered)).tolist(), key=lambda t: (-tempered[t], t))
                for rank, token in enumerate(siblings):
                    total = log_prob + float(tempered[token])
                    candidates.append((total - self.diversity_penalty * rank, tokens + (token,), total))
            candidates.sort(key=lambda candidate: (-candidate[0], candidate[1]))
            live = []
            for _, tokens, total in candidates[: self.beam_width]:
                if tokens[-1] == self.eos_id:
                    finished.append((tokens, total))
                else:
                    live.append((tokens, total))
            if not live:
                break
        finished.extend(live)
        ranked = [Hypothesis(tokens, total) for tokens, total in finished]
        ranked.sort(key=lambda hypothesis: (-hypothesis.log_prob, hypothesis.tokens))
        return ranked[: self.k]
