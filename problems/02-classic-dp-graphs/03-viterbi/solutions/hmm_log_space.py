"""Viterbi decoding for an HMM part-of-speech tagger, in log space."""

import math
from collections.abc import Sequence


class HMMTagger:
    """A first-order hidden Markov model over `tags`, decoded with the Viterbi algorithm."""

    def __init__(
        self,
        tags: Sequence[str],
        initial: dict[str, float],
        transition: dict[str, dict[str, float]],
        emission: dict[str, dict[str, float]],
    ) -> None:
        """Store the model. All tables hold probabilities; a missing entry means probability 0.

        initial[tag] = P(first tag), transition[prev][tag] = P(tag | prev),
        emission[tag][word] = P(word | tag). The order of `tags` is the tie-breaking order.
        """
        # BEGIN SOLUTION: convert the tables to log-probabilities indexed by tag position
        def log(p: float) -> float:
            return math.log(p) if p > 0 else -math.inf

        self.tags = list(tags)
        self.log_initial = [log(initial.get(t, 0.0)) for t in self.tags]
        self.log_transition = [[log(transition.get(a, {}).get(b, 0.0)) for b in self.tags] for a in self.tags]
        self.log_emission: dict[str, list[float]] = {}
        for j, tag in enumerate(self.tags):
            for word, p in emission.get(tag, {}).items():
                row = self.log_emission.setdefault(word, [-math.inf] * len(self.tags))
                row[j] = log(p)
        # END SOLUTION

    def viterbi(self, observations: Sequence[str]) -> tuple[list[str], float]:
        """Return the most probable tag sequence for `observations` and its joint log-probability.

        Raises KeyError for a word that no tag emits with positive probability.
        """
        # BEGIN SOLUTION: fill the trellis with max-plus steps, keep backpointers, then backtrack
        n = len(self.tags)
        columns: list[list[float]] = []
        for word in observations:
            row = self.log_emission.get(word)
            if row is None or all(x == -math.inf for x in row):
                raise KeyError(word)
            columns.append(row)
        if not columns:
            return [], 0.0

        score = [self.log_initial[j] + columns[0][j] for j in range(n)]
        backpointers: list[list[int]] = []
        for emit in columns[1:]:
            new_score, back = [], []
            for j in range(n):
                best_i = 0
                best = score[0] + self.log_transition[0][j]
                for i in range(1, n):
                    candidate = score[i] + self.log_transition[i][j]
                    if candidate > best:  # strict: the lowest index keeps a tie
                        best_i, best = i, candidate
                new_score.append(best + emit[j])
                back.append(best_i)
            score = new_score
            backpointers.append(back)

        last = max(range(n), key=lambda j: score[j])  # max() keeps the first of equal values
        path = [last]
        for back in reversed(backpointers):
            path.append(back[path[-1]])
        path.reverse()
        return [self.tags[j] for j in path], score[last]
        # END SOLUTION
