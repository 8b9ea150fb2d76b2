"""`judge worker`'s usage errors: one line naming what is wrong, exit 2, before any judging."""

from __future__ import annotations


def test_a_queue_that_is_not_redis_is_a_usage_error_naming_it(run_cli):
    result = run_cli("worker", "--queue", "amqp://broker:5672")
    assert result.exit_code == 2
    assert "--queue 'amqp://broker:5672' is not a Redis URL" in result.stderr


def test_an_unreachable_redis_is_a_usage_error_that_says_so(run_cli):
    result = run_cli("worker", "--queue", "redis://127.0.0.1:1/0", "--sandbox", "local")
    assert result.exit_code == 2
    assert "cannot reach Redis at redis://127.0.0.1:1/0" in result.stderr
    assert "Is redis-server running there?" in result.stderr
