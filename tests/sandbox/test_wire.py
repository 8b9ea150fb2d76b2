"""Values cross the boundary as data: round trips, and nothing that can run code."""

import datetime
import math

import pytest

from judge.sandbox import wire
from judge.sandbox.worker import _decode as worker_decode, _Encoder


def _through_worker(value):
    """judge encodes -> worker decodes -> worker encodes -> judge decodes."""
    return wire.decode(_Encoder({}).encode(worker_decode(wire.encode(value), {})))


@pytest.mark.parametrize("value", [
    0, -5, 10**30, 1.5, "héllo\n", True, None, [1, [2, (3, "x")]], ("a", 1), {"k": [1, 2]},
    {(1, 2): "tuple key"}, b"\x00\xff", datetime.datetime(2019, 1, 1, 12, 30), datetime.date(2020, 2, 29),
    datetime.datetime(2019, 1, 8, 1, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
    {1, 2, 3},
])
def test_values_round_trip_unchanged(value):
    assert _through_worker(value) == value
    assert type(_through_worker(value)) is type(value)


def test_special_floats_round_trip():
    assert math.isnan(_through_worker(float("nan")))
    assert _through_worker(float("inf")) == float("inf") and _through_worker(float("-inf")) == float("-inf")


def test_an_object_that_claims_equality_arrives_opaque_and_equals_nothing():
    class Liar:
        def __eq__(self, other):
            return True

    decoded = wire.decode(_Encoder({}).encode(Liar()))
    assert isinstance(decoded, wire.Opaque)
    assert decoded != decoded and decoded != True and decoded != [1]  # noqa: E712


def test_list_subclass_loses_its_custom_eq():
    class Sneaky(list):
        def __eq__(self, other):
            return True

    assert wire.decode(_Encoder({}).encode(Sneaky([1, 2]))) == [1, 2]
    assert wire.decode(_Encoder({}).encode(Sneaky([1, 2]))) != [9]


def test_stream_and_rng_descriptors_are_built_inside_the_worker():
    stream = worker_decode(wire.encode(wire.Stream.range(5)), {})
    with pytest.raises(TypeError):
        len(stream)
    assert list(stream) == [0, 1, 2, 3, 4] and list(stream) == []  # one pass only
    rng = worker_decode(wire.encode(wire.Rng(7)), {})
    assert rng.random() == wire.Rng(7).make().random()


@pytest.mark.parametrize("bad", [{"$nope": 1}, {"$tuple": 5}, {"a": 1, "b": 2}, {"$float": "zebra"}])
def test_malformed_values_raise_wire_error(bad):
    with pytest.raises(wire.WireError):
        wire.decode(bad)
