#!/usr/bin/env bash
# Lineage's CPPN shader with its weights from a uniform block, a default-block uniform array and
# constants, drawn by bare GL calls: render-thread CPU time per frame (p50). Run with
# LP_NUM_THREADS=0 so that llvmpipe rasterises on the render thread.
#
#   LP_NUM_THREADS=0 bench/run-cppn-sources.sh          160x90
#   LP_NUM_THREADS=0 bench/run-cppn-sources.sh 320 180
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
bench_exec_gl org.vernissage.bench.cppn.CppnWeightSources "$@"
