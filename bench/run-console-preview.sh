#!/usr/bin/env bash
# The web console's live preview cost: artworks/tidewater headless and unpaced with --console; the
# frame time (and the render thread's CPU time per frame) while three consoles poll as the page does
# (status every 500 ms, preview.png every 333 ms; the clients run in a JVM of their own, its CPU
# reported apart) against none, in alternating phases of the same run.
#
#   bench/run-console-preview.sh                160x90, 3 s phases, 5 pairs
#   bench/run-console-preview.sh 320x180 4 6 20000
#                                                size, seconds per phase, pairs, requests sent back
#                                                to back first (the server's code compiled, as in a
#                                                show where a console has been open a while; 0 if left out)
#   LP_NUM_THREADS=0 bench/run-console-preview.sh 160x90 4 6
#                                                llvmpipe on the render thread: its CPU time per frame
#                                                is then the frame's whole work
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
bench_exec_gl org.vernissage.bench.console.ConsolePreviewCost "$@"
