"""Forgets the initial distribution: the first column uses the emission probability alone."""

import math
from collections.abc import Sequence


class HMMTagger:
    def __init__(
        self, tags: Sequence[str], initial: dict, transition: dict, emission: dict
    ) -> None:
        log = lambda p: math.log(p) if p > 0 else -math.inf
        self.tags = list(tags)
        self.lt = [[log(transition.get(a, {}).get(b, 0.0)) for b in self.tags] for a in self.tags]
        self.le = {t: {w: log(p) for w, p in emission.get(t, {}).items()} for t in self.tags}

    def viterbi(self, observations: Sequence[str]) -> tuple[list[str], float]:
        n, words = len(self.tags), list(observations)
        for word in words:
            if all(self.le[t].get(word, -math.inf) == -math.inf for t in self.tags):
                raise KeyError(word)
        if not words:
            return [], 0.0
        emit = lambda j, w: self.le[self.tags[j]].get(w, -math.inf)
        score = [emit(j, words[0]) for j in range(n)]  # missing: + log initial[j]
        backs = []
        for word in words[1:]:
            row = [max(range(n), key=lambda i: score[i] + self.lt[i][j]) for j in range(n)]
            score = [score[row[j]] + self.lt[row[j]][j] + emit(j, word) for j in range(n)]
            backs.append(row)
        path = [max(range(n), key=lambda j: score[j])]
        for row in reversed(backs):
            path.append(row[path[-1]])
        path.reverse()
        return [self.tags[j] for j in path], score[path[-1]]
