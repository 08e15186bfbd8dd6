"""State is an immutable (n, mean, M2) tuple; update(x) merges with the one-sample summary (1, x, 0)."""


def _combine(a: tuple[int, float, float], b: tuple[int, float, float]) -> tuple[int, float, float]:
    n_a, mean_a, m2_a = a
    n_b, mean_b, m2_b = b
    n = n_a + n_b
    if n == 0:
        return (0, 0.0, 0.0)
    delta = mean_b - mean_a
    return (n, mean_a + delta * n_b / n, m2_a + m2_b + delta * delta * n_a * n_b / n)


class RunningStats:
    def __init__(self, state: tuple[int, float, float] = (0, 0.0, 0.0)) -> None:
        self.state = state

    @property
    def count(self) -> int:
        return self.state[0]

    @property
    def mean(self) -> float:
        if self.state[0] == 0:
            raise ValueError("empty accumulator")
        return self.state[1]

    def update(self, x: float) -> None:
        self.state = _combine(self.state, (1, float(x), 0.0))

    def variance(self, ddof: int = 0) -> float:
        n, _, m2 = self.state
        if n - ddof <= 0:
            raise ValueError("too few samples for ddof")
        return m2 / (n - ddof)

    def merge(self, other: "RunningStats") -> "RunningStats":
        return RunningStats(_combine(self.state, other.state))
