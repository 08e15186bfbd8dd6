"""Backtracks with the backpointers of the wrong time step: path[t-1] is read from step t-1's table.

The backpointer stored at step t says which tag at t-1 led to each tag at t. Reading
the table of step t-1 instead shifts the whole path by one position (and the first tag
always comes from the dummy table of step 0).
"""

import math
from collections.abc import Sequence


class HMMTagger:
    def __init__(
        self, tags: Sequence[str], initial: dict, transition: dict, emission: dict
    ) -> None:
        log = lambda p: math.log(p) if p > 0 else -math.inf
        self.tags = list(tags)
        self.li = [log(initial.get(t, 0.0)) for t in self.tags]
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
        score = [self.li[j] + emit(j, words[0]) for j in range(n)]
        back = [[0] * n]  # back[t][j]: best tag at t-1 for tag j at t
        for word in words[1:]:
            row = [max(range(n), key=lambda i: score[i] + self.lt[i][j]) for j in range(n)]
            score = [score[row[j]] + self.lt[row[j]][j] + emit(j, word) for j in range(n)]
            back.append(row)
        path = [0] * len(words)
        path[-1] = max(range(n), key=lambda j: score[j])
        for t in range(len(words) - 1, 0, -1):
            path[t - 1] = back[t - 1][path[t]]  # should be back[t]
        return [self.tags[j] for j in path], score[path[-1]]
