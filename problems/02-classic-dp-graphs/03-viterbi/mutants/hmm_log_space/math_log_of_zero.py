"""Takes math.log of every table entry, including the zeros of missing entries: math.log(0.0)
raises ValueError (only np.log returns -inf), so any word that some tag cannot emit crashes.
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
        words, n = list(observations), len(self.tags)
        for word in words:
            if not any(self.emission.get(t, {}).get(word, 0.0) > 0 for t in self.tags):
                raise KeyError(word)
        if not words:
            return [], 0.0
        emit = lambda j, w: math.log(self.emission.get(self.tags[j], {}).get(w, 0.0))
        trans = lambda i, j: math.log(self.transition.get(self.tags[i], {}).get(self.tags[j], 0.0))
        score = [math.log(self.initial.get(self.tags[j], 0.0)) + emit(j, words[0]) for j in range(n)]
        backs = []
        for word in words[1:]:
            row = [max(range(n), key=lambda i: score[i] + trans(i, j)) for j in range(n)]
            score = [score[row[j]] + trans(row[j], j) + emit(j, word) for j in range(n)]
            backs.append(row)
        path = [max(range(n), key=lambda j: score[j])]
        for row in reversed(backs):
            path.append(row[path[-1]])
        path.reverse()
        return [self.tags[j] for j in path], score[path[-1]]
