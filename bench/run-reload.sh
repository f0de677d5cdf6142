#!/usr/bin/env bash
# Hot reload benchmark: artworks/tidewater (a copy) headless, paced in real time; its shader saved
# every 2 s from another thread; the p99 frame time of the frames during each reload (from the save
# to 30 frames after the new program is on the wall) against the steady frames before the first
# save, in the same run.
# Mesa's shader cache is off so that every save is compiled, as an artist's real edit is.
#
#   bench/run-reload.sh                 160x90 at 60 fps, 8 reloads
#   bench/run-reload.sh 320x180 30 12   size, fps, reloads
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
export MESA_SHADER_CACHE_DISABLE=true
bench_exec_gl org.vernissage.bench.reload.HotReloadFrameTimes "$@"
