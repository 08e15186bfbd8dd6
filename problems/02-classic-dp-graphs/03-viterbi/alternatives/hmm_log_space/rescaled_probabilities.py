"""Stays in probability space but rescales every trellis column so that its maximum is 1.

Rescaling a column by a positive constant changes no argmax, so the path is unchanged;
the log of each scale factor is accumulated to recover the exact log-probability.
"""

import math
from collections.abc import Sequence


class HMMTagger:
    def __init__(self, tags: Sequence[str], initial: dict, transition: dict, emission: dict) -> None:
        self.tags = list(tags)
        self.initial = initial
        self.transition = transition
        self.emission = emission

    def _emit(self, tag: str, word: str) -> float:
        return self.emission.get(tag, {}).get(word, 0.0)

    def viterbi(self, observations: Sequence[str]) -> tuple[list[str], float]:
        words = list(observations)
        for word in words:
            if not any(self._emit(tag, word) > 0 for tag in self.tags):
                raise KeyError(word)
        if not words:
            return [], 0.0
        column = {tag: self.initial.get(tag, 0.0) * self._emit(tag, words[0]) for tag in self.tags}
        log_scale = 0.0
        history: list[dict[str, str]] = []
        for word in words[1:]:
            peak = max(column.values())
            log_scale += math.log(peak)
            column = {tag: value / peak for tag, value in column.items()}
            new_column, pointers = {}, {}
            for tag in self.tags:
                best_prev, best_value = None, -1.0
                for prev in self.tags:
                    value = column[prev] * self.transition.get(prev, {}).get(tag, 0.0)
                    if value > best_value:
                        best_prev, best_value = prev, value
                new_column[tag] = best_value * self._emit(tag, word)
                pointers[tag] = best_prev
            column = new_column
            history.append(pointers)
        final = max(self.tags, key=lambda tag: column[tag])
        path = [final]
        for pointers in reversed(history):
            path.append(pointers[path[-1]])
        path.reverse()
        return path, log_scale + math.log(column[final])
