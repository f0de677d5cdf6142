#!/usr/bin/env bash
# Hot reload benchmark: artworks/tidewater (a copy) headless, paced in real time; its shader saved
# every 2 s from another thread; the p99 frame time of the frames during each reload (from the save
# to 30 frames after the new program is on the wall) against the steady frames before the first
# save. Rounds alternate in one run: the reload on the render thread alone, then with the cache
# warmer (each save built and drawn first in a context of the watcher's own), and so on.
# Mesa's shader cache (which, on llvmpipe, also keeps the JIT code the warmer relies on) gets a
# fresh, empty folder, removed at the end; every save has a constant no earlier save had, so every
# save is compiled, as an artist's real edit is, and nothing is answered from an earlier run.
#   RELOAD_CACHE=off         MESA_SHADER_CACHE_DISABLE=true instead (the warmer can do nothing)
#   RELOAD_CACHE=unwritable  the cache folder cannot be made (under a plain file): Mesa runs without it
#   RELOAD_OUTPUT=window     each round in a GLFW (GLX) window instead of headless, the warmer's EGL
#                            context beside it; on $DISPLAY, or on an Xvfb started here when none is set
#
#   bench/run-reload.sh                  160x90 at 60 fps, 4 rounds of 4 reloads
#   bench/run-reload.sh 320x180 30 4 6   size, fps, reloads per round, rounds
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
cache="$(mktemp -d -t vernissage-mesa-cache.XXXXXX)"
trap 'rm -rf "$cache"' EXIT
case "${RELOAD_CACHE:-fresh}" in
  fresh) export MESA_SHADER_CACHE_DIR="$cache" ;;
  off) export MESA_SHADER_CACHE_DISABLE=true ;;
  unwritable) touch "$cache/file"; export MESA_SHADER_CACHE_DIR="$cache/file/cache" ;;
  *) echo "run-reload.sh: RELOAD_CACHE is fresh, off or unwritable, not ${RELOAD_CACHE}" >&2; exit 2 ;;
esac
unset MESA_GLSL_CACHE_DISABLE MESA_GLSL_CACHE_DIR
xvfb=""
output_flag=()
case "${RELOAD_OUTPUT:-headless}" in
  headless) ;;
  window)
    output_flag=(--window)
    if [ -z "${DISPLAY:-}" ]; then
      command -v Xvfb >/dev/null || { echo "run-reload.sh: RELOAD_OUTPUT=window needs a DISPLAY or Xvfb (scripts/test-setup.sh installs it)" >&2; exit 2; }
      mkfifo "$cache.display"
      Xvfb -displayfd 4 -screen 0 640x480x24 -nolisten tcp 4>"$cache.display" 2>/dev/null &
      xvfb=$!
      read -r number <"$cache.display" # Xvfb writes its display number once it accepts clients
      rm -f "$cache.display"
      export DISPLAY=":$number"
      echo "run-reload.sh: Xvfb on $DISPLAY" >&2
    fi
    unset WAYLAND_DISPLAY ;;
  *) echo "run-reload.sh: RELOAD_OUTPUT is headless or window, not ${RELOAD_OUTPUT}" >&2; exit 2 ;;
esac
trap 'rm -rf "$cache"; [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null' EXIT
du_cache() { du -sk "$cache" | cut -f1; }
(bench_exec_gl org.vernissage.bench.reload.HotReloadFrameTimes "${output_flag[@]}" "$@") # a subshell: the trap still cleans up
echo "Mesa's shader cache folder held $(du_cache) KiB at the end (RELOAD_CACHE=${RELOAD_CACHE:-fresh}, RELOAD_OUTPUT=${RELOAD_OUTPUT:-headless})"
