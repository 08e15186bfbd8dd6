"""Dense versus sparse, made measurable: memory formulas, a scatter pitfall, int32 overflow.

Run: python example.py
"""

import tracemalloc

import numpy as np

# --- 1. Memory of the Netflix Prize matrix in three layouts --------------------------
USERS, MOVIES, RATINGS = 480_189, 17_770, 100_480_507  # Bennett and Lanning, 2007
INDEX_BYTES, VALUE_BYTES = 4, 4  # int32 indices, float32 values

dense = USERS * MOVIES * VALUE_BYTES
coo = RATINGS * (2 * INDEX_BYTES + VALUE_BYTES)
csr = (USERS + 1) * INDEX_BYTES + RATINGS * (INDEX_BYTES + VALUE_BYTES)
print(f"density: {RATINGS / (USERS * MOVIES):.2%}")
for name, size in (("dense", dense), ("COO", coo), ("CSR", csr)):
    print(f"  {name:5s} {size / 1e9:7.2f} GB")

# --- 2. Fancy-index += is buffered: a repeated index is updated once ----------------
index = np.array([0, 2, 2, 2])
weights = np.array([1.0, 1.0, 1.0, 1.0])
buffered = np.zeros(3)
buffered[index] += weights
unbuffered = np.zeros(3)
np.add.at(unbuffered, index, weights)
print("\nindex 2 appears three times")
print("  y[index] += w          ->", buffered)
print("  np.add.at(y, index, w) ->", unbuffered)


# --- 3. tracemalloc sees the dense array you did not mean to build ------------------
def peak_mb(operation) -> float:
    tracemalloc.start()
    operation()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


rng = np.random.default_rng(7)
print("\npeak allocation for a 3000 x 4000 matrix with 3000 entries:")
print(f"  np.zeros((3000, 4000))        {peak_mb(lambda: np.zeros((3000, 4000))):8.3f} MB")
print(f"  three arrays of 3000 entries  {peak_mb(lambda: (rng.integers(0, 3000, 3000), rng.integers(0, 4000, 3000), rng.random(3000))):8.3f} MB")

# --- 4. Indices that fit int32 can still overflow when combined ---------------------
last_row = np.array([USERS - 1], dtype=np.int32)
last_col = np.array([MOVIES - 1], dtype=np.int32)
print("\nflat position row * n_cols + col of the last Netflix cell:")
print("  computed in int32:", (last_row * MOVIES + last_col)[0], "(wrapped around silently)")
print("  computed in int64:", (last_row.astype(np.int64) * MOVIES + last_col)[0])
