#!/usr/bin/env bash
# The web console's live preview cost: artworks/tidewater headless and unpaced with --console; the
# frame time (and the render thread's CPU time per frame) with no console, with three polling as
# the old page did (status every 500 ms, preview.png every 333 ms: the page's fallback) and with
# three on sockets as the page does now (status and preview pushed), in rounds of the same run; the
# clients run in a JVM of their own, its CPU reported apart. Prints each thread's CPU ms/s, the
# console thread's system calls, and "consoles/none (sockets, the page now)": the ratio judged.
#
#   bench/run-console-preview.sh                160x90, 3 s phases, 5 rounds
#   bench/run-console-preview.sh 320x180 4 6 20000
#   bench/run-console-preview.sh 160x90 4 10 0 10  10 rounds played first, unrecorded (~200 s: the JIT settles)
#                                                size, seconds per phase, rounds, requests sent back
#                                                to back first (the server's code compiled, as in a
#                                                show where a console has been open a while; 0 if left out),
#                                                rounds played first, unrecorded (1 if left out)
#   bench/run-console-preview.sh 160x90 4 10 0 10 idle-clients
#                                                the clients' process in SCHED_IDLE (chrt): in a show the
#                                                consoles are tablets, off the show's cores
#   LP_NUM_THREADS=0 bench/run-console-preview.sh 160x90 4 6
#                                                llvmpipe on the render thread: its CPU time per frame
#                                                is then the frame's whole work
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
bench_exec_gl org.vernissage.bench.console.ConsolePreviewCost "$@"
