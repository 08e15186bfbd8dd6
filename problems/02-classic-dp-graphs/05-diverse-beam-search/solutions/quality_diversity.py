"""Diverse beam search with Hamming diversity, and the quality-diversity curve it traces as the strength grows."""

from collections.abc import Callable, Sequence

import numpy as np

NextLogProbs = Callable[[tuple[int, ...]], np.ndarray]
Hypothesis = tuple[tuple[int, ...], float]


class DiverseBeamSearch:
    """Beam search split into groups; a group pays for the tokens earlier groups just chose."""

    def __init__(
        self,
        next_log_probs: NextLogProbs,
        eos_id: int,
        beam_width: int,
        num_groups: int,
        diversity_strength: float,
        max_length: int,
    ) -> None:
        """Store the model and the settings.

        Raise ValueError if beam_width, num_groups or max_length is below 1, if num_groups
        does not divide beam_width, or if diversity_strength is negative.
        """
        # BEGIN SOLUTION: validate the five settings, then store them
        if beam_width < 1 or num_groups < 1 or max_length < 1:
            raise ValueError("beam_width, num_groups and max_length must be at least 1")
        if beam_width % num_groups:
            raise ValueError(f"num_groups ({num_groups}) must divide beam_width ({beam_width})")
        if diversity_strength < 0:
            raise ValueError(f"diversity_strength must be non-negative, got {diversity_strength}")
        self.next_log_probs = next_log_probs
        self.eos_id = eos_id
        self.group_width = beam_width // num_groups
        self.num_groups = num_groups
        self.strength = float(diversity_strength)
        self.max_length = max_length
        # END SOLUTION

    def search(self) -> list[Hypothesis]:
        """Run the search; return every group's beam_width // num_groups best hypotheses
        (tokens, score) in one list, ranked by model log-probability, best first."""
        # BEGIN SOLUTION: step the groups in order at every step, penalising tokens earlier groups kept at this step
        width = self.group_width
        live: list[list[Hypothesis]] = [[((), 0.0)] for _ in range(self.num_groups)]
        finished: list[list[Hypothesis]] = [[] for _ in range(self.num_groups)]
        for _ in range(self.max_length):
            if not any(live):
                break
            counts: np.ndarray | None = None  # how often each token was kept at this step so far
            for g in range(self.num_groups):
                if not live[g]:
                    continue
                rows = np.stack([np.asarray(self.next_log_probs(tokens), dtype=np.float64) for tokens, _ in live[g]])
                vocab = rows.shape[1]
                if counts is None:
                    counts = np.zeros(vocab)
                totals = np.array([score for _, score in live[g]])[:, None] + rows  # model log-probabilities
                keys = (totals - self.strength * counts).ravel()  # penalised copy, for selection only
                keep = min(width, keys.size)
                best = np.argpartition(-keys, keep - 1)[:keep]
                survivors: list[Hypothesis] = []
                for flat in best:
                    parent, token = divmod(int(flat), vocab)
                    hypothesis = (live[g][parent][0] + (token,), float(totals.flat[flat]))
                    (finished[g] if token == self.eos_id else survivors).append(hypothesis)
                live[g] = survivors
                counts += np.bincount(best % vocab, minlength=vocab)  # only after group g has chosen
        results: list[Hypothesis] = []
        for g in range(self.num_groups):
            pool = sorted(finished[g] + live[g], key=lambda hypothesis: hypothesis[1], reverse=True)
            results += pool[:width]
        results.sort(key=lambda hypothesis: hypothesis[1], reverse=True)
        return results
        # END SOLUTION


def quality_diversity_curve(
    next_log_probs: NextLogProbs,
    eos_id: int,
    beam_width: int,
    num_groups: int,
    max_length: int,
    strengths: Sequence[float],
) -> list[tuple[float, float]]:
    """For each diversity strength, run the search and summarise its merged result list as
    (mean model log-probability, mean pairwise Jaccard distance between token sets)."""
    # BEGIN SOLUTION: one search per strength; average the scores and 1 - Jaccard over all unordered pairs
    curve = []
    for strength in strengths:
        results = DiverseBeamSearch(next_log_probs, eos_id, beam_width, num_groups, strength, max_length).search()
        quality = sum(score for _, score in results) / len(results)
        sets = [set(tokens) for tokens, _ in results]
        distances = [
            1.0 - len(sets[i] & sets[j]) / len(sets[i] | sets[j])
            for i in range(len(sets))
            for j in range(i + 1, len(sets))
        ]
        diversity = sum(distances) / len(distances) if distances else 0.0
        curve.append((quality, diversity))
    return curve
    # END SOLUTION
