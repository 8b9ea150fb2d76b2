"""A group contest under load: 20 participants x 5 submissions against a real `judge contest serve`.

Run: python benchmarks/contest_load.py [--participants 20] [--submissions 5] [--workers 2]
                                       [--concurrency 8] [--accepted-share 0.1]
                                       [--redis redis://127.0.0.1:6379/14 | --no-redis]

For each judging queue (in-process, then RQ on Redis with `--workers` `judge
worker` processes beside the server), on a fresh contest database:
- starts the real server (`judge contest serve ... --sandbox local
  --no-complexity --min-interval 0`) on a free loopback port;
- every participant sends their submissions one after another through the JSON
  API, at most `--concurrency` requests in flight in all (a bounded client), while
  a reader polls the scoreboard API every 0.25 s;
- waits until every acknowledged submission is judged, then checks the
  database: every submission acknowledged is there, judged, claimed once
  (judging_runs 1), with a verdict; nothing lost, nothing counted twice.

Prints the acknowledgement latency (p50, p95), the judging throughput
(submissions per second from the first acknowledgement to the last verdict),
the scoreboard's latency under load (p50, p95), and the machine with its load
average. The mix: `--accepted-share` of the submissions are the reference
solution (judged in full, several seconds each); the rest fail at import in
the sandbox (a real sandbox start, under a second), as a crowd's early tries do.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from judge.contest.model import ContestRules  # noqa: E402
from judge.contest.participants import new_token, token_hash  # noqa: E402
from judge.contest.store import ContestStore  # noqa: E402

CONTEST = "load"
SLUG = "is_subsequence"
PROBLEMS = ROOT / "problems"
ACCEPTED = (PROBLEMS / SLUG / "reference.py").read_bytes()
FAILS_AT_IMPORT = f"raise ImportError('not yet')\n\ndef {SLUG}(s, t):\n    return True\n".encode()
SCOREBOARD_EVERY_S = 0.25
JUDGED_WITHIN_S = 900


@dataclass
class Figures:
    """What one queue's run measured."""

    queue: str
    acknowledged: list[float] = field(default_factory=list)  # seconds per POST
    scoreboard: list[float] = field(default_factory=list)  # seconds per GET under load
    first_ack: float = 0.0
    last_verdict: float = 0.0
    submissions: int = 0
    problems: list[str] = field(default_factory=list)  # what the database check found wrong


def main() -> int:
    args = parse_args()
    print(machine())
    results = [run_queue("in-process", None, args)]
    if args.redis:
        results.append(run_queue("redis", args.redis, args))
    for figures in results:
        print(report(figures, args))
    return 1 if any(figures.problems for figures in results) else 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--participants", type=int, default=20)
    parser.add_argument("--submissions", type=int, default=5, help="per participant")
    parser.add_argument("--workers", type=int, default=2, help="judge workers (threads, or judge worker processes)")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight at most")
    parser.add_argument("--accepted-share", type=float, default=0.1)
    parser.add_argument("--redis", default=os.environ.get("JUDGE_BENCH_REDIS", "redis://127.0.0.1:6379/14"))
    parser.add_argument("--no-redis", dest="redis", action="store_const", const=None)
    return parser.parse_args()


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (f"machine: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}; load average {load}")


# --- one queue ---------------------------------------------------------------------------------


def run_queue(name: str, redis_url: str | None, args: argparse.Namespace) -> Figures:
    with tempfile.TemporaryDirectory(prefix="judge-load-") as folder:
        db = Path(folder) / "contests.sqlite3"
        tokens = new_contest(db, args.participants)
        if redis_url:
            empty_redis(redis_url)
        port = free_port()
        server = start_server(db, port, args.workers, redis_url, Path(folder))
        workers = [start_worker(redis_url, Path(folder), n) for n in range(args.workers)] if redis_url else []
        try:
            wait_until_serving(port, server)
            figures = asyncio.run(load(name, port, db, tokens, args))
            figures.problems += check_database(db, figures.submissions)
        finally:
            for process in [server, *workers]:
                stop(process)
        return figures


def new_contest(db: Path, participants: int) -> list[str]:
    with ContestStore(db) as store:
        store.create_contest(ContestRules(CONTEST, (SLUG,), 7200, "icpc"), time.time())
        store.start(CONTEST, time.time())
        tokens = [new_token() for _ in range(participants)]
        for number, token in enumerate(tokens, 1):
            store.add_participant(CONTEST, f"participant-{number:02d}", token_hash(token), None, time.time())
    return tokens


def empty_redis(url: str) -> None:
    """An empty Redis database with no other worker listening on it (they would skew the figures)."""
    import redis
    from rq import Worker

    try:
        connection = redis.Redis.from_url(url, socket_connect_timeout=3)
        others = Worker.count(connection=connection)
        connection.flushdb()
    except redis.RedisError as exc:
        raise SystemExit(f"no Redis at {url} ({exc}): start redis-server, or pass --no-redis") from exc
    if others:  # a live one skews the figures; a killed one stays registered until its key expires
        print(f"warning: {others} other RQ worker(s) were registered on {url}; the figures may count them")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def judge_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "judge", *args]


def child_env(folder: Path) -> dict[str, str]:
    return {**os.environ, "JUDGE_HOME": str(folder / "home"), "JUDGE_PROBLEMS": str(PROBLEMS)}


