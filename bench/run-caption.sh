#!/usr/bin/env bash
# The disclosure caption's cost: handheld's shader headless and unpaced, no caption feature vs the
# caption built but off vs on, alternating in the same run and context.
#
#   bench/run-caption.sh                 320x180, 200 frames per round and condition, 10 rounds
#   bench/run-caption.sh 640x360 300 8   size, frames, rounds
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
bench_exec_gl org.vernissage.bench.frametime.CaptionOffCost "$@"
