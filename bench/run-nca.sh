#!/usr/bin/env bash
# Bloom (NCA) frame time against its display alone, same graph, same run (alternating blocks).
#
#   bench/run-nca.sh                    320x180, 200 blocks of 5 frames each per loop
#   bench/run-nca.sh 640 360 200 10     width, height, blocks, frames per block
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
bench_exec_gl org.vernissage.bench.nca.BloomFrameTime "$@"
