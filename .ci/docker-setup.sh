#!/usr/bin/env bash
# CI (CI=true): make the Docker tests run for real.
#   1. install the engine and debootstrap from Debian's packages,
#   2. start dockerd in the background unless an engine already answers,
#   3. build the sandbox image offline (no image registry is reachable here).
# Idempotent: a machine that kept its packages, engine or images skips those steps.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "docker-setup: $*" >&2; }

install_packages() {
    local missing=()
    command -v dockerd >/dev/null || missing+=(docker.io)
    command -v debootstrap >/dev/null || missing+=(debootstrap)
    [ "${#missing[@]}" -eq 0 ] && return 0
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q "${missing[@]}" >/dev/null
}

engine_answers() { docker info >/dev/null 2>&1; }

# A dockerd killed with its session leaves its pid file behind, and dockerd
# refuses to start while that pid exists, whoever holds it now.
clear_stale_pidfile() {
    local pidfile=/var/run/docker.pid pid
    [ -f "$pidfile" ] || return 0
    pid="$(cat "$pidfile")"
    if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ] && ! grep -qs '^State:.*zombie' "/proc/$pid/status"; then
        return 0  # a live dockerd, still starting: wait for it below
    fi
    log "removing the stale $pidfile (pid $pid is not a running dockerd)"
    rm -f "$pidfile"
}

start_engine() {
    engine_answers && { log "the engine already answers"; return 0; }
    clear_stale_pidfile
    local logfile="${TMPDIR:-/tmp}/judge-ci-dockerd.log"
    log "starting dockerd (log: $logfile)"
    nohup dockerd >"$logfile" 2>&1 &
    for _ in $(seq 1 60); do
        engine_answers && return 0
        sleep 1
    done
    log "dockerd did not answer within 60 s; its log ends with:"
    tail -n 30 "$logfile" >&2
    return 1
}

build_image() {
    # The judge builds its own image: use the environment the tests will use
    # (`make setup` is idempotent and installs the judge with its docker extra).
    make --no-print-directory setup
    local python="${VENV:-.venv}/bin/python"
    log "building the sandbox image offline"
    "$python" -c "from judge.cli.image import image; image()" build --offline
    log "ready: $("$python" -c 'from judge.sandbox.docker import docker_status; print(docker_status()[2])')"
}

install_packages
start_engine
build_image
