#!/usr/bin/env bash
# End-to-end benchmark: OSCQuery's value push, a frame mark (right after a value change) -> a
# WebSocket client that LISTENs holds the value as an OSC frame, p50/p99/p99.9, against the same
# frame mark -> the outbox agent's thread (the engine's own hand-offs), in the same run.
# Source: bench/src/main/java/org/vernissage/bench/OscQueryPushLatency.java; notes in
# docs/performance.md (OSCQuery) and docs/architecture.md (Show control).
#
#   bench/run-oscquery-latency.sh                   10 s of frames at 60 fps
#   bench/run-oscquery-latency.sh --seconds 20 --fps 120
#
# Keeps the output in bench/target/oscquery-latency.txt.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
echo "run-oscquery-latency: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$JAVA_HOME/bin/java" -Xms512m -Xmx512m --add-exports java.base/jdk.internal.misc=ALL-UNNAMED --add-exports java.base/sun.nio.ch=ALL-UNNAMED -cp "$jar" \
  org.vernissage.bench.OscQueryPushLatency "$@" 2>&1 | tee "$root/bench/target/oscquery-latency.txt"
echo "run-oscquery-latency: load average after $(cut -d' ' -f1-3 /proc/loadavg)" >&2
