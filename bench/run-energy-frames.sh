#!/usr/bin/env bash
# The energy meter's cost on a whole frame: Tidewater headless and unpaced, without the meter and
# with it (sampler thread on a powercap tree + the budget's pacer), alternating in the same run and
# context (bench/src/main/java/org/vernissage/bench/frametime/EnergyMeterFrameCost.java).
#
#   bench/run-energy-frames.sh                   320x180, 300 frames per round and condition, 10 rounds, sampler every 10 ms
#   bench/run-energy-frames.sh 640x360 300 8 10  size, frames, rounds, sampler interval in ms
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
bench_exec_gl org.vernissage.bench.frametime.EnergyMeterFrameCost "$@"
