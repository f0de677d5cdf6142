#!/usr/bin/env bash
# CPPN benchmark: the Lineage piece as it now runs (its network still, so drawn with the weights
# compiled in by its shader specialisation) against the same shader with the same weights inlined
# as constants by hand (the baseline), and the piece with its weights always in the uniform block
# (as before) as a third column; same size, same parameters, in the same run (rotating short blocks
# of frames). Prints frame time p50 / p99, frames/s, the render thread's CPU time and the ratios;
# the target is "as run / inlined" at most x1.2. Also prints the frame that swapped the specialised
# program in and the longest frame while it was prepared off the render thread.
#
#   bench/run-cppn.sh                     320x180, 100 blocks of 5 frames each per variant
#   bench/run-cppn.sh 1920 1080 40 5      width, height, blocks, frames per block
#   JAVA_TOOL_OPTIONS=-Dvernissage.cppn.specialise=off bench/run-cppn.sh ...   "as run" without specialisation
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
bench_exec_gl org.vernissage.bench.cppn.CppnFrameTime "$@"
