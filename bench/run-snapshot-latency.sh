#!/usr/bin/env bash
# End-to-end benchmark: OSC packet sent over loopback UDP -> the moment the conductor publishes the
# parameter snapshot that carries its value (OscUdpReceiver -> OscBindingRouter -> InputRing ->
# Conductor with the artwork's BindingConditioner -> SnapshotExchange), against bare one-way
# loopback UDP to a thread blocked in receive, in 1 s blocks that alternate between the two (and a
# third, secondary kind: the snapshot seen by a polling reader) through the whole run.
# Prints pooled p50/p99/p99.9 per side, the pooled p99 ratio and the median per-block-pair p99 ratio;
# its last line is the issue 8 target (a) ratio at 1k/s.
# Source: bench/src/main/java/org/vernissage/bench/OscSnapshotLatency.java; method in docs/performance.md.
#
#   bench/run-snapshot-latency.sh                  20 s per side, rates 1000 and 10000 (about 2.5 min)
#   bench/run-snapshot-latency.sh --rates 1000 --seconds 60 --reader none    the target alone, 60,000 samples per side (about 2 min)
#   options: --seconds S (per side and rate)  --block-seconds B (default 1)  --rates R1,R2
#            --reader yield|spin|park|none  --ring-wait hosted|backoff|blocking|sleeping|yielding|busy-spin
#            --selector-floor  (a fourth kind of block: the bare socket woken through a Selector, as the
#                               hosted conductor waits, with nothing of the engine after it)
#            --floor-work-us N  (the selector floor spins N us after each receive before it stamps:
#                               what that much work right after a wake-up costs here)
#
# Keeps the output in bench/target/snapshot-latency.txt.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
echo "run-snapshot-latency: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$JAVA_HOME/bin/java" -Xms1g -Xmx1g --add-exports java.base/jdk.internal.misc=ALL-UNNAMED --add-exports java.base/sun.nio.ch=ALL-UNNAMED -cp "$jar" org.vernissage.bench.OscSnapshotLatency "$@" 2>&1 \
  | tee "$root/bench/target/snapshot-latency.txt"
echo "run-snapshot-latency: load average after $(cut -d' ' -f1-3 /proc/loadavg)" >&2
