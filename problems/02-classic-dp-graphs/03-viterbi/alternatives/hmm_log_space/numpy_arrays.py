"""Builds dense log-probability arrays once and runs a NumPy max-plus recursion."""

from collections.abc import Sequence

import numpy as np


class HMMTagger:
    def __init__(self, tags: Sequence[str], initial: dict, transition: dict, emission: dict) -> None:
        self.tags = list(tags)
        self.index = {tag: k for k, tag in enumerate(self.tags)}
        n = len(self.tags)
        pi = np.zeros(n)
        a = np.zeros((n, n))
        for tag, p in initial.items():
            pi[self.index[tag]] = p
        for prev, row in transition.items():
            for tag, p in row.items():
                a[self.index[prev], self.index[tag]] = p
        self.vocab: dict[str, int] = {}
        for row in emission.values():
            for word in row:
                self.vocab.setdefault(word, len(self.vocab))
        b = np.zeros((n, len(self.vocab)))
        for tag, row in emission.items():
            for word, p in row.items():
                b[self.index[tag], self.vocab[word]] = p
        with np.errstate(divide="ignore"):
            self.log_pi, self.log_a, self.log_b = np.log(pi), np.log(a), np.log(b)

    def viterbi(self, observations: Sequence[str]) -> tuple[list[str], float]:
        ids = []
        for word in observations:
            if word not in self.vocab or not np.isfinite(self.log_b[:, self.vocab[word]]).any():
                raise KeyError(word)
            ids.append(self.vocab[word])
        if not ids:
            return [], 0.0
        delta = self.log_pi + self.log_b[:, ids[0]]
        psi = []
        for obs in ids[1:]:
            scores = delta[:, None] + self.log_a
            best = scores.argmax(axis=0)
            psi.append(best)
            delta = scores.max(axis=0) + self.log_b[:, obs]
        state = int(delta.argmax())
        total = float(delta[state])
        states = [state]
        for best in reversed(psi):
            state = int(best[state])
            states.append(state)
        return [self.tags[s] for s in reversed(states)], total
