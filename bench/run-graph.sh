#!/usr/bin/env bash
# Render graph benchmark: a 4-pass feedback graph (float feedback, two blur passes, a colour layer,
# composited) against the same passes hand-coded in a bare LWJGL loop, same size, same GLSL, in the
# same run (alternating short blocks of frames); prints frame time p50 / p99 and the ratios.
#
#   bench/run-graph.sh                    320x180, 2000 blocks of 5 frames each per loop (after 6,000 frames of each, unrecorded)
#   bench/run-graph.sh 640 360 200 10     width, height, blocks, frames per block
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
bench_exec_gl org.vernissage.bench.graph.GraphFrameTime "$@"
