"""Memory layout, cache lines and traversal order, made visible.

Run: python example.py   (about 5 s: Numba compiles two small loops first)
"""

import time

import numpy as np
from numba import njit

LINE_BYTES = 64  # cache-line size on x86-64 (getconf LEVEL1_DCACHE_LINESIZE)

# 1. Row-major layout: element (i, j) lives at byte i * strides[0] + j * strides[1].
a = np.arange(12.0).reshape(3, 4)
print("a.strides   =", a.strides, "  (next row: +32 bytes, next column: +8 bytes)")
print("a.T.strides =", a.T.strides, "  (a transpose is a view: same buffer, strides swapped)")
print("byte offset of a[2, 1] =", 2 * a.strides[0] + 1 * a.strides[1])

# 2. Cache lines touched: 64 consecutive elements of a row versus of a column.
big = np.zeros((512, 512))


def lines_touched(view: np.ndarray) -> int:
    """Distinct 64-byte cache lines covered by the elements of a 1-D view."""
    start = view.__array_interface__["data"][0]
    offsets = np.arange(view.size) * view.strides[0]
    return len(np.unique((start + offsets) // LINE_BYTES))


offset_in_line = big.__array_interface__["data"][0] % LINE_BYTES
print(f"\n64 elements of a row touch {lines_touched(big[0, :64])} cache lines"
      f" (8 if the row starts on a line boundary; this one starts {offset_in_line} bytes in);"
      f"\n64 elements of a column touch {lines_touched(big[:64, 0])}, one per element")


# 3. Visiting order: row by row, column by column, and tile by tile (tile = 2).
def visit_order_grid(n: int, order: str, tile: int = 2) -> np.ndarray:
    grid = np.zeros((n, n), dtype=int)
    step = 0
    if order == "rows":
        cells = [(i, j) for i in range(n) for j in range(n)]
    elif order == "columns":
        cells = [(i, j) for j in range(n) for i in range(n)]
    else:  # tiles: NumPy slicing clips the last tile when n is not a multiple of tile
        index = np.arange(n * n).reshape(n, n)
        cells = [divmod(int(k), n) for r in range(0, n, tile) for c in range(0, n, tile)
                 for k in index[r:r + tile, c:c + tile].ravel()]
    for i, j in cells:
        grid[i, j] = step
        step += 1
    return grid


for order in ("rows", "columns", "tiles"):
    print(f"\nvisit order, {order}:\n{visit_order_grid(5, order)}")


# 4. The same sum, two traversal orders, compiled with Numba.
@njit
def sum_by_rows(m: np.ndarray) -> float:
    total = 0.0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            total += m[i, j]
    return total


@njit
def sum_by_columns(m: np.ndarray) -> float:
    total = 0.0
    for j in range(m.shape[1]):
        for i in range(m.shape[0]):
            total += m[i, j]
    return total


def best_ms(function, m: np.ndarray, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function(m)
        times.append(time.perf_counter() - start)
    return 1e3 * min(times)


sum_by_rows(a), sum_by_columns(a)  # the first call compiles; keep it out of the timing
print()
for n in (2000, 2048):
    m = np.random.default_rng(0).random((n, n))
    rows, columns = best_ms(sum_by_rows, m), best_ms(sum_by_columns, m)
    print(f"n={n}: sum by rows {rows:5.1f} ms, by columns {columns:5.1f} ms ({columns / rows:.1f}x slower)")
