#!/usr/bin/env bash
# The web console's live preview cost: artworks/tidewater headless and unpaced with --console; the
# frame time while three consoles poll as the page does (status every 500 ms, preview.png every
# 333 ms) against none, in alternating phases of the same run.
#
#   bench/run-console-preview.sh                160x90, 3 s phases, 5 pairs
#   bench/run-console-preview.sh 320x180 4 6     size, seconds per phase, pairs
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
bench_exec_gl org.vernissage.bench.console.ConsolePreviewCost "$@"
