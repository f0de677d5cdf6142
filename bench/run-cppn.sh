#!/usr/bin/env bash
# CPPN benchmark: the Lineage piece with its network's weights in a uniform block (as it runs)
# against the same shader with the same weights inlined as constants, same size, same parameters,
# in the same run (alternating short blocks of frames); prints frame time p50 / p99, frames/s and
# the ratios (target: block / inlined at most x1.2).
#
#   bench/run-cppn.sh                     320x180, 100 blocks of 5 frames each per variant
#   bench/run-cppn.sh 1920 1080 40 5      width, height, blocks, frames per block
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
bench_exec_gl org.vernissage.bench.cppn.CppnFrameTime "$@"