def start_server(db: Path, port: int, workers: int, redis_url: str | None, folder: Path) -> subprocess.Popen:
    queue = ["--queue", redis_url] if redis_url else []
    command = judge_command("contest", "serve", CONTEST, "--port", str(port), "--workers", str(workers),
                            "--sandbox", "local", "--no-complexity", "--min-interval", "0", "--db", str(db), *queue)
    log = (folder / "server.log").open("w")
    return subprocess.Popen(command, env=child_env(folder), stdout=log, stderr=subprocess.STDOUT)


def start_worker(redis_url: str, folder: Path, number: int) -> subprocess.Popen:
    log = (folder / f"worker-{number}.log").open("w")
    return subprocess.Popen(judge_command("worker", "--queue", redis_url, "--sandbox", "local"),
                            env=child_env(folder), stdout=log, stderr=subprocess.STDOUT)


def wait_until_serving(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode} before serving")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/contest", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not answer within 60 s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# --- the load ----------------------------------------------------------------------------------


async def load(name: str, port: int, db: Path, tokens: list[str], args: argparse.Namespace) -> Figures:
    """Everyone submits; the scoreboard is read all along, until the last verdict."""
    figures = Figures(name)
    limits = httpx.Limits(max_connections=args.concurrency)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=60) as client:
        sending = [participant(client, token, number, args, figures) for number, token in enumerate(tokens)]
        reader = asyncio.create_task(read_scoreboard(client, figures))
        figures.first_ack = time.time()
        await asyncio.gather(*sending)
        figures.last_verdict = await asyncio.to_thread(wait_until_judged, db, figures.submissions)
        reader.cancel()
    return figures


async def participant(client: httpx.AsyncClient, token: str, number: int, args: argparse.Namespace,
                      figures: Figures) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    for attempt in range(args.submissions):
        accepted = (number * args.submissions + attempt) % round(1 / args.accepted_share) == 0 \
            if args.accepted_share > 0 else False
        source = ACCEPTED if accepted else FAILS_AT_IMPORT
        body = {"problem": SLUG, "filename": f"{SLUG}.py", "source_base64": base64.b64encode(source).decode()}
        sent = time.perf_counter()
        response = await client.post("/api/submissions", json=body, headers=headers)
        figures.acknowledged.append(time.perf_counter() - sent)
        if response.status_code != 201:
            figures.problems.append(f"POST answered {response.status_code}: {response.text[:200]}")
            continue
        figures.submissions += 1


async def read_scoreboard(client: httpx.AsyncClient, figures: Figures) -> None:
    while True:
        sent = time.perf_counter()
        response = await client.get("/api/scoreboard")
        if response.status_code == 200:
            figures.scoreboard.append(time.perf_counter() - sent)
        await asyncio.sleep(SCOREBOARD_EVERY_S)


# --- the verdicts ------------------------------------------------------------------------------


def wait_until_judged(db: Path, expected: int) -> float:
    """The moment the last acknowledged submission was judged (read from the database)."""
    deadline = time.monotonic() + JUDGED_WITHIN_S
    while time.monotonic() < deadline:
        with ContestStore(db) as store:
            log = store.submissions(CONTEST)
        if len(log) >= expected and all(item.judged for item in log):
            return max(item.judged_at for item in log)
        time.sleep(0.5)
    raise SystemExit(f"not every submission was judged within {JUDGED_WITHIN_S} s")


def check_database(db: Path, acknowledged: int) -> list[str]:
    """Nothing lost (every acknowledged submission recorded and judged), nothing judged twice."""
    with ContestStore(db) as store:
        log = store.submissions(CONTEST)
    found = []
    if len(log) != acknowledged:
        found.append(f"{acknowledged} submissions acknowledged, {len(log)} in the database")
    found += [f"#{item.id} claimed {item.judging_runs} times" for item in log if item.judging_runs != 1]
    found += [f"#{item.id} has no verdict" for item in log if item.verdict is None]
    return found


def report(figures: Figures, args: argparse.Namespace) -> str:
    ack, board = sorted(figures.acknowledged), sorted(figures.scoreboard)
    judged_s = figures.last_verdict - figures.first_ack
    verdict = "every submission judged exactly once, none lost" if not figures.problems \
        else "PROBLEMS: " + "; ".join(figures.problems[:5])
    return "\n".join([
        f"queue {figures.queue}: {args.participants} participants x {args.submissions} submissions, "
        f"{args.workers} judge workers, at most {args.concurrency} requests in flight",
        f"  acknowledged  {figures.submissions} submissions: p50 {ms(percentile(ack, 50))}, "
        f"p95 {ms(percentile(ack, 95))}",
        f"  judging       {figures.submissions} in {judged_s:.1f} s: {figures.submissions / judged_s:.2f} "
        f"submissions/s ({args.accepted_share:.0%} judged in full, the rest fail at import)",
        f"  scoreboard    {len(board)} reads under load: p50 {ms(percentile(board, 50))}, "
        f"p95 {ms(percentile(board, 95))}",
        f"  check         {verdict}",
    ])


def percentile(values: list[float], p: int) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


if __name__ == "__main__":
    sys.exit(main())
