"""Greedy tagging: picks each word's most likely tag from the emissions alone, ignoring transitions.

It reports the log-probability of the tag sequence it chose, which is not the best one.
"""

import math
from collections.abc import Sequence


class HMMTagger:
    def __init__(
        self, tags: Sequence[str], initial: dict, transition: dict, emission: dict
    ) -> None:
        self.tags = list(tags)
        self.initial, self.transition, self.emission = initial, transition, emission

    def viterbi(self, observations: Sequence[str]) -> tuple[list[str], float]:
        words = list(observations)
        chosen = []
        for word in words:
            probs = [self.emission.get(t, {}).get(word, 0.0) for t in self.tags]
            if max(probs, default=0.0) <= 0:
                raise KeyError(word)
            chosen.append(self.tags[probs.index(max(probs))])
        total = 0.0
        for t, (tag, word) in enumerate(zip(chosen, words)):
            step = self.initial.get(tag, 0.0) if t == 0 else self.transition.get(chosen[t - 1], {}).get(tag, 0.0)
            p = step * self.emission[tag][word]
            total += math.log(p) if p > 0 else -math.inf
        return chosen, total
