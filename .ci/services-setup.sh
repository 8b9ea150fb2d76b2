#!/usr/bin/env bash
# CI (CI=true): the services the contest-server tests use for real.
#   1. install Debian's redis-server (the RQ judging queue), chromium and
#      chromium-driver (the browser tests of the live scoreboard),
#   2. start redis-server on loopback, daemonized, with no persistence, unless
#      one already answers there;
#   3. install Debian's shellcheck, which actionlint runs on the `run:` scripts
#      of the generated CI workflows (tests/grade/test_ci.py).
# The tests find Redis at $JUDGE_TEST_REDIS (default redis://127.0.0.1:6379/15);
# nothing is exported from here. Idempotent, like docker-setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "services-setup: $*" >&2; }

REDIS_PORT="${JUDGE_CI_REDIS_PORT:-6379}"

install_packages() {
    local missing=()
    command -v redis-server >/dev/null || missing+=(redis-server)
    command -v chromium >/dev/null || missing+=(chromium)
    command -v chromedriver >/dev/null || missing+=(chromium-driver)
    command -v shellcheck >/dev/null || missing+=(shellcheck)
    [ "${#missing[@]}" -eq 0 ] && return 0
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q "${missing[@]}" >/dev/null
}

redis_answers() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

start_redis() {
    redis_answers && { log "redis already answers on 127.0.0.1:$REDIS_PORT"; return 0; }
    local logfile="${TMPDIR:-/tmp}/judge-ci-redis.log"
    log "starting redis-server on 127.0.0.1:$REDIS_PORT (log: $logfile)"
    # Loopback only, no RDB snapshots and no AOF: the tests' queues are throwaway.
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --save '' --appendonly no \
        --logfile "$logfile" --dir "${TMPDIR:-/tmp}"
    for _ in $(seq 1 50); do
        redis_answers && return 0
        sleep 0.2
    done
    log "redis-server did not answer within 10 s; its log ends with:"
    tail -n 30 "$logfile" >&2
    return 1
}

install_packages
start_redis
