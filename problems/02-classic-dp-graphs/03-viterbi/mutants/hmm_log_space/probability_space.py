"""Viterbi in probability space: multiplies probabilities, so a few hundred tokens underflow to 0.0.

Once every trellis cell is 0.0, all predecessors tie, the backpointers point at tag 0 and
the returned log-probability is log(0) = -inf.
"""

import math
from collections.abc import Sequence


class HMMTagger:
    def __init__(
        self, tags: Sequence[str], initial: dict, transition: dict, emission: dict
    ) -> None:
        self.tags = list(tags)
        self.initial = [initial.get(t, 0.0) for t in self.tags]
        self.transition = [[transition.get(a, {}).get(b, 0.0) for b in self.tags] for a in self.tags]
        self.emission = {t: emission.get(t, {}) for t in self.tags}

    def viterbi(self, observations: Sequence[str]) -> tuple[list[str], float]:
        n = len(self.tags)
        words = list(observations)
        for word in words:
            if not any(self.emission[t].get(word, 0.0) > 0 for t in self.tags):
                raise KeyError(word)
        if not words:
            return [], 0.0
        prob = [self.initial[j] * self.emission[self.tags[j]].get(words[0], 0.0) for j in range(n)]
        backs = []
        for word in words[1:]:
            new, back = [], []
            for j in range(n):
                i = max(range(n), key=lambda i: prob[i] * self.transition[i][j])
                new.append(prob[i] * self.transition[i][j] * self.emission[self.tags[j]].get(word, 0.0))
                back.append(i)
            prob, backs = new, backs + [back]
        last = max(range(n), key=lambda j: prob[j])
        path = [last]
        for back in reversed(backs):
            path.append(back[path[-1]])
        path.reverse()
        best = prob[last]
        return [self.tags[j] for j in path], math.log(best) if best > 0 else -math.inf
