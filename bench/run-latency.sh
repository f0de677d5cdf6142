#!/usr/bin/env bash
# End-to-end benchmark: OSC packet sent over loopback UDP -> end of the first frame that carries
# it, on artworks/tidewater headless at 160x90, unpaced and at 60 fps; with the loopback-UDP and
# frame-time baselines and the receive path's bytes per message, all measured in the same run.
#
#   bench/run-latency.sh               2000 packets per rate, rates 0 (unpaced) and 60 fps
#   bench/run-latency.sh 5000 0 30 60  packets, then the rates
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
bench_exec_gl org.vernissage.bench.OscToFrameLatency "$@"
