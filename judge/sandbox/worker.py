"""The worker: runs INSIDE the sandbox, next to the untrusted solution.

Standard library only, one file: it is copied or mounted alone into any
Python 3.11+ environment. It imports the solution, then serves one request at
a time on a private channel (newline-delimited JSON on the stdin/stdout it was
started with) and answers with plain data. The solution's own prints go to
files (or /dev/null), never to the channel. Everything it reports is untrusted
by the judge: timings and memory only feed the reports.

Usage: python3 -I worker.py --solution PATH [--allow MODULE ...]
                            [--output-limit BYTES] [--stdout FILE --stderr FILE]
                            [--stdout-fd FD --stderr-fd FD]

The -fd forms take descriptors the launcher opened: the worker then never
needs to see (or be able to change) the directory the judge reads them from.
"""

from __future__ import annotations

import base64
import builtins
import contextlib
import datetime
import errno
import gc
import importlib.util
import json
import math
import operator
import os
import random
import resource
import signal
import sys
import time
import traceback
import types
import warnings

# The clock of every figure the worker reports. Not time.process_time(): under
# RLIMIT_CPU (the local sandbox's backstop) some kernels advance the process
# clock only in scheduler ticks, so a 200 µs call reads 0.0. The
# thread clock stays exact, and a call runs on this thread (BLAS is pinned to
# one thread by the sandbox's environment).
cpu_clock = time.thread_time

MAX_DEPTH = 200
MAX_ITEMS = 2_000_000
MAX_REPLY_BYTES = 32 * 1024 * 1024
MAX_MESSAGE_CHARS = 2_000
MAX_TRACEBACK_FRAMES = 12
# Freed when the solution runs out of memory, so the reply can still be built.
_reserve: bytearray | None = None
# The output limit as set at start, kept so a call costs no getrlimit. The kernel enforces the
# limit (RLIMIT_FSIZE); this copy only lets a reply say so when the solution survived SIGXFSZ.
_output_limit: int | None = None


class ForbiddenImport(ImportError):
    """Raised by the import guard; its name tells the judge what happened."""


class ReplyTooLarge(Exception):
    """The solution returned more data than the channel carries."""


class ImportGuard:
    """Refuses third-party top-level modules that the problem does not allow.

    A meta path finder needs only find_spec: importlib.abc's base class would cost every
    worker's start 10 ms of imports (importlib.resources, pathlib, tempfile)."""

    def __init__(self, allowed: set[str]) -> None:
        self.allowed = allowed

    def find_spec(self, fullname, path=None, target=None):
        top = fullname.partition(".")[0]
        if top in sys.stdlib_module_names or top in self.allowed or top in sys.modules:
            return None
        if path is not None:  # a submodule of an already imported, allowed package
            return None
        raise ForbiddenImport(f"import of {top!r} is not allowed for this problem")


# ---------------------------------------------------------------- encoding


