#!/usr/bin/env bash
# Input -> parameter snapshot latency through the model worker (Handheld's shipped MLP) at 1k inputs
# per second, against the same inputs reaching the snapshot without the model, in the same run; bytes
# allocated per input on the conductor and worker threads.
# Source: bench/src/main/java/org/vernissage/bench/ModelInputLatency.java; figures in docs/performance.md (models).
#
#   bench/run-model-latency.sh                      10 s at 1000 inputs/s
#   bench/run-model-latency.sh --seconds 20 --rates 1000,5000
#
# Keeps the output in bench/target/model-latency.txt.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
echo "run-model-latency: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$JAVA_HOME/bin/java" -Xms512m -Xmx512m --add-exports java.base/jdk.internal.misc=ALL-UNNAMED --add-exports java.base/sun.nio.ch=ALL-UNNAMED -cp "$jar" org.vernissage.bench.ModelInputLatency "$@" 2>&1 \
  | tee "$root/bench/target/model-latency.txt"
echo "run-model-latency: load average after $(cut -d' ' -f1-3 /proc/loadavg)" >&2
