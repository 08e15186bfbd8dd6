"""Test helpers: the statement's hashing rule, oracle sketches and seeded Zipf streams.

The statement fixes how an item becomes a key and how a key becomes a column, so given a
sketch's `hash_params` the tests can recompute every counter independently of the code
under test.
"""

import hashlib
import json
import os
import subprocess
import sys
from collections import Counter

import numpy as np

PRIME = (1 << 61) - 1

# The worked example of statement.md: 2 rows x 4 columns with fixed hash parameters.
EXAMPLE_PARAMS = [(18, 3), (2, 5)]
EXAMPLE_STREAM = [("weather", 1), ("news", 1), ("weather", 1), ("maps", 1), ("news", 2), ("weather", 1), ("pizza", 1)]


def key(item: str) -> int:
    return int.from_bytes(hashlib.blake2b(item.encode("utf-8"), digest_size=8).digest(), "big")


def columns(params, width: int, item: str) -> list[int]:
    k = key(item)
    return [((a * k + b) % PRIME) % width for a, b in params]


def plain_table(params, width: int, stream) -> np.ndarray:
    """Counters of a plain Count-Min sketch after the (item, count) stream."""
    table = np.zeros((len(params), width), dtype=np.int64)
    for item, count in stream:
        for row, column in enumerate(columns(params, width, item)):
            table[row, column] += count
    return table


def conservative_table(params, width: int, stream) -> np.ndarray:
    """Counters of a conservative-update sketch: raise each counter to max(counter, estimate + count)."""
    table = np.zeros((len(params), width), dtype=np.int64)
    for item, count in stream:
        cells = list(enumerate(columns(params, width, item)))
        target = min(int(table[row, column]) for row, column in cells) + count
        for row, column in cells:
            table[row, column] = max(int(table[row, column]), target)
    return table


def estimate(table: np.ndarray, params, width: int, item: str) -> int:
    return int(min(table[row, column] for row, column in enumerate(columns(params, width, item))))


def zipf_stream(seed: int, n_items: int, length: int, exponent: float) -> list[str]:
    """`length` queries drawn from a Zipf law over `n_items` distinct strings (rank k has weight k^-exponent)."""
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, n_items + 1) ** exponent
    ranks = rng.choice(n_items, size=length, p=weights / weights.sum())
    return [f"query-{r}" for r in ranks.tolist()]


def true_counts(items) -> Counter:
    return Counter(items)


def as_table(sketch) -> np.ndarray:
    return np.asarray(sketch.table, dtype=np.int64)


def as_params(sketch) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in sketch.hash_params]


_CHILD = """
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("candidate_copy", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
request = json.loads(sys.argv[2])
sketch = getattr(module, request["cls"])(request["width"], request["depth"], seed=request["seed"])
for item in request["items"]:
    sketch.update(item)
table = [[int(v) for v in row] for row in sketch.table]
print(json.dumps({"params": [[int(a), int(b)] for a, b in sketch.hash_params], "table": table}))
"""


def build_in_fresh_process(module_file: str, cls: str, width: int, depth: int, seed: int, items: list[str], hash_seed: str):
    """Build the sketch in a new interpreter with PYTHONHASHSEED=hash_seed; return (params, table)."""
    request = json.dumps({"cls": cls, "width": width, "depth": depth, "seed": seed, "items": items})
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, module_file, request],
        capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, f"building the sketch in a fresh process failed:\n{result.stderr[-600:]}"
    data = json.loads(result.stdout.strip().splitlines()[-1])
    return [tuple(p) for p in data["params"]], np.asarray(data["table"], dtype=np.int64)
