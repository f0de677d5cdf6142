#!/usr/bin/env bash
# End-to-end frame-time benchmark: the engine's RenderLoop playing a shader headless (EGL) against
# a bare LWJGL loop drawing the same GLSL at the same size, in the same run and context, glFinish
# per frame in both; p50, p99, mean and the engine/bare ratios (issue 9's target: <= 1.05).
#
#   bench/run-isf-frametime.sh                                 shaders/library/plasma.fs (ISF) at 640x360 and 1280x720
#   bench/run-isf-frametime.sh shaders/library/gradient.fs     a lighter ISF generator
#   bench/run-isf-frametime.sh artworks/tidewater               an artwork folder (manifest + GLSL)
#   bench/run-isf-frametime.sh --sizes 320x180 --frames 600 artworks/tidewater
#   LP_NUM_THREADS=0 bench/run-isf-frametime.sh --clock cpu   render-thread CPU time: what other processes take is left out
#   options: --sizes WxH[,WxH...] --frames N (per round and loop, 250) --rounds N (20) --skip N (10)
#            --warmup N (10000 frames: the JIT settles first) --schedule (per-thread CPU and wait, each side) --clock wall|cpu
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
bench_exec_gl org.vernissage.bench.frametime.FrameTimeBenchmark "$@"
