"""Diverse beam search with a Jaccard token-set penalty, returning one merged list."""

from collections.abc import Callable, Sequence

import numpy as np

NextLogProbs = Callable[[tuple[int, ...]], np.ndarray]
Hypothesis = tuple[tuple[int, ...], float]


def jaccard_similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """|A ∩ B| / |A ∪ B| for the sets A and B of tokens in a and b; 1.0 if both are empty."""
    # BEGIN SOLUTION: compare the two token sets, not the sequences
    set_a, set_b = set(a), set(b)
    if not set_a and not set_b:
        return 1.0
    return len(set_a & set_b) / len(set_a | set_b)
    # END SOLUTION


class DiverseBeamSearch:
    """Beam search split into groups; a group pays for overlap with the prefixes earlier groups just chose."""

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
        # BEGIN SOLUTION: step the groups in order; penalise each candidate by its Jaccard overlap with the extensions earlier groups kept at this step
        width = self.group_width
        live: list[list[Hypothesis]] = [[((), 0.0)] for _ in range(self.num_groups)]
        finished: list[list[Hypothesis]] = [[] for _ in range(self.num_groups)]
        for _ in range(self.max_length):
            if not any(live):
                break
            kept_sets: list[set[int]] = []  # token sets of the extensions kept at this step so far
            for g in range(self.num_groups):
                if not live[g]:
                    continue
                rows = np.stack([np.asarray(self.next_log_probs(tokens), dtype=np.float64) for tokens, _ in live[g]])
                vocab = rows.shape[1]
                totals = np.array([score for _, score in live[g]])[:, None] + rows
                penalty = np.zeros_like(totals)
                for i, (tokens, _) in enumerate(live[g]):
                    parent = set(tokens)
                    in_parent = np.zeros(vocab, dtype=bool)
                    in_parent[list(parent)] = True
                    for kept in kept_sets:
                        in_kept = np.zeros(vocab, dtype=bool)
                        in_kept[list(kept)] = True
                        # The candidate's set is the parent's set plus token v: adjust the parent's counts.
                        inter = len(parent & kept) + (in_kept & ~in_parent)
                        union = len(parent | kept) + (~in_kept & ~in_parent)
                        penalty[i] += inter / union
                keys = (totals - self.strength * penalty).ravel()  # for selection only
                keep = min(width, keys.size)
                best = np.argpartition(-keys, keep - 1)[:keep]
                survivors: list[Hypothesis] = []
                chosen_sets: list[set[int]] = []
                for flat in best:
                    parent_index, token = divmod(int(flat), vocab)
                    tokens = live[g][parent_index][0] + (token,)
                    (finished[g] if token == self.eos_id else survivors).append((tokens, float(totals.flat[flat])))
                    chosen_sets.append(set(tokens))
                live[g] = survivors
                kept_sets += chosen_sets  # visible to later groups only
        results: list[Hypothesis] = []
        for g in range(self.num_groups):
            pool = sorted(finished[g] + live[g], key=lambda hypothesis: hypothesis[1], reverse=True)
            results += pool[:width]
        results.sort(key=lambda hypothesis: hypothesis[1], reverse=True)
        return results
        # END SOLUTION
