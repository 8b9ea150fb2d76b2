"""The schedule: sizes, when to stop growing, rounds and the memory window."""

from judge.complexity.schedule import (
    Budget,
    doubling_sizes,
    memory_probe_size,
    memory_window,
    plan_rounds,
    should_grow,
)


def test_doubling_sizes_stay_within_the_declared_range():
    assert doubling_sizes(64, 1000) == [64, 128, 256, 512]


def test_growth_stops_before_a_quadratic_blows_the_budget():
    # 4x per doubling: after 40 ms the next call would take 160 ms.
    assert should_grow([0.0025, 0.01], 0.05)
    assert not should_grow([0.0025, 0.01, 0.04], 0.05)


def test_growth_assumes_at_least_doubling_for_flat_costs():
    assert should_grow([0.03, 0.03], 0.05)
    assert not should_grow([0.04, 0.04], 0.05)


def test_rounds_give_cheap_sizes_more_samples_and_are_seeded():
    times = {64: 0.001, 128: 0.002, 256: 0.09}
    plan = plan_rounds(times, Budget(), seed=1)
    counts = {n: sum(n in r for r in plan) for n in times}
    assert counts[64] == Budget().max_rounds
    assert counts[256] == Budget().min_rounds
    assert plan == plan_rounds(times, Budget(), seed=1)
    assert any(r != sorted(r) for r in plan_rounds(dict.fromkeys(range(1, 30), 0.001), Budget(), seed=2))


def test_rounds_respect_the_total_budget():
    times = dict.fromkeys(range(10), 0.05)
    plan = plan_rounds(times, Budget(total_s=0.6), seed=0)
    assert sum(times[n] for r in plan for n in r) <= 0.6 + sum(times.values())  # the first round always runs


def test_memory_window_is_the_top_that_fits():
    times = {2**k: 2**k * 1e-6 for k in range(8, 18)}  # 0.26 ms .. 131 ms
    window = memory_window(times, slowdown=3.0, budget=Budget(memory_s=0.15))
    assert len(window) >= 4
    assert sum(times[n] for n in window) * 3.0 <= 0.15
    assert window[-1] == 2**14  # 2**15 would not fit with the three sizes below it


def test_memory_probe_is_cheap():
    times = {2**k: 2**k * 1e-6 for k in range(8, 18)}
    assert times[memory_probe_size(times, Budget(memory_s=0.15))] <= 0.15 / 50


def test_small_call_limits_scale_the_budget_down():
    budget = Budget().for_call_limit(0.2)
    assert budget.max_call_s == 0.2 / 8
    assert budget.extension_call_s <= 3 * budget.max_call_s
    assert Budget().for_call_limit(10.0) == Budget()


def test_memory_window_keeps_three_sizes_when_tracing_looks_costly():
    """A quadratic's cheap probe makes tracing look expensive; two sizes could not be classified."""
    times = {1024: 0.8e-3, 2048: 3.3e-3, 4096: 11e-3, 8192: 41e-3}
    assert memory_window(times, slowdown=15.0, budget=Budget(memory_s=0.15)) == [1024, 2048, 4096]
