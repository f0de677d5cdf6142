#!/usr/bin/env bash
# Single-sample inference of one 8-32-32-3 MLP in the same run: a bare matrix multiply (the
# baseline), the engine's MLP path (MlpNetwork), ONNX Runtime and DJL PyTorch (files written by
# the project's own code into bench/target/models/).
#
#   bench/run-models.sh                 latency: p50/p99/p99.9 and heap bytes per call, 200000 calls each
#   bench/run-models.sh latency 500000
#   bench/run-models.sh soak            resident memory over 1000000 calls on each native runtime
#                                       (fixed, pre-touched heap so RSS shows native memory only)
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
exec "$JAVA_HOME/bin/java" -Xms256m -Xmx256m -XX:+AlwaysPreTouch \
  --enable-native-access=ALL-UNNAMED --add-exports java.base/jdk.internal.misc=ALL-UNNAMED --add-exports java.base/sun.nio.ch=ALL-UNNAMED \
  -cp "$jar" org.vernissage.bench.models.ModelInferenceBench "$@"
