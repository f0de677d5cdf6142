#!/usr/bin/env bash
# End-to-end benchmark of show control: /go on the control port (UDP, loopback) -> end of the first
# frame showing the cue's change, and GO -> /reply, on artworks/tidewater headless at 160x90; the
# baseline (the same change through the OSC input port) measured in the same run. Also, per GO, the
# latency less its frame's own time (send -> latch of the frame that showed it) against one interval,
# the share of GOs that missed their first frame, and the floor: a bare UDP receiver's datagram and
# the next latch after it arrived.
#
#   bench/run-control-latency.sh            1000 GOs per rate, at 60 fps then unpaced
#   bench/run-control-latency.sh 300 60     GOs, then the rates
#   JAVA_TOOL_OPTIONS=-Dfloor.wait=selector bench/run-control-latency.sh 1000 60
#                                           the floor's receiver waits on a selector, as the hosted
#                                           conductor does (the wait told apart from the engine)
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
bench_exec_gl org.vernissage.bench.ControlGoToFrameLatency "$@"
