#!/usr/bin/env bash
# End-to-end benchmark: OSC packet sent over loopback UDP -> its value in the parameter snapshot the
# render thread would latch (OscUdpReceiver -> OscBindingRouter -> InputRing -> Conductor with the
# artwork's BindingConditioner -> SnapshotExchange), p50/p99/p99.9 at 1k and 10k messages per
# second, against bare one-way loopback UDP to a thread blocked in receive, in the same run.
# Source: bench/src/main/java/org/vernissage/bench/OscSnapshotLatency.java; method in docs/performance.md.
#
#   bench/run-snapshot-latency.sh                  10 s per rate and line, rates 1000 and 10000 (about 70 s)
#   bench/run-snapshot-latency.sh --seconds 20 --rates 1000,10000,30000 --reader yield|spin|park
#                                 --ring-wait hosted|backoff|blocking|sleeping|yielding|busy-spin
#
# Keeps the output in bench/target/snapshot-latency.txt.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
echo "run-snapshot-latency: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$JAVA_HOME/bin/java" -Xms1g -Xmx1g --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp "$jar" org.vernissage.bench.OscSnapshotLatency "$@" 2>&1 \
  | tee "$root/bench/target/snapshot-latency.txt"
echo "run-snapshot-latency: load average after $(cut -d' ' -f1-3 /proc/loadavg)" >&2
