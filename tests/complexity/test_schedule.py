"""The schedule: sizes, when to stop growing, rounds, and budgets in units of work."""

import dataclasses

from judge.complexity.schedule import Budget, doubling_sizes, plan_rounds, should_grow


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


def test_small_call_limits_scale_the_budget_down():
    budget = Budget().for_call_limit(0.2)
    assert budget.max_call_s == 0.2 / 8
    assert budget.extension_call_s <= 3 * budget.max_call_s
    assert Budget().for_call_limit(10.0) == Budget()


def test_a_slower_machine_gets_proportionally_more_time_for_the_same_work():
    slow = Budget().scaled(2.5)
    for field in dataclasses.fields(Budget):
        base, scaled = getattr(Budget(), field.name), getattr(slow, field.name)
        if field.name.endswith("_s") and field.name != "min_batch_s":
            assert scaled == base * 2.5, field.name
        else:
            assert scaled == base, field.name  # counts, and the batch length that beats the clock's grain