class _Encoder:
    """Turns solution values into tagged JSON, bounded in depth and size."""

    def __init__(self, handle_of: dict[int, int]) -> None:
        self.items = 0
        self.text_bytes = 0
        self.handle_of = handle_of  # id(instance) -> handle; the worker keeps every instance alive

    def encode(self, value, depth: int = 0):
        self.items += 1
        if self.items > MAX_ITEMS or depth > MAX_DEPTH:
            raise ReplyTooLarge("the returned value is too large or too deeply nested")
        if isinstance(value, (str, bytes, bytearray)):
            # Counted before any copy is made: a huge string must not cost the reply its memory.
            self.text_bytes += len(value)
            if self.text_bytes > MAX_REPLY_BYTES:
                raise ReplyTooLarge(f"the returned value holds over {MAX_REPLY_BYTES} bytes of text")
        if value is None or isinstance(value, bool):
            return None if value is None else bool(value)
        if isinstance(value, int):
            return int(value)
        if isinstance(value, float):
            return _encode_float(float(value))
        if isinstance(value, str):
            return str.__str__(value)
        return self._encode_container(value, depth)

    def _encode_container(self, value, depth: int):
        if id(value) in self.handle_of:
            return {"$handle": self.handle_of[id(value)]}
        if type(value) is list and depth < MAX_DEPTH and (plain := self._plain_list(value)) is not None:
            return plain
        if isinstance(value, (list, tuple, set, frozenset)):
            items = [self.encode(v, depth + 1) for v in value]
            if isinstance(value, list):
                return items
            return {"$tuple": items} if isinstance(value, tuple) else {"$set": items}
        if isinstance(value, dict):
            return {"$dict": [[self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in value.items()]}
        if isinstance(value, datetime.datetime):
            return {"$datetime": value.isoformat()}
        if isinstance(value, datetime.date):
            return {"$date": value.isoformat()}
        if isinstance(value, (bytes, bytearray)):
            return {"$bytes": base64.b64encode(bytes(value)).decode("ascii")}
        if type(value).__module__ == "numpy" and hasattr(value, "tolist"):
            return self.encode(value.tolist(), depth + 1)
        return {"$opaque": {"type": type(value).__qualname__, "repr": object.__repr__(value)}}


    def _plain_list(self, value: list):
        """A list of plain numbers, or of plain strings, as it is: the common large reply, counted
        and checked without a call per item. None for anything else (encoded item by item)."""
        types = set(map(type, value))
        if types <= _NUMBER_TYPES:
            if float in types and not all(map(math.isfinite, value)):
                return None  # NaN and infinities are tagged
        elif types == {str}:
            self.text_bytes += sum(map(len, value))
            if self.text_bytes > MAX_REPLY_BYTES:
                raise ReplyTooLarge(f"the returned value holds over {MAX_REPLY_BYTES} bytes of text")
        else:
            return None
        self.items += len(value)
        if self.items > MAX_ITEMS:
            raise ReplyTooLarge("the returned value is too large or too deeply nested")
        return value


_NUMBER_TYPES = frozenset({int, float, bool})  # exactly these: a subclass is encoded item by item


def _encode_float(x: float):
    if math.isnan(x):
        return {"$float": "nan"}
    if math.isinf(x):
        return {"$float": "inf" if x > 0 else "-inf"}
    return x


def _decode(value, handles: dict[int, object]):
    """Builds the solution's arguments from tagged JSON sent by the judge."""
    if isinstance(value, list):
        types = set(map(type, value))
        if list not in types and dict not in types:
            return value.copy()  # plain items stand for themselves; a fresh list for every call
        return [_decode(v, handles) for v in value]
    if not isinstance(value, dict):
        return value
    (tag, body), = value.items()
    if tag == "$tuple":
        return tuple(_decode(v, handles) for v in body)
    if tag == "$set":
        return {_decode(v, handles) for v in body}
    if tag == "$dict":
        return {_decode(k, handles): _decode(v, handles) for k, v in body}
    if tag == "$float":
        return float(body)
    if tag == "$datetime":
        return datetime.datetime.fromisoformat(body)
    if tag == "$date":
        return datetime.date.fromisoformat(body)
    if tag == "$bytes":
        return base64.b64decode(body)
    if tag == "$handle":
        return handles[body]
    if tag == "$rng":
        return random.Random(body)
    if tag == "$stream":
        return _one_shot_stream(body)
    if tag == "$ndarray":
        import numpy  # only asked for where the problem allows numpy

        return numpy.array(_decode(body, handles), dtype=float)
    raise ValueError(f"unknown tag {tag!r}")


def _one_shot_stream(spec: dict):
    """A true one-shot iterator: no len(), no length hint, one pass only."""
    if spec["kind"] == "range":
        return map(operator.index, range(spec["start"], spec["stop"]))
    return (item for item in spec["items"])


# ---------------------------------------------------------------- errors


def _describe_exception(exc: BaseException, solution_path: str) -> dict:
    mro = [f"{cls.__module__}.{cls.__qualname__}" for cls in type(exc).__mro__]
    try:
        message = str(exc)[:MAX_MESSAGE_CHARS]
    except BaseException:  # a hostile __str__ must not take the worker down
        message = "<the exception's message could not be read>"
    frames = [
        f'  File "{os.path.basename(f.filename)}", line {f.lineno}, in {f.name}\n    {f.line or ""}'
        for f in traceback.extract_tb(exc.__traceback__)
        if f.filename == solution_path
    ][-MAX_TRACEBACK_FRAMES:]
    return {"type": type(exc).__qualname__, "mro": mro, "message": message, "traceback": frames}


def _describe_syntax_error(exc: SyntaxError) -> dict:
    return {
        "type": type(exc).__qualname__,
        "mro": [f"{c.__module__}.{c.__qualname__}" for c in type(exc).__mro__],
        "message": exc.msg,
        "line": exc.lineno,
        "offset": exc.offset,
        "text": (exc.text or "").rstrip("\n")[:MAX_MESSAGE_CHARS],
        "traceback": [],
    }


# ---------------------------------------------------------------- serving


class Worker:
    def __init__(self, module, solution_path: str, channel_out) -> None:
        self.module = module
        self.solution_path = solution_path
        self.out = channel_out
        self.handles: dict[int, object] = {}
        self.handle_of: dict[int, int] = {}  # kept as instances are made, not rebuilt for every reply
        self.ops = {
            "call": self.op_call,
            "new": self.op_new,
            "method": self.op_method,
            "measure": lambda request: op_measure(self, request),
        }

    def reply(self, message: dict) -> None:
        try:
            data = _reply_bytes(message)
        except (ReplyTooLarge, MemoryError) as exc:  # still an answer, never a dead worker
            _release_reserve(exc)
            error = {"ok": False, "error": _describe_exception(exc, self.solution_path)}
            data = _reply_bytes({**error, "cpu_s": message.get("cpu_s", 0.0), "maxrss_kb": message.get("maxrss_kb", 0)})
        self.out.write(data)
        self.out.flush()

    def serve(self, channel_in) -> None:
        for line in channel_in:
            request = json.loads(line)
            self.reply(self.handle(request))

    def handle(self, request: dict) -> dict:
        op = self.ops[request["op"]]
        start_cpu = cpu_clock()
        try:
            value = op(request)
            reply = {"ok": True, "value": _Encoder(self.handle_of).encode(value)}
        except BaseException as exc:  # the solution's failure is data, whatever it is
            _release_reserve(exc)
            reply = {"ok": False, "error": _describe_exception(exc, self.solution_path)}
        if _output_exceeded():
            reply = {"ok": False, "error": {"type": "OutputLimitExceeded", "mro": [], "message": ""}}
        reply["cpu_s"] = cpu_clock() - start_cpu
        reply["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return reply

    def _args(self, request: dict) -> tuple[list, dict]:
        args = [_decode(a, self.handles) for a in request.get("args", [])]
        kwargs = {k: _decode(v, self.handles) for k, v in request.get("kwargs", {}).items()}
        return args, kwargs

    def op_call(self, request: dict):
        args, kwargs = self._args(request)
        return _invoke(request, getattr(self.module, request["name"]), args, kwargs)

    def op_new(self, request: dict):
        args, kwargs = self._args(request)
        instance = _invoke({**request, "report_args": False}, getattr(self.module, request["name"]), args, kwargs)
        handle = len(self.handles) + 1
        self.handles[handle] = instance
        self.handle_of[id(instance)] = handle
        return instance

    def op_method(self, request: dict):
        args, kwargs = self._args(request)
        return _invoke(request, getattr(self.handles[request["handle"]], request["name"]), args, kwargs)


def _invoke(request: dict, function, args: list, kwargs: dict):
    """Calls the solution, honouring the request's optional fields.

    - "warnings_as_errors": names of built-in warning classes (e.g.
      "RuntimeWarning") that are raised as exceptions during this call only.
    - "report_args": the value becomes {"value": v, "args": [...], "kwargs": {...}},
      the arguments as they are after the call, so the judge can tell whether
      the solution modified them.
    """
    names = request.get("warnings_as_errors")
    if names:
        with _warnings_as_errors(names):
            value = function(*args, **kwargs)
    else:  # the common case, without a context manager's cost on every call
        value = function(*args, **kwargs)
    if request.get("report_args"):
        return {"value": value, "args": args, "kwargs": kwargs}
    return value


@contextlib.contextmanager
def _warnings_as_errors(names):
    with warnings.catch_warnings():
        for name in names:
            category = getattr(builtins, str(name), None)
            if isinstance(category, type) and issubclass(category, Warning):
                warnings.simplefilter("error", category)
        yield


_REPLY_ENCODER = json.JSONEncoder(separators=(",", ":"), allow_nan=False)  # made once: a reply costs less


def _reply_bytes(message: dict) -> bytes:
    data = _REPLY_ENCODER.encode(message).encode() + b"\n"
    if len(data) > MAX_REPLY_BYTES:
        raise ReplyTooLarge(f"the reply is {len(data)} bytes, over the {MAX_REPLY_BYTES} byte cap")
    return data


def _output_exceeded() -> bool:
    """True when the solution's prints reached the output limit (writes then fail with EFBIG)."""
    streams = {id(s): s for s in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__) if s is not None}
    for stream in streams.values():
        try:
            stream.flush()
        except OSError as exc:
            if exc.errno == errno.EFBIG:
                return True
            # Any other failure (a full disk, a closed descriptor) is not printing too much.
        except Exception:  # noqa: BLE001, S110 - a stream the solution replaced with anything at all
            pass
    if _output_limit is None:
        return False
    try:
        sizes = [os.fstat(fd).st_size for fd in (1, 2)]
    except OSError:  # the solution closed them: nothing more can be printed
        return False
    return any(size >= _output_limit for size in sizes)


def _release_reserve(exc: BaseException) -> None:
    global _reserve
    if isinstance(exc, MemoryError):
        _reserve = None
        gc.collect()


# --- complexity measurement: begin ---
# Protocol and rationale: docs/complexity.md. "calibrate" sends one size's
# input and keeps it under its key; "time" and "memory" then refer to keys.
# Everything that is not the measured call (decoding fresh arguments, making
# the instance, setup calls such as fit) happens outside the timed region.
_measure_cases: dict = {}
MEASURE_MAX_REPEAT = 100_000


def op_measure(worker: Worker, request: dict):
    """Serves one complexity-measurement action; returns plain lists and numbers."""
    action = request["action"]
    if action == "drop":
        _measure_cases.clear()
        return 0
    if action == "calibrate":
        _measure_cases[request["key"]] = {"case": request["case"], "instance": None}
        return _measure_calibrate(worker, request["key"], float(request["min_batch_s"]))
    if action == "time":
        return [[key, _measure_batch(worker, key, int(repeat))] for key, repeat in request["order"]]
    if action == "memory":
        if "case" in request:  # a size the time axis did not reach: memory sizes are fixed
            _measure_cases[request["key"]] = {"case": request["case"], "instance": None}
        return _measure_peak(worker, request["key"])
    if action == "speed":
        return _measure_speed()
    raise ValueError(f"unknown measure action {action!r}")


def _measure_calibrate(worker: Worker, key, min_batch_s: float) -> list:
    """Seconds per call and the calls per batch that make a batch last min_batch_s.

    The first (cold) call only bounds the repeat from below: one fast call can
    read far below its true cost, and a repeat computed from it would make
    every later batch many times longer than needed. Batches grow 8x at a time
    until one is long enough, and the final repeat comes from that batch.
    """
    per_call = _measure_batch(worker, key, 1)
    repeat = 1
    while per_call * repeat < min_batch_s and repeat < MEASURE_MAX_REPEAT:
        repeat = min(MEASURE_MAX_REPEAT, repeat * 8)
        per_call = _measure_batch(worker, key, repeat)
    if repeat > 1:
        repeat = max(1, min(MEASURE_MAX_REPEAT, math.ceil(min_batch_s / max(per_call, 1e-9))))
    return [per_call, repeat]


def _measure_target(worker: Worker, key):
    """The callable to time, with its instance built and set up (untimed)."""
    entry = _measure_cases[key]
    case = entry["case"]
    timed_name = case["timed"]["name"]
    if not case.get("construct"):
        return getattr(worker.module, timed_name)
    instance = entry["instance"] if case.get("reuse_instance") else None
    if instance is None:
        args, kwargs = _measure_args(worker, case["construct"])
        instance = getattr(worker.module, case["construct"]["name"])(*args, **kwargs)
        for call in case.get("setup", []):
            args, kwargs = _measure_args(worker, call)
            getattr(instance, call["name"])(*args, **kwargs)
        if case.get("reuse_instance"):
            entry["instance"] = instance
    return getattr(instance, timed_name)


def _measure_args(worker: Worker, call: dict) -> tuple[list, dict]:
    # Decoding again for every call gives fresh objects (and fresh one-shot streams).
    return worker._args(call)


def _measure_plain(call: dict) -> bool:
    """True when every argument is a JSON scalar (decodes to an immutable value)."""
    values = [*call.get("args", []), *call.get("kwargs", {}).values()]
    return all(v is None or isinstance(v, (str, int, float, bool)) for v in values)


def _measure_batch(worker: Worker, key, repeat: int) -> float:
    """CPU seconds per call, over `repeat` back-to-back calls with fresh arguments."""
    target = _measure_target(worker, key)
    timed = _measure_cases[key]["case"]["timed"]
    if _measure_plain(timed):
        # Plain strings and numbers are immutable: one decoded copy serves every
        # call, and a 12000-call batch does not spend 10x its own time decoding.
        calls = [_measure_args(worker, timed)] * repeat
    else:
        calls = [_measure_args(worker, timed) for _ in range(repeat)]
    # The collector's pauses depend on everything alive in the worker (all the
    # cached inputs), not on the call: keep it out of the timed region. No
    # gc.collect() here either: a full collection over those inputs costs more
    # than most timed calls.
    gc.disable()
    try:
        start = cpu_clock()
        for args, kwargs in calls:
            target(*args, **kwargs)
        elapsed = cpu_clock() - start
    finally:
        gc.enable()
    return elapsed / repeat


def _measure_drain_free_lists() -> list:
    """Objects that, while alive, keep the interpreter's small-object free lists empty."""
    held: list = [tuple(range(size)) for size in range(1, 11) for _ in range(2000)]
    held += [float(i) + 0.5 for i in range(200)]
    held += [[] for _ in range(200)] + [{} for _ in range(200)]
    return held


def _measure_speed() -> float:
    """CPU seconds of a fixed piece of interpreter work (best of three): how fast this
    machine runs Python right now, neighbours' share of the caches included."""
    best = float("inf")
    for _ in range(3):
        start = cpu_clock()
        total = 0
        for i in range(SPEED_LOOP):
            total += i & 7
        best = min(best, cpu_clock() - start)
    return best


SPEED_LOOP = 200_000


def _measure_peak(worker: Worker, key) -> int:
    """Peak bytes allocated during one call (the result included), by tracemalloc."""
    import tracemalloc

    target = _measure_target(worker, key)
    args, kwargs = _measure_args(worker, _measure_cases[key]["case"]["timed"])
    gc.disable()  # as when timing: a collection mid-call would make peaks depend on luck
    # CPython reuses freed small tuples, floats, lists and dicts from free lists
    # that tracemalloc never sees: the first ~2000 tuples of a call are free,
    # the next ones are not, and a linear peak looks like it jumps. Holding
    # enough objects to empty those lists makes every allocation count.
    drained = _measure_drain_free_lists()
    tracemalloc.start()
    try:
        result = target(*args, **kwargs)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        gc.enable()
    del result, drained
    return peak
# --- complexity measurement: end ---


# ---------------------------------------------------------------- start-up


def _take_channel(stdout, stderr):
    """Moves the protocol to private fds and points 0/1/2 away from it.

    stdout and stderr are each a path, or a descriptor (int) opened for us.
    """
    channel_in = os.fdopen(os.dup(0), "rb", buffering=1 << 20)
    channel_out = os.fdopen(os.dup(1), "wb")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    for fd, where in ((1, stdout), (2, stderr)):
        target = where if isinstance(where, int) else os.open(where, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        if target != fd:
            os.dup2(target, fd)
            os.close(target)
    os.close(null)
    return channel_in, channel_out


def _limit_output(limit: int | None) -> None:
    global _output_limit
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    _output_limit = limit
    if limit is not None:
        # Writing past this kills the worker with SIGXFSZ: an output flood ends here.
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_DFL)


def _import_solution(path: str):
    spec = importlib.util.spec_from_file_location("solution", path)
    if spec is None or spec.loader is None:  # no loader for the file's suffix
        raise ImportError(f"{os.path.basename(path)} cannot be imported: it is not a Python source file (.py)")
    module = importlib.util.module_from_spec(spec)
    sys.modules["solution"] = module
    spec.loader.exec_module(module)
    return module


# The worker's options (launch.py writes them) and their defaults; --allow may repeat.
_INT_OPTIONS = ("output_limit", "stdout_fd", "stderr_fd", "nice")
_DEFAULTS: dict[str, int | str | None] = {"output_limit": None, "stdout": os.devnull, "stderr": os.devnull,
                                          "stdout_fd": None, "stderr_fd": None, "nice": 0}


def _parse_options(argv: list[str]) -> dict[str, object]:
    """`--name value` pairs, the judge's own command line: argparse would cost every worker's
    start 9 ms of imports."""
    options: dict[str, object] = dict(_DEFAULTS)
    allowed: list[str] = []
    if len(argv) % 2:
        raise SystemExit(f"worker: an option without a value in {argv}")
    for flag, value in zip(argv[::2], argv[1::2]):
        name = flag.removeprefix("--").replace("-", "_")
        if name == "allow":
            allowed.append(value)
        elif name in _INT_OPTIONS:
            options[name] = int(value)
        elif name in _DEFAULTS or name == "solution":
            options[name] = value
        else:
            raise SystemExit(f"worker: unknown option {flag}")
    if "solution" not in options:
        raise SystemExit("worker: --solution is required")
    return {**options, "allow": allowed}


def main(argv: list[str]) -> None:
    global _reserve
    options = types.SimpleNamespace(**_parse_options(argv))
    if options.nice:
        os.nice(options.nice)  # only ever lower: a background worker lets the run's tests go first
    channel_in, channel_out = _take_channel(
        options.stdout if options.stdout_fd is None else options.stdout_fd,
        options.stderr if options.stderr_fd is None else options.stderr_fd,
    )
    _limit_output(options.output_limit)
    sys.meta_path.insert(0, ImportGuard(set(options.allow)))
    _reserve = bytearray(4 * 1024 * 1024)
    path = os.path.abspath(options.solution)
    worker = Worker(None, path, channel_out)
    try:
        worker.module = _import_solution(path)
    except SyntaxError as exc:
        worker.reply({"ready": False, "error": _describe_syntax_error(exc)})
        return
    except BaseException as exc:
        _release_reserve(exc)
        worker.reply({"ready": False, "error": _describe_exception(exc, path)})
        return
    worker.reply({"ready": True})
    worker.serve(channel_in)


if __name__ == "__main__":
    main(sys.argv[1:])
