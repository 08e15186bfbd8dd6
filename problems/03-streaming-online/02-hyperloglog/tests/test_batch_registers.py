import math

import numpy as np
import pytest

from hll_oracle import TooManyLines, estimate, random_hashes, registers_from_hashes, run_counting_lines


def crafted_hashes(p: int) -> list[int]:
    """Hashes (index << q) | w that hit the edge cases of rho, one register per case."""
    q = 64 - p
    cases = [
        (0, 0),                  # w == 0: rho = q + 1
        (1, 1),                  # only the last bit set: rho = q
        (2, 1 << (q - 1)),       # first bit set: rho = 1
        (3, 0b1011),             # rho = q - 3
        (2**p - 1, 5),           # the last register
    ]
    # w = 2**k - 1 with k >= 54 bits: float64(w) rounds up to 2**k, so log2 gives one bit too many.
    cases += [(4 + i, (1 << k) - 1) for i, k in enumerate(range(54, q + 1))]
    # Three hashes for one register in the same batch: the largest rho (7) must win, not the last.
    j = 2**p - 2
    cases += [(j, 1 << (q - 3)), (j, 1 << (q - 7)), (j, 1 << (q - 2))]
    return [(index << q) | w for index, w in cases]


def test_crafted_hashes_give_exact_registers(solution):
    for p in (4, 10):
        hashes = crafted_hashes(p)
        registers = np.zeros(2**p, dtype=np.uint8)
        solution.update_registers(registers, np.array(hashes, dtype=np.uint64))
        expected = registers_from_hashes(hashes, p)
        got = [int(r) for r in registers]
        wrong = [(j, got[j], expected[j]) for j in range(2**p) if got[j] != expected[j]]
        assert not wrong, f"p={p}: (register, got, expected) = {wrong[:4]}"


def test_batches_update_in_place_and_match_the_rule(solution):
    p = 12
    registers = np.zeros(2**p, dtype=np.uint8)
    batches = [random_hashes(seed, 40_000) for seed in (7, 8, 9)]
    for batch in batches:
        returned = solution.update_registers(registers, batch)
        assert returned is registers, "update the registers array in place and return it"
    all_hashes = np.concatenate(batches).tolist()
    expected = registers_from_hashes(all_hashes, p)
    assert registers.tolist() == expected
    assert math.isclose(solution.estimate(registers), estimate(expected), rel_tol=1e-9)
    again = solution.update_registers(registers, batches[1][::-1].copy())  # a repeated batch changes nothing
    assert again.tolist() == expected


def test_estimate_small_and_large_cardinalities(solution):
    # Random 64-bit hashes, so the ideal-hash analysis applies exactly.
    # p = 10 (m = 1024), linear-counting range; bounds from the exact occupancy distribution
    # of the k occupied registers: |E - n| > bound has probability 2.0e-8 (n = 10),
    # 2.6e-8 (n = 100) and 7.3e-8 (n = 1000); n = 0 gives exactly 0.
    for n, bound in {0: 1e-9, 10: 3.5, 100: 15.0, 1000: 150.0}.items():
        registers = np.zeros(1024, dtype=np.uint8)
        solution.update_registers(registers, random_hashes(100 + n, n))
        got = solution.estimate(registers)
        assert abs(got - n) <= bound, f"{n} distinct hashes estimated as {got:.2f}"
    # p = 12: standard error 1.04 / 64 = 1.625%. Under the normal approximation a deviation
    # beyond 6 standard errors (9.75%) has probability about 2e-9; a 600-run simulation gave
    # a standard deviation of 1.60% and a largest deviation of 3.5 standard errors.
    n = 200_000
    registers = np.zeros(4096, dtype=np.uint8)
    solution.update_registers(registers, random_hashes(11, n))
    relative_error = solution.estimate(registers) / n - 1
    assert abs(relative_error) <= 6 * 1.04 / 64, f"relative error {relative_error:+.1%} for n = {n}"


def test_no_python_loop_over_the_hashes(solution):
    # Counts the Python lines executed inside your file while one batch of 100,000 hashes is
    # folded in: a loop over the hashes (or np.vectorize of a Python function) runs at least
    # one line per hash; whole-array NumPy code runs a few dozen, even with a loop over shifts.
    hashes = random_hashes(5, 100_000)
    registers = np.zeros(1024, dtype=np.uint8)
    try:
        _, lines = run_counting_lines(solution.update_registers, solution.__file__, 5_000, registers, hashes)
    except TooManyLines as error:
        pytest.fail(f"update_registers loops over the hashes in Python ({error} for 100,000 hashes)")
    assert registers.tolist() == registers_from_hashes(hashes.tolist(), 10)


@pytest.mark.hidden
def test_register_count_must_be_a_supported_power_of_two(solution):
    hashes = random_hashes(1, 10)
    for m in (8, 1000, 2**17):
        with pytest.raises(ValueError):
            solution.update_registers(np.zeros(m, dtype=np.uint8), hashes)
        with pytest.raises(ValueError):
            solution.estimate(np.zeros(m, dtype=np.uint8))


@pytest.mark.hidden
def test_empty_batch_and_tabulated_alpha(solution):
    registers = np.zeros(16, dtype=np.uint8)
    solution.update_registers(registers, np.array([], dtype=np.uint64))
    assert registers.tolist() == [0] * 16 and solution.estimate(registers) == 0.0
    for p in (4, 5, 6):
        hashes = random_hashes(p, 40 * 2**p)
        registers = np.zeros(2**p, dtype=np.uint8)
        solution.update_registers(registers, hashes)
        expected = registers_from_hashes(hashes.tolist(), p)
        assert registers.tolist() == expected
        assert math.isclose(solution.estimate(registers), estimate(expected), rel_tol=1e-9)
