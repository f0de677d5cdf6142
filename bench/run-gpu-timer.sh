#!/usr/bin/env bash
# The GPU frame timer's cost on a whole frame: Tidewater headless and unpaced, without the timer and
# with it (a GL_TIME_ELAPSED query per frame, results read when available), alternating in the same
# run and context (bench/src/main/java/org/vernissage/bench/frametime/GpuTimerFrameCost.java).
#
#   bench/run-gpu-timer.sh                 320x180, 300 frames per round and condition, 10 rounds
#   bench/run-gpu-timer.sh 640x360 300 8   size, frames, rounds
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
bench_exec_gl org.vernissage.bench.frametime.GpuTimerFrameCost "$@"
