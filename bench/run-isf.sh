#!/usr/bin/env bash
# Frame time of IsfArtwork against a bare LWJGL loop drawing the same translated ISF GLSL, same
# size, same run (rounds alternate); p50/p99 and ratios.
#
#   bench/run-isf.sh                  320x180, 300 frames per round, 6 rounds
#   bench/run-isf.sh 640x360 200 10
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -Dorg.lwjgl.system.memoryBackend=ffm \
  -Dorg.lwjgl.system.SharedLibraryExtractPath="$root/target/natives" \
  -cp "$jar" org.vernissage.bench.IsfFrameTime "$@"
