#!/usr/bin/env bash
# A venue output's warp + blend pass against the plain region blit, headless, same size, same run.
#
#   bench/run-warp.sh                 640x360, 3000 frames each
#   bench/run-warp.sh 1280x720 2000   size, frames
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
bench_exec_gl org.vernissage.bench.WarpOutputCost "$@"
