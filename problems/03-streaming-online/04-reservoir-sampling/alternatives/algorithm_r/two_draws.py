"""Algorithm R with two independent draws: a coin with probability k/i, then a uniform slot."""


class ReservoirSampler:
    def __init__(self, k, rng):
        if not k >= 1:
            raise ValueError("k must be at least 1")
        self.k = k
        self.rng = rng
        self.items = []
        self.n = 0

    def add(self, item):
        self.n += 1
        if len(self.items) < self.k:
            self.items.append(item)
        elif self.rng.random() * self.n < self.k:
            self.items[self.rng.randint(0, self.k - 1)] = item

    def sample(self):
        return self.items.copy()
