#!/usr/bin/env bash
# A venue output's warp + blend pass against the plain region blit, headless, same size, same run.
#
#   bench/run-warp.sh                 640x360, 3000 frames each
#   bench/run-warp.sh 1280x720 2000   size, frames
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -Dorg.lwjgl.system.memoryBackend=ffm \
  -Dorg.lwjgl.system.SharedLibraryExtractPath="$root/target/natives" \
  -cp "$jar" org.vernissage.bench.WarpOutputCost "$@"
